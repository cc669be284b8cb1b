/**
 * Fading pods: a pod that disappears from the canvas (deleted, evicted and garbage-collected)
 * stays a moment as a "ghost" where it was, so the learner sees it go rather than blink out.
 * Pure bookkeeping with an explicit clock; the canvas decides when ghosts are wanted (not on a
 * seek, not with reduced motion).
 */
import type { Box, CanvasItem } from "./layout/types";
import type { PodView } from "./model/pods";

/** Wall milliseconds a ghost stays (its CSS fade lasts as long). */
export const GHOST_MS = 900;

type PodItem = Box<"pod", PodView>;

export class GhostTracker {
  private last = new Map<string, PodItem>();
  private ghosts = new Map<string, { item: PodItem; until: number }>();

  /**
   * Records this frame's pods and returns the ghosts to draw now: pods gone since the last frame
   * (when `fade` is on) and earlier ghosts still fading. A pod that comes back loses its ghost.
   */
  update(items: readonly CanvasItem[], now: number, fade: boolean): PodItem[] {
    const current = new Map<string, PodItem>();
    for (const it of items) if (it.type === "pod") current.set(it.id, it);
    if (fade) {
      for (const [id, it] of this.last) {
        if (!current.has(id)) this.ghosts.set(id, { item: { ...it, id: `ghost:${id}`, data: { ...it.data, terminating: true } }, until: now + GHOST_MS });
      }
    } else {
      this.ghosts.clear();
    }
    for (const [id, g] of this.ghosts) if (current.has(id) || g.until <= now) this.ghosts.delete(id);
    this.last = current;
    return [...this.ghosts.values()].map((g) => g.item);
  }

  /** Wall time at which the next ghost expires, if any (the canvas re-renders then). */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const g of this.ghosts.values()) if (next === undefined || g.until < next) next = g.until;
    return next;
  }
}
