/**
 * What a layout remembers from one frame to the next so that the picture stays still where
 * nothing happened: pods keep their place in a node in the order they arrived (a new pod is
 * appended, it does not push half the node's pods along), and boxes grow in steps and do not
 * shrink while the run goes on (a node filling up moves the nodes below it now and then, not on
 * every pod). Forgotten on a snapshot (load, seek), where the picture is drawn afresh.
 */
export class LayoutMemory {
  private readonly orders = new Map<string, string[]>();
  private readonly capacities = new Map<string, number>();

  /**
   * The members of `group` in a stable order: the ones seen before in their old order, then
   * newcomers in the order given.
   */
  order(group: string, ids: readonly string[]): string[] {
    const prev = this.orders.get(group);
    let out: string[];
    if (!prev) out = ids.slice();
    else {
      const present = new Set(ids);
      out = prev.filter((id) => present.has(id));
      const known = new Set(out);
      for (const id of ids) if (!known.has(id)) out.push(id);
    }
    this.orders.set(group, out);
    return out;
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
