/**
 * The Events section of `kubectl describe`: the events about one object (searchEvents' field
 * selector on involvedObject name, namespace, kind and uid), oldest first by last timestamp
 * (event.SortableEvents), each with its age and, for a repeated event, "10s (x3 over 20s)".
 */
import type { Event } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../../api/store";
import { KINDS, isKind, type KObject } from "../../api/types";
import { ageSince, parseTimestamp } from "../age";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./writer";

export interface EventQuery {
  /** Match the involved object's kind too (pods are searched without it, as kubectl does). */
  matchKind?: boolean;
  /** Also accept events whose involvedObject.uid is the object's name (kubelet node events). */
  uidMayBeName?: boolean;
}

/** The events about `obj`, in the order DescribeEvents prints them. */
export function eventsFor(store: ObjectStore, obj: KObject, q: EventQuery = { matchKind: true }): Event[] {
  const meta = obj.metadata ?? {};
  const kind = obj.kind ?? "";
  const namespaced = isKind(kind) ? KINDS[kind].namespaced : true;
  const candidates = store.list("Event", namespaced ? meta.namespace ?? "default" : undefined);
  const matches = candidates.filter((e) => {
    const io = e.involvedObject;
    if (io.name !== meta.name) return false;
    if (namespaced && (io.namespace ?? "") !== (meta.namespace ?? "")) return false;
    if (q.matchKind && io.kind !== kind) return false;
    if (io.uid && meta.uid && io.uid !== meta.uid && !(q.uidMayBeName && io.uid === meta.name)) return false;
    return true;
  });
  const time = (e: Event): number => parseTimestamp(e.lastTimestamp ?? e.eventTime) ?? 0;
  return matches.map((e, i) => ({ e, i })).sort((a, b) => time(a.e) - time(b.e) || a.i - b.i).map((x) => x.e);
}

/** "10s", or "5s (x3 over 30s)" for an event seen several times. */
export function eventInterval(e: Event, nowMs: number): string {
  const first = ageSince(e.eventTime ?? e.firstTimestamp, nowMs);
  if (e.series) return `${ageSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${ageSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

/** DescribeEvents: "Events:\t<none>" or the Type/Reason/Age/From/Message table in its own block. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of events) {
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${eventInterval(e, nowMs)}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}
