/**
 * Deep copy and deep equality of JSON values: what the object store does on every write. API
 * objects are plain JSON (objects, arrays, strings, numbers, booleans, null), so a direct walk is
 * several times faster than structuredClone or comparing JSON.stringify output, and a thousand-pod
 * Endpoints object is copied and compared on every pod change. As in JSON, a property whose value
 * is undefined counts as absent.
 */

/** A deep copy of a JSON value (undefined-valued properties left out, as JSON.stringify would). */
export function copyJSON<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyJSON(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = copyJSON(x);
  }
  return out as T;
}

/** Whether two JSON values are equal as JSON: the same keys (undefined ones aside) with equal values, arrays in order. */
export function equalJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // undefined and a missing value are the same to JSON.
    return a === undefined && b === undefined;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalJSON(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  let keys = 0;
  for (const k of Object.keys(ra)) {
    if (ra[k] === undefined) continue;
    keys++;
    if (!equalJSON(ra[k], rb[k])) return false;
  }
  for (const k of Object.keys(rb)) if (rb[k] !== undefined) keys--;
  return keys === 0;
}
