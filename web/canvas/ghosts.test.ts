import { describe, expect, it } from "vitest";
import type { PodBox } from "./layout/boxes";
import type { PodView } from "./model/pods";
import { GHOST_MS, GhostTracker } from "./ghosts";

function boxes(...pods: Array<[string, number]>): Map<string, PodBox> {
  return new Map(pods.map(([id, x]) => [id, { x, y: 0, w: 10, h: 10, container: "Node/n", slot: { view: { id, name: id } as PodView, x, y: 0 } }]));
}

describe("GhostTracker", () => {
  it("keeps a removed pod as a ghost where it was, until it has faded", () => {
    const g = new GhostTracker();
    g.update(boxes(["a", 5], ["b", 0]), 0, true);
    const ghosts = g.update(boxes(["b", 0]), 100, true);
    expect(ghosts.map((x) => [x.id, x.x, x.data.terminating])).toEqual([["ghost:a", 5, true]]);
    expect(g.nextExpiry()).toBe(100 + GHOST_MS);
    expect(g.update(boxes(["b", 0]), 100 + GHOST_MS, true)).toEqual([]);
  });

  it("drops a ghost when the pod comes back", () => {
    const g = new GhostTracker();
    g.update(boxes(["a", 0], ["b", 0]), 0, true);
    g.update(boxes(["b", 0]), 10, true);
    expect(g.update(boxes(["a", 0], ["b", 0]), 20, true)).toEqual([]);
  });

  it("makes no ghosts when fading is off (a seek, reduced motion)", () => {
    const g = new GhostTracker();
    g.update(boxes(["a", 0]), 0, true);
    expect(g.update(boxes(), 10, false)).toEqual([]);
    expect(g.nextExpiry()).toBeUndefined();
  });
});
