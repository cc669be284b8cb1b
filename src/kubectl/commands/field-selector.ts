/**
 * `--field-selector` as the API server evaluates it: comma-separated `field=value`, `field==value`
 * or `field!=value` terms over the fields each kind registers (pod spec.nodeName, status.phase, …;
 * metadata.name and metadata.namespace everywhere). An unknown field is the server's BadRequest.
 */
import type { Kind, KObject } from "../../api/types";
import { KINDS } from "../../api/types";

type Getter = (o: KObject) => string;

const meta: Record<string, Getter> = {
  "metadata.name": (o) => o.metadata?.name ?? "",
  "metadata.namespace": (o) => o.metadata?.namespace ?? "",
};

const spec = (o: KObject) => (o.spec ?? {}) as Record<string, unknown>;
const status = (o: KObject) => (o.status ?? {}) as Record<string, unknown>;
const s = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

/** Fields a kind's field selectors may use beyond metadata (pkg/registry/<kind>/strategy.go). */
const FIELDS: Partial<Record<Kind, Record<string, Getter>>> = {
  Pod: {
    "spec.nodeName": (o) => s(spec(o).nodeName),
    "spec.restartPolicy": (o) => s(spec(o).restartPolicy),
    "spec.schedulerName": (o) => s(spec(o).schedulerName),
    "spec.serviceAccountName": (o) => s(spec(o).serviceAccountName),
    "spec.hostNetwork": (o) => s(spec(o).hostNetwork ?? false),
    "status.phase": (o) => s(status(o).phase),
    "status.podIP": (o) => s(status(o).podIP),
    "status.nominatedNodeName": (o) => s(status(o).nominatedNodeName),
  },
  Node: { "spec.unschedulable": (o) => s(spec(o).unschedulable ?? false) },
  Event: {
    "involvedObject.kind": (o) => s((o as { involvedObject?: { kind?: string } }).involvedObject?.kind),
    "involvedObject.name": (o) => s((o as { involvedObject?: { name?: string } }).involvedObject?.name),
    "involvedObject.namespace": (o) => s((o as { involvedObject?: { namespace?: string } }).involvedObject?.namespace),
    "involvedObject.uid": (o) => s((o as { involvedObject?: { uid?: string } }).involvedObject?.uid),
    reason: (o) => s((o as { reason?: string }).reason),
    type: (o) => s((o as { type?: string }).type),
    "source": (o) => s((o as { source?: { component?: string } }).source?.component),
  },
  Secret: { type: (o) => s((o as { type?: string }).type) },
  Namespace: { "status.phase": (o) => s(status(o).phase) },
  ReplicaSet: { "status.replicas": (o) => s(status(o).replicas ?? 0) },
  Job: { "status.successful": (o) => s(status(o).succeeded ?? 0) },
};

export type FieldSelector = { matches(o: KObject): boolean } | { error: string };

/** Parses a field selector for one kind; the error is kubectl's whole message. */
export function parseFieldSelector(text: string, kind: Kind, labelSelector: string): FieldSelector {
  const terms: Array<{ get: Getter; op: "=" | "!="; value: string }> = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=!]+?)(==|=|!=)(.*)$/.exec(part);
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${part}'` };
    const field = m[1]!.trim();
    const get = meta[field] ?? FIELDS[kind]?.[field];
    if (!get) {
      const gvr = `${KINDS[kind].apiVersion.includes("/") ? KINDS[kind].apiVersion : `/${KINDS[kind].apiVersion}`}, Resource=${KINDS[kind].plural}`;
      return { error: `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${text}": field label not supported: ${field}` };
    }
    terms.push({ get, op: m[2] === "!=" ? "!=" : "=", value: m[3]! });
  }
  return { matches: (o) => terms.every((t) => (t.get(o) === t.value) === (t.op === "=")) };
}
