/**
 * The recent events around the selection as a mermaid sequence diagram: each component that
 * reported an event (the scheduler, a kubelet, the controllers) talks to the API server, as the
 * textbook drawing of a rollout shows it; the user's own object comes first. Messages are the
 * events' real reasons and messages, escaped.
 */
import type { EventRecord } from "../../src/api/events";
import type { Kind, ObjectKey, Stored } from "../../src/api/types";
import { mermaidText } from "./escape";

export const SEQUENCE_EVENT_LIMIT = 14;
/** Characters of an event's text drawn on its arrow (the full text is in the event list). */
export const SEQUENCE_TEXT_LIMIT = 90;

type Participant = "U" | "A" | "C" | "S" | "K";
const PARTICIPANTS: ReadonlyArray<readonly [Participant, string]> = [
  ["U", "User"], ["A", "API server"], ["C", "Controllers"], ["S", "Scheduler"], ["K", "Kubelet"],
];

export function participantOf(source: string): Participant {
  if (source.includes("scheduler")) return "S";
  if (source === "kubelet" || source.startsWith("kubelet")) return "K";
  return "C";
}

export interface Related {
  kind: string;
  namespace?: string;
  name: string;
}

/** The selection, its owners up the chain, and (for a workload) the objects it owns. */
export function relatedObjects(objects: ReadonlyMap<ObjectKey, Stored<Kind>>, ref: Related): Related[] {
  const out: Related[] = [ref];
  const byUid = new Map<string, Stored<Kind>>();
  for (const o of objects.values()) if (o.metadata.uid) byUid.set(o.metadata.uid, o);
  const self = [...objects.values()].find((o) => o.kind === ref.kind && o.metadata.name === ref.name && (o.metadata.namespace ?? "") === (ref.namespace ?? ""));
  // Owners: pod → ReplicaSet → Deployment.
  let cur = self;
  for (let i = 0; cur && i < 4; i++) {
    const owner = cur.metadata.ownerReferences?.[0];
    if (!owner) break;
    out.push({ kind: owner.kind, namespace: cur.metadata.namespace, name: owner.name });
    cur = owner.uid ? byUid.get(owner.uid) : undefined;
  }
  // Owned: Deployment → ReplicaSets → Pods.
  if (self?.metadata.uid) {
    const owners = new Set([self.metadata.uid]);
    for (let depth = 0; depth < 2; depth++) {
      for (const o of objects.values()) {
        if (o.metadata.ownerReferences?.some((r) => owners.has(r.uid)) && o.metadata.uid && !owners.has(o.metadata.uid)) {
          owners.add(o.metadata.uid);
          out.push({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });
        }
      }
    }
  }
  return out;
}

const same = (e: EventRecord, r: Related) => e.involvedObject.kind === r.kind && e.involvedObject.name === r.name && (e.involvedObject.namespace ?? "") === (r.namespace ?? "");

export function eventsAround(events: readonly EventRecord[], related: readonly Related[], limit = SEQUENCE_EVENT_LIMIT): EventRecord[] {
  return events.filter((e) => related.some((r) => same(e, r))).slice(-limit);
}

export function eventSequenceDiagram(events: readonly EventRecord[], root: Related | undefined): string {
  const lines = ["sequenceDiagram"];
  for (const [id, name] of PARTICIPANTS) lines.push(`  participant ${id} as ${name}`);
  if (root) lines.push(`  U->>A: apply ${mermaidText(`${root.kind} ${root.name}`)}`);
  for (const e of events) {
    const from = participantOf(e.source);
    const arrow = e.type === "Warning" ? "-x" : "->>";
    const text = `t=${Number(e.time.toFixed(1))}s ${e.reason} ${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}: ${e.message}`;
    lines.push(`  ${from}${arrow}A: ${mermaidText(text, SEQUENCE_TEXT_LIMIT)}`);
    if (e.reason === "Scheduled") lines.push(`  A->>K: ${mermaidText(`watch: pod ${e.involvedObject.name} bound${e.host ? ` to ${e.host}` : ""}`)}`);
  }
  return lines.join("\n");
}
