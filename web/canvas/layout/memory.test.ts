import { describe, expect, it } from "vitest";
import { COMPACT_UP_TO, LayoutMemory } from "./memory";

describe("LayoutMemory", () => {
  it("in a large group, keeps each member's slot; a leaver leaves a gap the next newcomer fills", () => {
    const m = new LayoutMemory();
    const many = Array.from({ length: COMPACT_UP_TO + 5 }, (_, i) => `p${i}`);
    expect(m.slots("q", ["a", "b", "c", ...many])).toEqual(["a", "b", "c", ...many]);
    expect(m.slots("q", ["a", "c", ...many])).toEqual(["a", null, "c", ...many]);
    expect(m.slots("q", ["a", "c", ...many, "d", "e"])).toEqual(["a", "d", "c", ...many, "e"]);
    expect(m.slots("other", ["z"])).toEqual(["z"]);
  });

  it("in a small group, keeps the order and closes the gaps", () => {
    const m = new LayoutMemory();
    expect(m.slots("q", ["b", "a", "c"])).toEqual(["b", "a", "c"]);
    expect(m.slots("q", ["a", "c", "d", "b"])).toEqual(["b", "a", "c", "d"]);
    expect(m.slots("q", ["d", "c"])).toEqual(["c", "d"]);
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
