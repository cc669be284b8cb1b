/**
 * Tracks what changed in the store since the last `take()`: the raw material of the worker's
 * patches. Keyed by object, so an object changed ten times between two frames travels once.
 */
import type { EventRecord } from "../api/events";
import type { ObjectStore } from "../api/store";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../api/types";

export interface ObjectRef {
  kind: Kind;
  namespace?: string;
  name: string;
}

export interface Changes {
  /** Objects added or changed, in their latest state. */
  upserts: Stored<Kind>[];
  removed: ObjectRef[];
  /** Event log entries recorded since the last take. */
  events: EventRecord[];
}

export class ChangeTracker {
  private readonly dirty = new Map<ObjectKey, { kind: Kind; namespace?: string; name: string }>();
  private eventIndex: number;

  constructor(
    private readonly store: ObjectStore,
    private readonly eventLog: () => readonly EventRecord[],
    /** Kinds not to track (the UI gets Events from the log, not as objects). */
    private readonly skip: ReadonlySet<Kind> = new Set(["Event"]),
  ) {
    this.eventIndex = eventLog().length;
    store.watch("*", (ev) => {
      if (this.skip.has(ev.kind)) return;
      const m = ev.object.metadata;
      this.dirty.set(objectKey(ev.kind, m.namespace, m.name), { kind: ev.kind, namespace: m.namespace, name: m.name });
    });
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.eventLog().length > this.eventIndex;
  }

  /** What changed since the last call (or since construction), in a stable order. */
  take(): Changes {
    const upserts: Stored<Kind>[] = [];
    const removed: ObjectRef[] = [];
    const keys = [...this.dirty.keys()].sort();
    for (const k of keys) {
      const ref = this.dirty.get(k)!;
      const o = this.store.get(ref.kind, ref.namespace, ref.name);
      if (o) upserts.push(o);
      else removed.push(ref.namespace ? ref : { kind: ref.kind, name: ref.name });
    }
    this.dirty.clear();
    const log = this.eventLog();
    const events = log.slice(this.eventIndex);
    this.eventIndex = log.length;
    return { upserts, removed, events };
  }

  /** Forgets pending changes (after a full snapshot was sent). */
  reset(): void {
    this.dirty.clear();
    this.eventIndex = this.eventLog().length;
  }
}
