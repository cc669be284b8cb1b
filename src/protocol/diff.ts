/**
 * Structural diffs of JSON objects: how a changed object crosses the worker boundary. The worker
 * remembers what the UI holds and sends only the fields that differ; the UI applies the ops to its
 * copy. A pod whose Ready condition flips travels as a few dozen bytes, not its whole 2 KB.
 *
 * An op is `[path, value]` (set), `[path]` (delete) or `[path, start, deleteCount, items]` (splice
 * the array at path, as Array.prototype.splice). Paths step through object keys and array indexes.
 * Arrays of equal length are diffed by index; an array whose length changed keeps its equal head
 * and tail and splices the middle, so an address moving between two lists of a hundred
 * (Endpoints' addresses and notReadyAddresses) costs one element each, not two whole lists.
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
    const prevKeys = prev.map(keyOf);
    const nextKeys = next.map(keyOf);
    if (prev.length === next.length) {
      const changed: number[] = [];
      for (let i = 0; i < next.length; i++) if (prevKeys[i] !== nextKeys[i]) changed.push(i);
      // One element changed in place (a condition flipped) diffs inside it; a shifted list (one
      // endpoint gone, another added) is cheaper as splices.
      const shifted = changed.length > 2 ? editHunks(prevKeys, nextKeys) : undefined;
      if (!shifted || shifted.reduce((n, h) => n + (h.to - h.from) + (h.nextTo - h.nextFrom), 0) >= changed.length) {
        for (const i of changed) diffInto(prev[i], next[i], [...path, i], ops);
        return;
      }
    }
    // Splice only what changed: the hunks of a shortest edit script, last first so that each
    // splice's index still refers to the old array.
    const hunks = editHunks(prevKeys, nextKeys);
    if (!hunks) {
      ops.push([path, 0, prev.length, next]);
      return;
    }
    for (let i = hunks.length - 1; i >= 0; i--) {
      const h = hunks[i]!;
      ops.push([path, h.from, h.to - h.from, next.slice(h.nextFrom, h.nextTo)]);
    }
    return;
  }
  if (path.length === 0) {
    // The root is replaced: only possible when one side is not an object.
    ops.push([[], next]);
    return;
  }
  ops.push([path, next]);
}

function keyOf(v: unknown): string {
  return typeof v === "object" && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
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
