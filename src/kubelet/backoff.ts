/**
 * client-go's flowcontrol.Backoff on virtual time, without jitter: per-key exponential delays.
 * The kubelet keeps two: the container restart back-off (CrashLoopBackOff: 10 s doubling to
 * 5 min, forgotten once a container ran 10 min) and the image pull back-off (10 s doubling to
 * 5 min, forgotten 10 min after the last failure).
 */

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export type HasExpired = (eventTime: number, lastUpdate: number, maxMs: number) => boolean;

/** Backoff.hasExpired's default: twice the maximum delay since the last update. */
const defaultExpired: HasExpired = (eventTime, lastUpdate, maxMs) => eventTime - lastUpdate > 2 * maxMs;

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly initialMs: number, readonly maxMs: number, private readonly hasExpired: HasExpired = defaultExpired) {}

  /** The current delay of a key (0 when it has none). */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** Backoff.Next: starts a key at the initial delay, or doubles it up to the maximum. */
  next(id: string, eventTime: number, now: number): void {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate, this.maxMs)) {
      this.entries.set(id, { backoff: this.initialMs, lastUpdate: now });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.maxMs);
    e.lastUpdate = now;
  }

  /** Backoff.IsInBackOffSince: less than the key's delay has passed since `eventTime`. */
  isInBackOffSince(id: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate, this.maxMs)) return false;
    return now - eventTime < e.backoff;
  }

  /** Backoff.IsInBackOffSinceUpdate: less than the key's delay has passed since its last update. */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate, this.maxMs)) return false;
    return eventTime - e.lastUpdate < e.backoff;
  }

  /** When the key's current delay, counted from `eventTime`, runs out. */
  expiresAt(id: string, eventTime: number): number {
    return eventTime + this.get(id);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/** pkg/kubelet/kubelet.go: initialCrashLoopBackOff and MaxContainerBackOff. */
export const CRASH_LOOP_INITIAL_MS = 10_000;
export const CRASH_LOOP_MAX_MS = 300_000;
/** A container that ran this long since its last restart starts its back-off afresh. */
export const CRASH_LOOP_RESET_MS = 600_000;
/** imageBackOffPeriod and MaxImageBackOff. */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

export function crashLoopBackOff(): Backoff {
  return new Backoff(CRASH_LOOP_INITIAL_MS, CRASH_LOOP_MAX_MS, (eventTime, lastUpdate) => eventTime - lastUpdate > CRASH_LOOP_RESET_MS);
}

export function imagePullBackOff(): Backoff {
  return new Backoff(IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS);
}
