/**
 * Checkpoints for seeking back: whole engines kept at evenly spaced positions (engine steps) of
 * the current timeline, so a rewind replays from the latest checkpoint before its target instead
 * of from t = 0.
 *
 * The engine cannot be copied (its components keep their state in closures on the virtual clock's
 * queue), so each checkpoint is an engine of its own, replayed in the background from t = 0 to its
 * position along the timeline: with the same scenario, seed and commands at the same positions,
 * determinism makes it exactly the state the live run had there. Building is done in slices when
 * the worker is otherwise idle (`work`), one checkpoint at a time.
 *
 * A checkpoint is used up when a rewind restores it (the rewind continues on that engine); it is
 * built again later. A new command (a new branch of the timeline) makes the checkpoints past its
 * position useless: `take` skips them and `work` drops them.
 *
 * Memory: at most MAX_CHECKPOINTS engines besides the live one, and fewer for a big cluster (an
 * engine holds about 70 KB per pod: a 1,000-pod run keeps one checkpoint, POD_BUDGET pods in all).
 * When the run outgrows them, the spacing doubles and every other checkpoint is dropped.
 */
import type { LoggedCommand, Session, ShouldYield } from "./session";

/** Engines kept besides the live one. */
export const MAX_CHECKPOINTS = 4;
/** Steps between checkpoints at first: below this a replay from t = 0 is quick anyway. */
export const FIRST_SPACING = 4000;
/** Pods all checkpoints may hold together (about 70 MB of engine state). */
export const POD_BUDGET = 1000;

export interface CheckpointSource {
  /** A fresh engine at t = 0 of this scenario and seed. */
  fresh(): Session;
}

export class Checkpoints {
  private kept: Session[] = [];
  private spacing: number;
  private readonly max: number;
  private builder: { session: Session; toStep: number } | undefined;
  /** Engines kept at most for the current run's size (≤ max). */
  private limit: number;

  constructor(private readonly source: CheckpointSource, opts: { spacing?: number; max?: number } = {}) {
    this.spacing = opts.spacing ?? FIRST_SPACING;
    this.max = opts.max ?? MAX_CHECKPOINTS;
    this.limit = this.max;
  }

  /** Positions (engine steps) of the checkpoints kept, oldest first. */
  get positions(): number[] {
    return this.kept.map((s) => s.steps);
  }

  /**
   * The latest checkpoint on `timeline` at or before virtual second `target`, taken out of the
   * keeper (the caller continues on it), or undefined when none fits.
   */
  take(timeline: readonly LoggedCommand[], target: number): Session | undefined {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const s = this.kept[i]!;
      if (!s.fitsTimeline(timeline, target)) continue;
      this.kept.splice(i, 1);
      return s;
    }
    return undefined;
  }

  /**
   * Builds checkpoints for `timeline` up to engine step `upTo` (the furthest the live run got)
   * until `shouldYield` says stop. Returns true while there is more to do.
   */
  work(timeline: readonly LoggedCommand[], upTo: number, shouldYield: ShouldYield, pods = 0): boolean {
    // Checkpoints of another branch are no use.
    this.kept = this.kept.filter((s) => s.fitsTimeline(timeline, Number.POSITIVE_INFINITY));
    // A big cluster keeps fewer engines (the live run's pod count stands for each one's size).
    this.limit = Math.max(1, Math.min(this.max, Math.floor(POD_BUDGET / Math.max(1, pods))));
    while (this.kept.length > this.limit) this.thin();
    if (this.builder && !this.builder.session.fitsTimeline(timeline, Number.POSITIVE_INFINITY)) this.builder = undefined;
    for (;;) {
      if (!this.builder) {
        const toStep = this.nextPosition(upTo);
        if (toStep === undefined) return false;
        this.builder = { session: this.source.fresh(), toStep };
      }
      const b = this.builder;
      const finished = b.session.replayToStep(timeline, b.toStep, shouldYield);
      if (!finished) return true;
      this.builder = undefined;
      // A run that ends before the position keeps no checkpoint there (the live run never got further).
      if (b.session.steps < b.toStep) return false;
      this.keep(b.session);
      if (shouldYield()) return this.nextPosition(upTo) !== undefined;
    }
  }

  /** The next position without a checkpoint, at most `upTo`: multiples of the spacing. */
  private nextPosition(upTo: number): number | undefined {
    const have = new Set(this.kept.map((s) => s.steps));
    for (let p = this.spacing; p <= upTo; p += this.spacing) {
      if (have.has(p)) continue;
      if (this.kept.length >= this.limit && p > Math.max(...have)) {
        this.thin();
        return this.nextPosition(upTo);
      }
      if (this.kept.length < this.limit) return p;
    }
    return undefined;
  }

  /** Doubles the spacing and drops the checkpoints that are off it. */
  private thin(): void {
    this.spacing *= 2;
    this.kept = this.kept.filter((s) => s.steps % this.spacing === 0);
    if (this.builder && this.builder.toStep % this.spacing !== 0) this.builder = undefined;
  }

  private keep(s: Session): void {
    this.kept = [...this.kept.filter((k) => k.steps !== s.steps), s].sort((a, b) => a.steps - b.steps);
  }
}
