/**
 * What a layout remembers from one frame to the next so that the picture stays still where
 * nothing happened: a pod keeps its place in a node or in the queue while it stays there (in a
 * large group a pod leaving leaves a gap that the next newcomer fills; nothing shifts along), and
 * boxes grow in
 * steps and do not shrink while the run goes on (a node filling up moves the nodes below it now
 * and then, not on every pod). Forgotten on a snapshot (load, seek): the picture is drawn afresh.
 */
/** Groups of at most this many pods close their gaps. */
export const COMPACT_UP_TO = 40;

export class LayoutMemory {
  private readonly orders = new Map<string, Array<string | null>>();
  private readonly capacities = new Map<string, number>();

  /**
   * Slots for the members of `group`: each keeps the slot it had; a newcomer takes the first free
   * slot (in the order given). Empty slots are null; the list ends with its last member.
   */
  slots(group: string, ids: readonly string[]): Array<string | null> {
    const prev = this.orders.get(group) ?? [];
    const present = new Set(ids);
    const out = prev.map((id) => (id !== null && present.has(id) ? id : null));
    const placed = new Set(out.filter((id): id is string => id !== null));
    let free = 0;
    for (const id of ids) {
      if (placed.has(id)) continue;
      while (free < out.length && out[free] !== null) free++;
      if (free < out.length) out[free] = id;
      else out.push(id);
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    // A small group closes its gaps (the queue moves up, the tiles glide); a large one keeps
    // them, so that one pod leaving does not move hundreds.
    const compacted = ids.length <= COMPACT_UP_TO ? out.filter((id) => id !== null) : out;
    this.orders.set(group, compacted);
    return compacted;
  }

  /**
   * Room for at least `needed` (rows, pods): never less than before, and when it must grow it
   * grows by half again, so a filling box moves its neighbours a few times rather than each time.
   */
  capacity(key: string, needed: number): number {
    const prev = this.capacities.get(key) ?? 0;
    const next = needed <= prev ? prev : Math.max(needed, Math.ceil(prev * 1.5));
    this.capacities.set(key, next);
    return next;
  }

  /** Shrinks a capacity back to what is needed now (the queue once it has emptied). */
  release(key: string): void {
    this.capacities.delete(key);
  }

  forget(): void {
    this.orders.clear();
    this.capacities.clear();
  }
}
