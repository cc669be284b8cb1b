import { Heap } from "./heap";
import type { Millis } from "./time";

/** One scheduled piece of work. `label` names it in step traces ("kubelet/sync default/web-0"). */
export interface ScheduledEvent {
  readonly at: Millis;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

/**
 * The event queue: a binary heap ordered by (due time, sequence). Sequence numbers are handed out
 * in insertion order, so two events due at the same instant always run in the order they were
 * scheduled; that, with the seeded generator, is what makes a run reproducible.
 */
export class EventQueue {
  private readonly heap = new Heap<ScheduledEvent>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private nextSeq = 0;

  get size(): number {
    return this.heap.size;
  }

  /** Events ever pushed: a command that scheduled work changed the run even if it wrote nothing. */
  get pushed(): number {
    return this.nextSeq;
  }

  push(at: Millis, label: string, run: () => void): ScheduledEvent {
    const ev: ScheduledEvent = { at, seq: this.nextSeq++, label, run, cancelled: false };
    this.heap.push(ev);
    return ev;
  }

  /** The next live event without removing it; cancelled events at the top are dropped. */
  peek(): ScheduledEvent | undefined {
    while (this.heap.size > 0 && this.heap.peek()!.cancelled) this.heap.pop();
    return this.heap.peek();
  }

  pop(): ScheduledEvent | undefined {
    return this.heap.pop();
  }
}
