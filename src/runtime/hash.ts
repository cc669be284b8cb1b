/**
 * Template hashes as controllers name things with them: `pod-template-hash` (Deployment),
 * `controller-revision-hash` (DaemonSet, StatefulSet). Upstream (pkg/controller ComputeHash) writes
 * the template through go-spew into an FNV-32a hasher, appends the collision count as 8
 * little-endian bytes, and prints the sum's decimal digits through rand.SafeEncodeString.
 *
 * Kubeplay hashes a canonical JSON form of the template (keys sorted, empty values dropped)
 * instead of go-spew's dump of Go structs: the names have the real shape (`web-7c5ddbdf54`,
 * digits mapped into "4-9bcdf") and change exactly when the template changes, but the values
 * differ from a real cluster's, whose hash also depends on Go struct layout and API version.
 */

/** k8s.io/apimachinery util/rand alphanums: no vowels, no 0, 1, 3 (fewer accidental words). */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** rand.SafeEncodeString: each character mapped into SAFE_ALPHABET by its code point. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-32a over bytes, continuing from `seed` (hash/fnv New32a + Write). */
export function fnv32a(bytes: Iterable<number>, seed = FNV32_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) h = Math.imul(h ^ (b & 0xff), FNV32_PRIME) >>> 0;
  return h;
}

/** JSON with object keys sorted and null / empty arrays / empty objects dropped (apiequality's nil == empty). */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c === undefined || c === null) continue;
      if (Array.isArray(c) && c.length === 0) continue;
      if (typeof c === "object" && !Array.isArray(c) && Object.keys(c as object).length === 0) continue;
      out[k] = c;
    }
    return out;
  }
  return v;
}

/** controller.ComputeHash: the hash of a pod template, salted with the owner's collisionCount. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJSON(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
