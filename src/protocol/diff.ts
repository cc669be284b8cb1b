/**
 * Structural diffs of JSON objects: how a changed object crosses the worker boundary. The worker
 * remembers what the UI holds and sends only the fields that differ; the UI applies the ops to its
 * copy. A pod whose Ready condition flips travels as a few dozen bytes, not its whole 2 KB.
 *
 * An op is `[path, value]` (set) or `[path]` (delete). Paths step through object keys and array
 * indexes. Arrays of equal length are diffed by index; an array whose length changed is replaced
 * whole (conditions and container statuses rarely change length, and a replace is always right).
 *
 * Contract: `applyDiff(a, diffObject(a, b))` deep-equals `b` for any JSON values a and b, and
 * `applyDiff` never mutates its input: unchanged subtrees are shared, changed paths are copied.
 */

export type PathStep = string | number;
export type DiffOp = readonly [path: readonly PathStep[], value: unknown] | readonly [path: readonly PathStep[]];

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
  if (Array.isArray(prev) && Array.isArray(next) && prev.length === next.length) {
    for (let i = 0; i < next.length; i++) diffInto(prev[i], next[i], [...path, i], ops);
    return;
  }
  if (path.length === 0) {
    // The root is replaced: only possible when one side is not an object.
    ops.push([[], next]);
    return;
  }
  ops.push([path, next]);
}

/** `base` with `ops` applied, copy-on-write. */
export function applyDiff<T>(base: T, ops: readonly DiffOp[]): T {
  let root: unknown = base;
  for (const op of ops) root = applyOp(root, op[0], 0, op.length === 2, op[1]);
  return root as T;
}

function applyOp(node: unknown, path: readonly PathStep[], i: number, isSet: boolean, value: unknown): unknown {
  if (i === path.length) return value;
  const step = path[i]!;
  if (Array.isArray(node)) {
    const copy = node.slice();
    const idx = Number(step);
    if (i === path.length - 1 && !isSet) copy.splice(idx, 1);
    else copy[idx] = applyOp(node[idx], path, i + 1, isSet, value);
    return copy;
  }
  const obj: JsonObject = isObject(node) ? node : {};
  const copy: JsonObject = { ...obj };
  const key = String(step);
  if (i === path.length - 1 && !isSet) delete copy[key];
  else copy[key] = applyOp(obj[key], path, i + 1, isSet, value);
  return copy;
}
