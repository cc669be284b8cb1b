import { describe, expect, it } from "vitest";
import { LayoutMemory } from "./memory";

describe("LayoutMemory", () => {
  it("keeps each member's slot; a leaver leaves a gap the next newcomer fills", () => {
    const m = new LayoutMemory();
    expect(m.slots("q", ["a", "b", "c"])).toEqual(["a", "b", "c"]);
    expect(m.slots("q", ["a", "c"])).toEqual(["a", null, "c"]);
    expect(m.slots("q", ["a", "c", "d", "e"])).toEqual(["a", "d", "c", "e"]);
    expect(m.slots("q", ["a"])).toEqual(["a"]);
    expect(m.slots("other", ["z"])).toEqual(["z"]);
  });

  it.each([
    [[1, 2, 2, 5, 3, 9, 1], [1, 2, 2, 5, 5, 9, 9]],
    [[4, 5, 7], [4, 6, 9]],
  ])("grows capacities by half again and never shrinks them: %j → %j", (needs, caps) => {
    const m = new LayoutMemory();
    expect(needs.map((n) => m.capacity("k", n))).toEqual(caps);
  });

  it("forgets everything on a snapshot, and a released capacity starts over", () => {
    const m = new LayoutMemory();
    m.slots("q", ["a", "b"]);
    m.slots("q", ["b"]);
    m.capacity("k", 8);
    m.release("k");
    expect(m.capacity("k", 2)).toBe(2);
    m.forget();
    expect(m.slots("q", ["b"])).toEqual(["b"]);
  });
});
