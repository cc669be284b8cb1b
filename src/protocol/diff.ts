/**
 * Structural diffs of JSON objects: how a changed object crosses the worker boundary. The worker
 * remembers what the UI holds and sends only the fields that differ; the UI applies the ops to its
 * copy. A pod whose Ready condition flips travels as a few dozen bytes, not its whole 2 KB.
 *
 * An op is `[path, value]` (set), `[path]` (delete) or `[path, start, deleteCount, items]` (splice
 * the array at path, as Array.prototype.splice). Paths step through object keys and array indexes.
 * Array elements are matched by identity where Kubernetes' strategic merge patch would (a pod by
 * uid, a container by name, a condition by type, an address by ip), else by value; a shortest
 * edit script (Myers) splices what came and went and the kept elements diff inside. An address
 * moving between two lists of a hundred (Endpoints' addresses and notReadyAddresses) costs one
 * element each, and an EndpointSlice whose endpoints shifted costs the endpoints that changed.
 *
 * Contract: `applyDiff(a, diffObject(a, b))` deep-equals `b` for any JSON values a and b, and
 * `applyDiff` never mutates its input: unchanged subtrees are shared, changed paths are copied.
 */

export type PathStep = string | number;
export type DiffOp =
  | readonly [path: readonly PathStep[], value: unknown]
  | readonly [path: readonly PathStep[]]
  | readonly [path: readonly PathStep[], start: number, deleteCount: number, items: readonly unknown[]];

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The ops that turn `prev` into `next`. Empty when they are deeply equal. */
export function diffObject(prev: unknown, next: unknown): DiffOp[] {
  const ops: DiffOp[] = [];
  diffInto(prev, next, [], ops);
  return ops;
}

function diffInto(prev: unknown, next: unknown, path: PathStep[], ops: DiffOp[]): void {
  if (prev === next) return;
  if (isObject(prev) && isObject(next)) {
    for (const k of Object.keys(next)) {
      const nv = next[k];
      if (nv === undefined) {
        if (prev[k] !== undefined) ops.push([[...path, k]]);
        continue;
      }
      if (!(k in prev) || prev[k] === undefined) ops.push([[...path, k], nv]);
      else diffInto(prev[k], nv, [...path, k], ops);
    }
    for (const k of Object.keys(prev)) {
      if (!(k in next) && prev[k] !== undefined) ops.push([[...path, k]]);
    }
    return;
  }
  if (Array.isArray(prev) && Array.isArray(next)) {
    diffArray(prev, next, path, ops);
    return;
  }
  if (path.length === 0) {
    // The root is replaced: only possible when one side is not an object.
    ops.push([[], next]);
    return;
  }
  ops.push([path, next]);
}

/** Value identity: equal JSON, equal key. */
function valueKey(v: unknown): string {
  return typeof v === "object" && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
}

/**
 * Element identity in a list of objects, the way Kubernetes' strategic merge patch names list
 * elements (patchMergeKey): a pod by its uid (EndpointSlice endpoints' targetRef), a container or
 * port by name, a condition by type, an address by ip. Undefined for an element with none.
 */
function identityKey(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const ref = v.targetRef;
  if (isObject(ref) && typeof ref.uid === "string") return `uid:${ref.uid}`;
  for (const k of ["uid", "name", "type", "ip"] as const) {
    const x = v[k];
    if (typeof x === "string") return `${k}:${x}`;
  }
  return undefined;
}

/** The identity keys of a list, when every element has one and no two share it. */
function identityKeys(list: readonly unknown[]): string[] | undefined {
  if (list.length === 0) return [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const v of list) {
    const k = identityKey(v);
    if (k === undefined || seen.has(k)) return undefined;
    seen.add(k);
    keys.push(k);
  }
  return keys;
}

/**
 * An array's ops: splices for what came and went, then diffs inside the elements that stayed.
 * Elements are matched by identity when both lists have one (a condition that flipped is the same
 * condition), else by value; an element replaced in place by one of the same shape is diffed
 * inside rather than resent.
 */
