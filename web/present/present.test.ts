import { describe, expect, it } from "vitest";
import { popTrail, presentKey, pushTrail, reasonChoices } from "./present";

describe("presentKey", () => {
  it.each([
    ["PageDown", false, "forward"],
    ["ArrowRight", false, "forward"],
    ["PageUp", false, "back"],
    ["ArrowLeft", false, "back"],
    ["l", false, "laser"],
    ["Escape", false, "exit"],
    ["Escape", true, "exit"],
    ["PageDown", true, undefined],
    ["x", false, undefined],
  ] as const)("%s (typing %s) → %s", (key, typing, want) => expect(presentKey(key, typing)).toBe(want));
});

describe("trail", () => {
  it("goes back to where the class was", () => {
    let trail = pushTrail(pushTrail(pushTrail([], 0), 5), 5);
    expect(trail).toEqual([0, 5]);
    const r = popTrail(trail);
    expect(r.time).toBe(5);
    trail = r.trail;
    expect(popTrail(trail)).toEqual({ trail: [], time: 0 });
    expect(popTrail([]).time).toBeUndefined();
  });
});

describe("reasonChoices", () => {
  it("offers seen reasons first, without repeats", () => {
    const r = reasonChoices(["Killing", "Custom", "Killing"]);
    expect(r.slice(0, 2)).toEqual(["Killing", "Custom"]);
    expect(r.filter((x) => x === "Killing")).toHaveLength(1);
    expect(r).toContain("Scheduled");
  });
});
