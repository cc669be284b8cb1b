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
  private heap: ScheduledEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Millis, label: string, run: () => void): ScheduledEvent {
    const ev: ScheduledEvent = { at, seq: this.nextSeq++, label, run, cancelled: false };
    this.heap.push(ev);
    this.up(this.heap.length - 1);
    return ev;
  }

  /** The next live event without removing it; cancelled events at the top are dropped. */
  peek(): ScheduledEvent | undefined {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
    return this.heap[0];
  }

  pop(): ScheduledEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
