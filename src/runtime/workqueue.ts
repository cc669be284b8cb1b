/**
 * A work queue on virtual time, as client-go's rate-limited work queue: a key added many times
 * before it is processed is processed once; a key being processed that is added again is processed
 * again afterwards; failures are retried with per-item exponential back-off (client-go's
 * DefaultControllerRateLimiter: 5 ms doubling to 1000 s; its overall 10 qps token bucket is not
 * modelled); `addAfter` requeues at a later virtual time.
 */
import type { Timer } from "../clock/clock";
import type { ComponentContext } from "../sim/component";

export const BASE_RETRY_DELAY_MS = 5;
export const MAX_RETRY_DELAY_MS = 1_000_000;

export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly delayed = new Map<string, { at: number; timer: Timer }>();
  private readonly failures = new Map<string, number>();
  private processing: string | undefined;
  private dirtyWhileProcessing = false;

  constructor(
    private readonly ctx: Pick<ComponentContext, "after" | "now">,
    private readonly name: string,
    private readonly process: (key: string) => void,
  ) {}

  /** Queues the key for processing at the current virtual instant (after the running event). */
  add(key: string): void {
    if (this.processing === key) {
      this.dirtyWhileProcessing = true;
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.ctx.after(0, `${this.name} sync ${key}`, () => this.run(key));
  }

  /** Queues the key after `delayMs` of virtual time; an earlier pending requeue wins. */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const at = this.ctx.now() + delayMs;
    const cur = this.delayed.get(key);
    if (cur && cur.at <= at) return;
    cur?.timer.cancel();
    const timer = this.ctx.after(delayMs, `${this.name} requeue ${key}`, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, timer });
  }

  /** Requeues after this key's next back-off delay (5 ms, 10 ms, 20 ms, … up to 1000 s). */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(BASE_RETRY_DELAY_MS * 2 ** n, MAX_RETRY_DELAY_MS));
  }

  /** Clears the key's failure count after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  retries(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  private run(key: string): void {
    this.queued.delete(key);
    this.processing = key;
    this.dirtyWhileProcessing = false;
    try {
      this.process(key);
    } finally {
      this.processing = undefined;
      if (this.dirtyWhileProcessing) this.add(key);
    }
  }
}
