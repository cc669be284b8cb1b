/**
 * What the scheduler writes through the API, as kube-scheduler does: the binding (spec.nodeName and
 * PodScheduled=True, which the API server's binding subresource sets), the PodScheduled=False
 * condition and nominatedNodeName after a failure, and a preemption victim's DisruptionTarget
 * condition and graceful deletion. Events are recorded by the caller.
 */
import type { PodCondition } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import type { Draft, Stored } from "../api/types";

/** v1.PodReasonUnschedulable / PodReasonPreemptionByScheduler. */
export const REASON_UNSCHEDULABLE = "Unschedulable";
export const REASON_PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";
export const SCHEDULER_NAME = "default-scheduler";

/**
 * podutil.UpdatePodCondition: replaces the condition of the same type, keeping lastTransitionTime
 * unless the status changes; false when nothing changed.
 */
export function updatePodCondition(p: Draft<"Pod">, c: PodCondition, ts: string): boolean {
  const st = (p.status ??= {});
  const conditions = [...(st.conditions ?? [])];
  const i = conditions.findIndex((x) => x.type === c.type);
  const old = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = { ...c, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : ts };
  if (c.lastProbeTime === undefined) delete (next as { lastProbeTime?: string }).lastProbeTime;
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message
    && old.lastTransitionTime === next.lastTransitionTime && old.lastProbeTime === next.lastProbeTime) return false;
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  st.conditions = conditions;
  return true;
}

/** The binding subresource: spec.nodeName and PodScheduled=True. NotFound or already bound → false. */
export function bindPod(store: ObjectStore, pod: Stored<"Pod">, node: string, ts: string): boolean {
  let bound = false;
  const res = store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
    if (p.metadata.uid !== pod.metadata.uid || p.spec?.nodeName) return false;
    (p.spec as { nodeName?: string }).nodeName = node;
    updatePodCondition(p, { type: "PodScheduled", status: "True" }, ts);
    bound = true;
  });
  return res.ok && bound;
}

/**
 * After a failed attempt: PodScheduled=False (reason Unschedulable) with the full message, and
 * status.nominatedNodeName set ("" clears it; undefined leaves it).
 */
export function markUnschedulable(store: ObjectStore, pod: Stored<"Pod">, message: string, nominated: string | undefined, ts: string): void {
  store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
    if (p.metadata.uid !== pod.metadata.uid || p.spec?.nodeName) return false;
    let changed = updatePodCondition(p, { type: "PodScheduled", status: "False", reason: REASON_UNSCHEDULABLE, message }, ts);
    if (nominated !== undefined && (p.status?.nominatedNodeName ?? "") !== nominated) {
      const st = (p.status ??= {}) as { nominatedNodeName?: string };
      if (nominated) st.nominatedNodeName = nominated;
      else delete st.nominatedNodeName;
      changed = true;
    }
    return changed ? undefined : false;
  });
}

/** Clears status.nominatedNodeName (lower-priority pods nominated to a node being preempted). */
export function clearNominatedNodeName(store: ObjectStore, pod: Stored<"Pod">): void {
  store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
    if (!p.status?.nominatedNodeName) return false;
    delete (p.status as { nominatedNodeName?: string }).nominatedNodeName;
  });
}

/** A preemption victim: the DisruptionTarget condition, then a graceful delete. */
export function evictVictim(store: ObjectStore, victim: Stored<"Pod">, ts: string): void {
  store.mutate("Pod", victim.metadata.namespace, victim.metadata.name, (p) => {
    if (p.metadata.uid !== victim.metadata.uid) return false;
    return updatePodCondition(p, {
      type: "DisruptionTarget",
      status: "True",
      reason: REASON_PREEMPTION_BY_SCHEDULER,
      message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
    }, ts) ? undefined : false;
  });
  store.delete("Pod", victim.metadata.namespace, victim.metadata.name);
}
