import { describe, expect, it } from "vitest";
import { canonicalJSON, computeHash, fnv32a, safeEncodeString } from "./hash";

describe("template hashes", () => {
  it("FNV-32a matches the reference vectors", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(fnv32a(enc(""))).toBe(0x811c9dc5);
    expect(fnv32a(enc("a"))).toBe(0xe40c292c);
    expect(fnv32a(enc("foobar"))).toBe(0xbf9cf968);
  });

  it("SafeEncodeString maps digits into the no-vowel alphabet (as pod-template-hash values look)", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });

  it("is stable, ignores key order and empty values, and changes with the template or the collision count", () => {
    const t = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } };
    const same = { spec: { containers: [{ image: "nginx:1.27", name: "web", env: [] }] }, metadata: { labels: { app: "web" }, annotations: {} } };
    expect(computeHash(t)).toBe(computeHash(same));
    expect(computeHash(t)).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash(t)).not.toBe(computeHash({ ...t, spec: { containers: [{ name: "web", image: "nginx:1.28" }] } }));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
    expect(computeHash(t, 0)).not.toBe(computeHash(t));
    expect(canonicalJSON({ b: 1, a: [], c: null })).toBe('{"b":1}');
  });
});
