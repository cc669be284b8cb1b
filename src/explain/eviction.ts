/**
 * "Why was this pod evicted?": which hand removed it, from the pod's DisruptionTarget condition,
 * status and Events (they outlive the pod) —
 * - the kubelet under node pressure (status Evicted): the signal, threshold and available amount
 *   from its message, the node's condition, and the memory-pressure ranking of the node's pods
 *   (over request first, then lower priority, then more usage above request) with QoS classes;
 * - the taint eviction controller: the node's NoExecute taint, the toleration used and its
 *   tolerationSeconds, and when the deletion fell due;
 * - the Eviction API (kubectl drain) or scheduler preemption.
 */
import type { Event, Pod, Taint } from "kubernetes-types/core/v1";
import { podQOSClass, type QOSClass } from "../api/qos";
import { memoryBytes } from "../api/quantity";
import { matchingTolerations, minTolerationMs } from "../controllers/taint-eviction";
import { rankMemoryPressure, type PodUsage } from "../kubelet/eviction";
import { taintString } from "../kubectl/describe/writer";
import { podRequests } from "../scheduler/resources";
import { lastEvent, podEvents, podKey, type ExplainHost } from "./host";

export interface RankedPod {
  pod: string;
  qos: QOSClass;
  priority: number;
  /** Memory request, bytes. */
  request: number;
  /** Working set, bytes, when known. */
  usage?: number;
  /** usage − request when usage is known. */
  aboveRequest?: number;
}

export type EvictionCause =
  | { kind: "not-evicted" }
  | { kind: "node-pressure"; node?: string; resource: string; threshold?: string; available?: string; message: string; nodeCondition?: { type: string; status: string; reason?: string }; containers: Array<{ name: string; usage: string; request: string }>; ranking: RankedPod[] }
  | { kind: "taint"; node?: string; taint?: Taint; tolerationSeconds?: number; dueAt?: string; markedAt?: string; marked?: string; message: string }
  | { kind: "eviction-api"; node?: string; cordoned?: boolean; message: string }
  | { kind: "preemption"; message: string; preemptor?: string }
  | { kind: "admission"; reason: string; message: string };

export interface EvictionExplanation {
  pod: string;
  cause: EvictionCause;
  text: string;
}

const CONTAINER_USAGE = /Container (\S+) was using (\S+), request is (\S+), has larger consumption of (\w+)\./g;

function parsePressure(message: string): { resource: string; threshold?: string; available?: string; containers: Array<{ name: string; usage: string; request: string }> } {
  const res = /low on resource: ([\w.-]+)\./.exec(message)?.[1] ?? "memory";
  const thr = /Threshold quantity: ([^,]+), available: ([^.\s]+)\./.exec(message);
  const containers = [...message.matchAll(CONTAINER_USAGE)].map((m) => ({ name: m[1]!, usage: m[2]!, request: m[3]! }));
  return { resource: res, ...(thr ? { threshold: thr[1]!, available: thr[2]! } : {}), containers };
}

/**
 * The node's pods as rankMemoryPressure orders them, the evicted one with its usage from the
 * message. Pods whose usage the host cannot tell (no metrics) follow, unranked, with their QoS
 * class and request: ranking them by a guessed usage would mislead.
 */