function diffArray(prev: readonly unknown[], next: readonly unknown[], path: PathStep[], ops: DiffOp[]): void {
  const prevIds = identityKeys(prev);
  const nextIds = prevIds ? identityKeys(next) : undefined;
  const keyed = !!prevIds && !!nextIds && (prev.length > 0 || next.length > 0);
  const prevKeys = keyed ? prevIds! : prev.map(valueKey);
  const nextKeys = keyed ? nextIds! : next.map(valueKey);
  if (!keyed && prev.length === next.length) {
    // Same length, matched by value: an element changed in place diffs inside, unless the list
    // merely shifted (one endpoint gone, another added), which splices cost less.
    const changed: number[] = [];
    for (let i = 0; i < next.length; i++) if (prevKeys[i] !== nextKeys[i]) changed.push(i);
    const shifted = changed.length > 2 ? editHunks(prevKeys, nextKeys) : undefined;
    if (!shifted || shifted.reduce((n, h) => n + (h.to - h.from) + (h.nextTo - h.nextFrom), 0) >= changed.length) {
      for (const i of changed) diffInto(prev[i], next[i], [...path, i], ops);
      return;
    }
  }
  const hunks = editHunks(prevKeys, nextKeys);
  if (!hunks) {
    ops.push([path, 0, prev.length, next]);
    return;
  }
  // Elements kept: pairs (old index, new index). Within a hunk, matched by value the first
  // deleted and inserted elements pair up (replaced in place); matched by identity they differ.
  const pairs: Array<[number, number]> = [];
  const splices: Array<{ at: number; remove: number; items: unknown[] }> = [];
  let i = 0;
  let j = 0;
  for (const h of hunks) {
    while (i < h.from) pairs.push([i++, j++]);
    // Pairing pays for containers only: a replaced number or string is as cheap to resend.
    let paired = 0;
    const most = keyed ? 0 : Math.min(h.to - h.from, h.nextTo - h.nextFrom);
    while (paired < most && typeof prev[h.from + paired] === "object" && prev[h.from + paired] !== null
      && typeof next[h.nextFrom + paired] === "object" && next[h.nextFrom + paired] !== null) paired++;
    for (let k = 0; k < paired; k++) pairs.push([h.from + k, h.nextFrom + k]);
    splices.push({ at: h.from + paired, remove: h.to - h.from - paired, items: next.slice(h.nextFrom + paired, h.nextTo) });
    i = h.to;
    j = h.nextTo;
  }
  while (i < prev.length) pairs.push([i++, j++]);
  // Splices last first, so each index still refers to the old array; then the kept elements'
  // own changes, at their new indexes.
  for (let k = splices.length - 1; k >= 0; k--) {
    const sp = splices[k]!;
    if (sp.remove > 0 || sp.items.length > 0) ops.push([path, sp.at, sp.remove, sp.items]);
  }
  for (const [a, b] of pairs) diffInto(prev[a], next[b], [...path, b], ops);
}

/** Edits beyond this many make an array's diff a plain replacement. */
const MAX_EDITS = 256;

interface Hunk {
  /** Replace old[from, to) with new[nextFrom, nextTo). */
  from: number;
  to: number;
  nextFrom: number;
  nextTo: number;
}

/**
 * The changed stretches between two sequences, by Myers' O(ND) shortest edit script (An O(ND)
 * Difference Algorithm, 1986), or undefined past MAX_EDITS edits.
 */
export function editHunks(a: readonly string[], b: readonly string[]): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return undefined;
  // Walk back through the trace, collecting the edits as (x, y) steps.
  const edits: Array<{ x: number; y: number; del: boolean }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = vd[offset + pk]!;
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      x--;
      y--;
    }
    edits.push(down ? { x: px, y: py, del: false } : { x: px, y: py, del: true });
    x = px;
    y = py;
  }
  edits.reverse();
  // Group consecutive edits into hunks.
  const hunks: Hunk[] = [];
  for (const e of edits) {
    const last = hunks.at(-1);
    const from = e.x;
    const nextFrom = e.y;
    if (last && last.to === from && last.nextTo === nextFrom) {
      if (e.del) last.to++;
      else last.nextTo++;
    } else {
      hunks.push(e.del ? { from, to: from + 1, nextFrom, nextTo: nextFrom } : { from, to: from, nextFrom, nextTo: nextFrom + 1 });
    }
  }
  return hunks;
}

/** Structural equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as JsonObject)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as JsonObject)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** `base` with `ops` applied, copy-on-write. */
export function applyDiff<T>(base: T, ops: readonly DiffOp[]): T {
  let root: unknown = base;
  for (const op of ops) {
    if (op.length === 4) {
      const [, start, deleteCount, items] = op;
      root = applyOp(root, op[0], 0, true, undefined, (arr) => {
        const copy = Array.isArray(arr) ? arr.slice() : [];
        copy.splice(start, deleteCount, ...items);
        return copy;
      });
    } else {
      root = applyOp(root, op[0], 0, op.length === 2, op[1]);
    }
  }
  return root as T;
}

function applyOp(node: unknown, path: readonly PathStep[], i: number, isSet: boolean, value: unknown, update?: (old: unknown) => unknown): unknown {
  if (i === path.length) return update ? update(node) : value;
  const step = path[i]!;
  if (Array.isArray(node)) {
    const copy = node.slice();
    const idx = Number(step);
    if (i === path.length - 1 && !isSet) copy.splice(idx, 1);
    else copy[idx] = applyOp(node[idx], path, i + 1, isSet, value, update);
    return copy;
  }
  const obj: JsonObject = isObject(node) ? node : {};
  const copy: JsonObject = { ...obj };
  const key = String(step);
  if (i === path.length - 1 && !isSet) delete copy[key];
  else copy[key] = applyOp(obj[key], path, i + 1, isSet, value, update);
  return copy;
}
