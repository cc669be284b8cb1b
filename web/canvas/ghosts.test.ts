import { describe, expect, it } from "vitest";
import { GHOST_MS, GhostTracker } from "./ghosts";
import type { CanvasItem } from "./layout/types";
import type { PodView } from "./model/pods";

function pod(id: string, x = 0): CanvasItem {
  return { type: "pod", id, x, y: 0, w: 10, h: 10, data: { id, name: id } as PodView };
}

describe("GhostTracker", () => {
  it("keeps a removed pod as a ghost where it was, until it has faded", () => {
    const g = new GhostTracker();
    g.update([pod("a", 5), pod("b")], 0, true);
    const ghosts = g.update([pod("b")], 100, true);
    expect(ghosts.map((x) => [x.id, x.x, x.data.terminating])).toEqual([["ghost:a", 5, true]]);
    expect(g.nextExpiry()).toBe(100 + GHOST_MS);
    expect(g.update([pod("b")], 100 + GHOST_MS, true)).toEqual([]);
  });

  it.each([
    { name: "the pod comes back", next: [pod("a"), pod("b")] },
  ])("drops a ghost when $name", ({ next }) => {
    const g = new GhostTracker();
    g.update([pod("a"), pod("b")], 0, true);
    g.update([pod("b")], 10, true);
    expect(g.update(next, 20, true)).toEqual([]);
  });

  it("makes no ghosts when fading is off (a seek, reduced motion)", () => {
    const g = new GhostTracker();
    g.update([pod("a")], 0, true);
    expect(g.update([], 10, false)).toEqual([]);
    expect(g.nextExpiry()).toBeUndefined();
  });
});