function ranking(host: ExplainHost, node: string | undefined, victim: Pod | undefined, victimUsage: number | undefined): RankedPod[] {
  if (!node) return [];
  const known: PodUsage[] = [];
  const unknown: Pod[] = [];
  for (const p of host.store.list("Pod").filter((x) => x.spec?.nodeName === node)) {
    const isVictim = victim && p.metadata.uid === victim.metadata?.uid;
    if (!isVictim && (p.status?.phase === "Succeeded" || p.status?.phase === "Failed" || p.metadata.deletionTimestamp)) continue;
    const cs = isVictim ? undefined : host.usage?.(p.metadata.namespace ?? "default", p.metadata.name);
    const usage = isVictim ? victimUsage : cs ? cs.reduce((sum, c) => sum + c.memoryBytes, 0) : undefined;
    if (usage === undefined) unknown.push(p);
    else known.push({ pod: p, memory: usage, containers: (cs ?? []).map((c) => ({ name: c.name, memory: c.memoryBytes })) });
  }
  const row = (p: Pod, usage: number | undefined): RankedPod => {
    const request = podRequests(p).memory;
    return {
      pod: podKey(p.metadata?.namespace ?? "default", p.metadata?.name ?? ""), qos: podQOSClass(p), priority: p.spec?.priority ?? 0, request,
      ...(usage !== undefined ? { usage, aboveRequest: usage - request } : {}),
    };
  };
  return [...rankMemoryPressure(known).map((u) => row(u.pod, u.memory)), ...unknown.map((p) => row(p, undefined))];
}

