/**
 * Runs work once per animation frame, however often it is asked for: the engine may send several
 * patches between two frames, and the screen needs only the latest state. Outside a browser (tests,
 * Node) the work runs at once.
 */
export type FrameScheduler = (work: () => void) => void;

export const immediate: FrameScheduler = (work) => work();

/** requestAnimationFrame when there is one, else immediate. */
export function defaultFrameScheduler(): FrameScheduler {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  return typeof raf === "function" ? (work) => { raf(work); } : immediate;
}

/**
 * Coalesces requests into one run per frame. `now()` runs pending work at once (a hidden tab gets
 * no frames, so a long backlog is flushed without waiting for one).
 */
export class FrameBatcher {
  private scheduled = false;

  constructor(
    private readonly schedule: FrameScheduler,
    private readonly work: () => void,
  ) {}

  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.now());
  }

  now(): void {
    this.scheduled = false;
    this.work();
  }
}
