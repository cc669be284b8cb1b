/**
 * Fading pods: a pod that disappears from the canvas (deleted, evicted and garbage-collected)
 * stays a moment as a "ghost" where it was, so the learner sees it go rather than blink out.
 * Pure bookkeeping with an explicit clock; the canvas decides when ghosts are wanted (not on a
 * seek, not with reduced motion).
 */
import { POD } from "./layout/geometry";
import type { PodBox } from "./layout/boxes";
import type { Box } from "./layout/types";
import type { PodView } from "./model/pods";

/** Wall milliseconds a ghost stays (its CSS fade lasts as long). */
export const GHOST_MS = 900;

export type GhostItem = Box<"ghost", PodView>;

export class GhostTracker {
  private last: ReadonlyMap<string, PodBox> = new Map();
  private ghosts = new Map<string, { item: GhostItem; until: number }>();

  /**
   * Records where this frame's pods are and returns the ghosts to draw now: pods gone since the
   * last frame (when `fade` is on) and earlier ghosts still fading. A pod that comes back loses
   * its ghost.
   */
  update(pods: ReadonlyMap<string, PodBox>, now: number, fade: boolean): GhostItem[] {
    if (fade) {
      for (const [id, b] of this.last) {
        if (pods.has(id)) continue;
        const view = { ...b.slot.view, terminating: true };
        this.ghosts.set(id, { item: { type: "ghost", id: `ghost:${id}`, x: b.x, y: b.y, w: POD.w, h: POD.h, data: view }, until: now + GHOST_MS });
      }
    } else {
      this.ghosts.clear();
    }
    for (const [id, g] of this.ghosts) if (pods.has(id) || g.until <= now) this.ghosts.delete(id);
    this.last = pods;
    return [...this.ghosts.values()].map((g) => g.item);
  }

  /** Wall time at which the next ghost expires, if any (the canvas re-renders then). */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const g of this.ghosts.values()) if (next === undefined || g.until < next) next = g.until;
    return next;
  }
}
