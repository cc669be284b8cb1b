import { EventQueue, type ScheduledEvent } from "./queue";
import type { Millis } from "./time";

/** Something a component can cancel: a timer it no longer needs (a probe of a deleted pod). */
export interface Timer {
  cancel(): void;
}

/**
 * The virtual clock: `now` only moves when the next event is taken off the queue.
 * Components schedule work with `after`/`at`; nothing in the engine reads the wall clock.
 */
export class VirtualClock {
  private current = 0 as Millis;
  readonly queue = new EventQueue();

  get now(): Millis {
    return this.current;
  }

  at(t: Millis, label: string, run: () => void): Timer {
    const ev = this.queue.push((t < this.current ? this.current : t) as Millis, label, run);
    return { cancel: () => { ev.cancelled = true; } };
  }

  after(delay: Millis | number, label: string, run: () => void): Timer {
    return this.at((this.current + Math.max(0, Math.round(delay))) as Millis, label, run);
  }

  /** Due time of the next live event, if any. */
  nextAt(): Millis | undefined {
    return this.queue.peek()?.at;
  }

  /** Takes the next live event, advances `now` to its time and runs it. */
  step(): ScheduledEvent | undefined {
    const ev = this.queue.peek();
    if (!ev) return undefined;
    this.queue.pop();
    this.current = ev.at;
    ev.run();
    return ev;
  }

  /** Moves time forward with no event (runUntil past the last event). Never moves backwards. */
  advanceTo(t: Millis): void {
    if (t > this.current) this.current = t;
  }
}
