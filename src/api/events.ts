/**
 * The event recorder: what client-go's EventRecorder does for a component. Each call writes a real
 * core/v1 Event into the store (identical repeats bump `count` and `lastTimestamp`, as the
 * EventCorrelator's dedup does) and appends one entry to the simulation's event log, which is what
 * `kubeplay run` prints and what the determinism test hashes.
 */
import type { Event, ObjectReference } from "kubernetes-types/core/v1";
import type { Millis } from "../clock/time";
import type { ObjectStore } from "./store";
import type { KObject } from "./types";

export type EventType = "Normal" | "Warning";

/** One entry of the event log: the JSON shape of `kubeplay run -o json` (DESIGN §5). */
export interface EventRecord {
  /** Virtual seconds since the scenario started. */
  readonly time: number;
  readonly type: EventType;
  readonly reason: string;
  readonly message: string;
  readonly involvedObject: { readonly kind: string; readonly namespace?: string; readonly name: string };
  /** The reporting component ("kubelet", "default-scheduler", "replicaset-controller", …). */
  readonly source: string;
  /** The node, for events a kubelet reports. */
  readonly host?: string;
  readonly count: number;
}

export interface EventSource {
  component: string;
  host?: string;
}

/** Events older than this are dropped from the store, as the API server's --event-ttl (1h) does. */
const EVENT_TTL: Millis = 3_600_000 as Millis;

export class EventRecorder {
  private readonly log: EventRecord[] = [];
  private readonly latest = new Map<string, { name: string; namespace: string }>();
  private nameSeq = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => Millis,
    private readonly timestamp: (t: Millis) => string,
  ) {}

  /** All events recorded so far, oldest first. */
  get events(): readonly EventRecord[] {
    return this.log;
  }

  /** A recorder bound to one reporting component (and node, for kubelets). */
  for(source: EventSource): Recorder {
    return {
      event: (obj, type, reason, message) => this.record(source, obj, type, reason, message),
    };
  }

  record(source: EventSource, obj: KObject, type: EventType, reason: string, message: string): EventRecord {
    const meta = obj.metadata ?? {};
    const kind = String(obj.kind ?? "");
    const involved: ObjectReference = {
      kind,
      namespace: meta.namespace,
      name: meta.name,
      uid: meta.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: meta.resourceVersion,
    };
    const now = this.now();
    const ts = this.timestamp(now);
    const dedupKey = [source.component, source.host ?? "", kind, meta.namespace ?? "", meta.name ?? "", meta.uid ?? "", type, reason, message].join("\u0000");
    let count = 1;
    const prev = this.latest.get(dedupKey);
    const existing = prev && this.store.get("Event", prev.namespace, prev.name);
    if (existing) {
      count = (existing.count ?? 1) + 1;
      this.store.mutate("Event", prev.namespace, prev.name, (e) => {
        e.count = count;
        e.lastTimestamp = ts;
      });
    } else {
      const namespace = meta.namespace ?? "default";
      const name = `${meta.name ?? "unknown"}.${this.eventNameSuffix(now)}`;
      const ev: Event = {
        metadata: { name, namespace },
        involvedObject: involved,
        reason,
        message,
        type,
        source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
      };
      this.store.create("Event", ev);
      this.latest.set(dedupKey, { name, namespace });
    }
    const rec: EventRecord = {
      time: now / 1000,
      type,
      reason,
      message,
      involvedObject: { kind, ...(meta.namespace ? { namespace: meta.namespace } : {}), name: meta.name ?? "" },
      source: source.component,
      ...(source.host ? { host: source.host } : {}),
      count,
    };
    this.log.push(rec);
    this.expire(now);
    return rec;
  }

  /** client-go names an event `<object>.<unix nanos in hex>`; a sequence keeps same-instant names apart. */
  private eventNameSuffix(now: Millis): string {
    return (BigInt(now) * 1_000_000n + BigInt(this.nameSeq++ % 1_000_000)).toString(16).padStart(16, "0");
  }

  private expire(now: Millis): void {
    if (this.log.length % 256 !== 0 || now <= EVENT_TTL) return;
    // RFC 3339 timestamps of one format sort as strings.
    const cutoff = this.timestamp((now - EVENT_TTL) as Millis);
    for (const e of this.store.list("Event")) {
      if ((e.lastTimestamp ?? "") < cutoff) this.store.delete("Event", e.metadata.namespace, e.metadata.name);
    }
  }
}

/** What a component holds to report events about objects. */
export interface Recorder {
  event(obj: KObject, type: EventType, reason: string, message: string): EventRecord;
}
