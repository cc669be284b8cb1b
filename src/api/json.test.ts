import { describe, expect, it } from "vitest";
import { copyJSON, equalJSON } from "./json";

const sameAsStringify = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe("equalJSON", () => {
  it.each<[string, unknown, unknown, boolean]>([
    ["equal scalars", 1, 1, true],
    ["different scalars", "1", 1, false],
    ["null and an object", null, {}, false],
    ["nested equal", { a: [1, { b: "x" }], c: null }, { a: [1, { b: "x" }], c: null }, true],
    ["key order does not matter", { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ["an extra key", { a: 1 }, { a: 1, b: 2 }, false],
    ["a missing key on the other side", { a: 1, b: 2 }, { a: 1 }, false],
    ["an undefined property is absent", { a: 1, b: undefined }, { a: 1 }, true],
    ["array order matters", [1, 2], [2, 1], false],
    ["array length", [1], [1, 1], false],
    ["an array and an object", [], {}, false],
    ["a deep difference", { s: { c: [{ t: "Ready", s: "True" }] } }, { s: { c: [{ t: "Ready", s: "False" }] } }, false],
  ])("%s", (_name, a, b, want) => {
    expect(equalJSON(a, b)).toBe(want);
    expect(equalJSON(b, a)).toBe(want);
  });

  it("agrees with comparing JSON text for objects whose keys are in the same order", () => {
    const a = { metadata: { name: "x", labels: { app: "web" } }, subsets: [{ addresses: [{ ip: "10.0.0.1" }] }] };
    const b = { metadata: { name: "x", labels: { app: "web" } }, subsets: [{ addresses: [{ ip: "10.0.0.2" }] }] };
    expect(equalJSON(a, b)).toBe(sameAsStringify(a, b));
    expect(equalJSON(a, copyJSON(a))).toBe(true);
  });
});

describe("copyJSON", () => {
  it("copies deeply: the copy is equal, shares nothing, and is not frozen", () => {
    const src = Object.freeze({ a: Object.freeze([Object.freeze({ b: 1 })]), c: "x", d: null, e: undefined });
    const c = copyJSON(src);
    expect(c).toEqual({ a: [{ b: 1 }], c: "x", d: null });
    expect("e" in c).toBe(false);
    expect(c.a).not.toBe(src.a);
    expect(c.a[0]).not.toBe(src.a[0]);
    expect(Object.isFrozen(c) || Object.isFrozen(c.a)).toBe(false);
  });
});
