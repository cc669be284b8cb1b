/**
 * Seeks while the learner drags the scrubber: a seek back replays the run in the worker, which may
 * take a while, so at most one seek is in flight and only the latest position asked for meanwhile
 * is sent next. The store's `seeking` holds the position the timeline shows until the engine's
 * snapshot arrives.
 */
import type { AppStore } from "./store";

export interface Seeker {
  seek(time: number): void;
}

export class SeekController {
  private inFlight = false;
  private pending: number | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly engine: Seeker,
  ) {
    store.subscribe((s, prev) => {
      if (s.cluster.snapshots !== prev.cluster.snapshots) this.answered();
    });
  }

  seek(time: number): void {
    const t = Math.max(0, time);
    this.store.getState().setSeeking(t);
    if (this.inFlight) this.pending = t;
    else this.send(t);
  }

  private send(t: number): void {
    this.inFlight = true;
    this.engine.seek(t);
  }

  private answered(): void {
    if (!this.inFlight) return;
    const next = this.pending;
    this.pending = null;
    if (next !== null) return this.send(next);
    this.inFlight = false;
    this.store.getState().setSeeking(null);
  }
}