export function whyEvicted(host: ExplainHost, namespace: string, name: string): EvictionExplanation {
  const key = podKey(namespace, name);
  const pod = host.store.get("Pod", namespace, name);
  const events = podEvents(host, namespace, name);
  const target = pod?.status?.conditions?.find((c) => c.type === "DisruptionTarget");
  // A deleted pod is known by its Events: the Scheduled one names its node.
  const node = pod?.spec?.nodeName ?? /to (\S+)$/.exec(lastEvent(events, "Scheduled")?.message ?? "")?.[1];
  let cause: EvictionCause;
  const evictedEvent = lastEvent(events, "Evicted");
  if (pod?.status?.reason === "Evicted" || target?.reason === "TerminationByKubelet" || evictedEvent) {
    const message = pod?.status?.message ?? evictedEvent?.message ?? target?.message ?? "";
    const parsed = parsePressure(message);
    const nodeObj = node ? host.store.get("Node", undefined, node) : undefined;
    const condType = parsed.resource === "memory" ? "MemoryPressure" : parsed.resource.startsWith("pid") ? "PIDPressure" : "DiskPressure";
    const c = nodeObj?.status?.conditions?.find((x) => x.type === condType);
    const victimUsage = parsed.containers.length ? parsed.containers.reduce((s, x) => s + memoryBytes(x.usage), 0) : undefined;
    cause = {
      kind: "node-pressure", ...(node ? { node } : {}), resource: parsed.resource,
      ...(parsed.threshold ? { threshold: parsed.threshold } : {}), ...(parsed.available ? { available: parsed.available } : {}),
      message, ...(c ? { nodeCondition: { type: c.type, status: c.status, ...(c.reason ? { reason: c.reason } : {}) } } : {}),
      containers: parsed.containers, ranking: parsed.resource === "memory" ? ranking(host, node, pod, victimUsage) : [],
    };
  } else if (target?.reason === "DeletionByTaintManager" || lastEvent(events, "TaintManagerEviction", "Marking for deletion")) {
    const marked = lastEvent(events, "TaintManagerEviction", "Marking for deletion");
    const nodeObj = node ? host.store.get("Node", undefined, node) : undefined;
    const noExecute = (nodeObj?.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
    const tolerations = pod?.spec?.tolerations;
    const untolerated = noExecute.find((t) => !matchingTolerations([t], tolerations).all);
    const match = matchingTolerations(noExecute, tolerations);
    const taint = untolerated ?? noExecute[0];
    const waitMs = untolerated || !match.all ? 0 : minTolerationMs(match.used);
    const added = taint?.timeAdded ? Date.parse(taint.timeAdded) : NaN;
    cause = {
      kind: "taint", ...(node ? { node } : {}), ...(taint ? { taint } : {}),
      ...(waitMs > 0 ? { tolerationSeconds: waitMs / 1000 } : {}),
      // When the taint's timeAdded is unknown, the deletion itself says when it fell due.
      ...(!Number.isNaN(added) && waitMs >= 0 ? { dueAt: new Date(added + waitMs).toISOString().replace(".000Z", "Z") }
        : (target?.lastTransitionTime ?? marked?.lastTimestamp) ? { dueAt: (target?.lastTransitionTime ?? marked?.lastTimestamp)! } : {}),
      ...(marked?.lastTimestamp ? { markedAt: marked.lastTimestamp } : {}),
      ...(marked?.message ? { marked: marked.message } : {}),
      message: target?.message ?? "",
    };
  } else if (target?.reason === "EvictionByEvictionAPI") {
    const nodeObj = node ? host.store.get("Node", undefined, node) : undefined;
    cause = { kind: "eviction-api", ...(node ? { node } : {}), cordoned: !!nodeObj?.spec?.unschedulable, message: target.message ?? "" };
  } else if (target?.reason === "PreemptionByScheduler" || lastEvent(events, "Preempted")) {
    const e = lastEvent(events, "Preempted");
    const message = e?.message ?? target?.message ?? "";
    const uid = /Preempted by pod (\S+)/.exec(message)?.[1];
    const by = uid ? host.store.list("Pod").find((p) => p.metadata.uid === uid) : undefined;
    cause = { kind: "preemption", message, ...(by ? { preemptor: podKey(by.metadata.namespace ?? "default", by.metadata.name) } : {}) };
  } else if (pod?.status?.phase === "Failed" && pod.status.reason) {
    cause = { kind: "admission", reason: pod.status.reason, message: pod.status.message ?? "" };
  } else {
    cause = { kind: "not-evicted" };
  }
  return { pod: key, cause, text: evictionText(key, cause, events) };
}

const mi = (b: number) => `${Math.round(b / (1024 * 1024))}Mi`;

function evictionText(key: string, c: EvictionCause, events: readonly Event[]): string {
  switch (c.kind) {
    case "not-evicted": return `Pod ${key} was not evicted${events.length ? "" : " (no events about it remain)"}.`;
    case "node-pressure": {
      let s = `Pod ${key} was evicted by the kubelet on ${c.node ?? "its node"} because the node was low on ${c.resource}`;
      if (c.threshold) s += ` (hard eviction threshold ${c.resource}.available < ${c.threshold}; available ${c.available})`;
      s += `: "${c.message.trim()}"`;
      if (c.nodeCondition) s += ` The node reports ${c.nodeCondition.type}=${c.nodeCondition.status}.`;
      const ranked = c.ranking.filter((r) => r.usage !== undefined);
      const others = c.ranking.filter((r) => r.usage === undefined);
      if (ranked.length) {
        s += ` The kubelet evicts pods using more memory than they request first, then lower priority, then the larger usage above request: ${ranked.map((r, i) => `${i + 1}. ${r.pod} (${r.qos}, request ${mi(r.request)}, using ${mi(r.usage!)})`).join(", ")}.`;
      }
      if (others.length) s += ` Also on the node (usage not known here): ${others.map((r) => `${r.pod} (${r.qos}, request ${mi(r.request)})`).join(", ")}.`;
      return s;
    }
    case "taint": {
      let s = `Pod ${key} was deleted by the taint eviction controller (${c.message ? `"${c.message}"` : `TaintManagerEviction: "${c.marked ?? ""}"`})`;
      if (c.taint) s += ` because node ${c.node ?? ""} has the taint ${taintString(c.taint)}`;
      s += c.tolerationSeconds !== undefined ? `, which the pod tolerates for only ${c.tolerationSeconds}s (tolerationSeconds)` : ", which the pod does not tolerate";
      if (c.dueAt) s += `; the deletion fell due at ${c.dueAt}`;
      return `${s}.`;
    }
    case "eviction-api": return `Pod ${key} was evicted through the Eviction API ("${c.message}")${c.cordoned ? `, as kubectl drain does: node ${c.node} is cordoned` : ""}. PodDisruptionBudgets were honoured.`;
    case "preemption": return `Pod ${key} was preempted by the scheduler to make room for a higher-priority pod${c.preemptor ? ` (${c.preemptor})` : ""}: "${c.message}".`;
    case "admission": return `Pod ${key} failed with reason ${c.reason}: "${c.message}".`;
  }
}
