/**
 * The ReplicaSet controller (KK pkg/controller/replicaset/replica_set.go, replica_set_utils.go):
 * keeps `spec.replicas` active pods matching the selector. It adopts matching orphans and
 * releases pods whose labels no longer match, creates missing pods in slow-start batches
 * (1, 2, 4, … stopping at the first failure) and deletes surplus pods least valuable first
 * (controller.ActivePodsWithRanks). Status counts active pods only; pods being deleted are
 * `terminatingReplicas` (gate DeploymentReplicaSetTerminatingReplicas, on in v1.36).
 *
 * Upstream's creation/deletion "expectations" exist to survive a stale informer cache; the
 * object store here is read-your-writes, so a sync always sees its own creations.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from "kubernetes-types/apps/v1";
import { compileSelector, isSelectorError, selectorFromSet, type Selector } from "../api/selector";
import type { Stored } from "../api/types";
import { canonicalJSON } from "../runtime/hash";
import { claimObjects } from "../runtime/controller-ref";
import { Controller, done, keyOf, splitKey, unixNow, type ControllerSpec, type ReconcileResult } from "../runtime/controller";
import type { Component, ComponentContext } from "../sim/component";
import { controllerOf, isPodActive, isPodAvailable, isPodReady, isPodTerminal, podFromTemplate, sortForDeletion } from "./pod-util";

export const REPLICASET_CONTROLLER = "replicaset-controller";
/** replicaset.BurstReplicas: at most this many pods created or deleted per sync. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

type RS = Stored<"ReplicaSet">;
type PodObj = Stored<"Pod">;

/** spec.replicas, defaulted as the API server does (1). */
export const rsReplicas = (rs: ReplicaSet): number => rs.spec?.replicas ?? 1;

/**
 * slowStartBatch: calls `fn` `count` times in batches of 1, 2, 4, … (each batch capped by what
 * remains), stopping after the first batch with a failure. Returns the successes and that failure.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => string | undefined): { successes: number; error?: string } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: string | undefined;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err === undefined) successes++;
      else firstError ??= err;
    }
    if (firstError !== undefined) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}

/** The ReplicaSet a pod's controllerRef names, if it still exists with that uid. */
function controllingReplicaSet(ctx: ComponentContext, pod: Pod): RS | undefined {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== "ReplicaSet") return undefined;
  const rs = ctx.store.get("ReplicaSet", pod.metadata?.namespace, ref.name);
  return rs && rs.metadata.uid === ref.uid ? rs : undefined;
}

/** getPodReplicaSets: ReplicaSets in the pod's namespace whose selector matches it (for orphans). */
function replicaSetsSelecting(ctx: ComponentContext, pod: Pod): RS[] {
  return ctx.store.list("ReplicaSet", pod.metadata?.namespace).filter((rs) => {
    const sel = compileSelector(rs.spec?.selector);
    return !isSelectorError(sel) && !sel.empty && sel.matches(pod.metadata?.labels);
  });
}

export const replicaSetControllerSpec: ControllerSpec = {
  name: REPLICASET_CONTROLLER,
  watch(ctx, enqueue, enqueueAfter) {
    ctx.store.watch("ReplicaSet", (ev) => enqueue(keyOf(ev.object)));
    ctx.store.watch("Pod", (ev) => {
      const pod = ev.object;
      const cur = controllingReplicaSet(ctx, pod);
      const old = ev.old ? controllingReplicaSet(ctx, ev.old) : undefined;
      if (old && old.metadata.uid !== cur?.metadata.uid) enqueue(keyOf(old));
      if (cur) {
        enqueue(keyOf(cur));
        // A pod just became ready: look again once it has been ready for minReadySeconds.
        const minReady = cur.spec?.minReadySeconds ?? 0;
        if (ev.old && minReady > 0 && !isPodReady(ev.old) && isPodReady(pod)) enqueueAfter(keyOf(cur), (minReady + 1) * 1000);
        return;
      }
      if (ev.type === "DELETED" || controllerOf(pod)) return;
      const labelsChanged = canonicalJSON(ev.old?.metadata.labels) !== canonicalJSON(pod.metadata.labels);
      if (ev.type === "ADDED" || labelsChanged || (ev.old && controllerOf(ev.old))) {
        for (const rs of replicaSetsSelecting(ctx, pod)) enqueue(keyOf(rs));
      }
    });
  },
  reconcile: (ctx, key) => syncReplicaSet(ctx, key),
};

export const replicaSetControllerFactory = (): Component => new Controller(replicaSetControllerSpec);

/** syncReplicaSet: claim pods, create or delete the difference, write status. */
export function syncReplicaSet(ctx: ComponentContext, key: string): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const rs = ctx.store.get("ReplicaSet", namespace, name);
  if (!rs) return done;
  const selector = compileSelector(rs.spec?.selector);
  if (isSelectorError(selector)) return done;

  const allPods = ctx.store.list("Pod", rs.metadata.namespace);
  const claim = claimObjects(ctx.store, rs, "Pod", selector, allPods.filter(isPodActive));
  const activePods = claim.claimed;
  const terminating = allPods.filter((p) =>
    p.metadata.deletionTimestamp && !isPodTerminal(p) && controllerOf(p)?.uid === rs.metadata.uid && selector.matches(p.metadata.labels));
  if (claim.error !== undefined) return { error: claim.error };

  let manageError: string | undefined;
  if (!rs.metadata.deletionTimestamp) manageError = manageReplicas(ctx, activePods, rs);

  const fresh = ctx.store.get("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
  if (!fresh) return done;
  const status = calculateStatus(fresh, activePods, terminating.length, manageError, unixNow(ctx), ctx.timestamp(ctx.now()));
  const updated = updateStatus(ctx, fresh, status);
  if (manageError !== undefined) return { error: manageError };
  const minReady = updated.spec?.minReadySeconds ?? 0;
  const want = rsReplicas(updated);
  if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === want && (updated.status?.availableReplicas ?? 0) !== want) {
    // Upstream requeues after minReadySeconds and always wakes a little later than that; the
    // extra millisecond keeps IsPodAvailable's strict "ready for more than minReadySeconds" true.
    return { requeueAfter: minReady * 1000 + 1 };
  }
  return done;
}

/** manageReplicas: creates or deletes pods to match spec.replicas; returns the first failure. */
function manageReplicas(ctx: ComponentContext, activePods: PodObj[], rs: RS): string | undefined {
  const diff = activePods.length - rsReplicas(rs);
  const rec = ctx.recorder({ component: REPLICASET_CONTROLLER });
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    const { error } = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const res = ctx.store.create("Pod", podFromTemplate(rs.spec?.template, rs));
      if (!res.ok) {
        rec.event(rs, "Warning", "FailedCreate", `Error creating: ${res.message}`);
        return res.message;
      }
      rec.event(rs, "Normal", "SuccessfulCreate", `Created pod: ${res.object.metadata.name}`);
      return undefined;
    });
    return error;
  }
  if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const victims = podsToDelete(ctx, rs, activePods, count);
    let firstError: string | undefined;
    for (const pod of victims) {
      const res = ctx.store.delete("Pod", pod.metadata.namespace, pod.metadata.name);
      if (!res.ok) {
        if (res.reason === "NotFound") continue;
        rec.event(rs, "Warning", "FailedDelete", `Error deleting: ${res.message}`);
        firstError ??= res.message;
        continue;
      }
      rec.event(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
    }
    return firstError;
  }
  return undefined;
}

/**
 * getPodsToDelete: the `count` least valuable pods. Ranks count the active pods of every
 * ReplicaSet with the same controller (a Deployment's old and new ReplicaSets) on the same node.
 */
function podsToDelete(ctx: ComponentContext, rs: RS, pods: PodObj[], count: number): PodObj[] {
  if (count >= pods.length) return pods.slice(0, count);
  const related = relatedPods(ctx, rs);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? "", (onNode.get(p.spec?.nodeName ?? "") ?? 0) + 1);
  }
  const ranks = pods.map((p) => onNode.get(p.spec?.nodeName ?? "") ?? 0);
  return sortForDeletion(pods, ranks, unixNow(ctx)).slice(0, count);
}

/** getIndirectlyRelatedPods: pods selected by the ReplicaSets that share this one's controller. */
function relatedPods(ctx: ComponentContext, rs: RS): PodObj[] {
  const owner = controllerOf(rs);
  const siblings = owner
    ? ctx.store.list("ReplicaSet", rs.metadata.namespace).filter((r) => controllerOf(r)?.uid === owner.uid)
    : [rs];
  const seen = new Set<string>();
  const out: PodObj[] = [];
  const pods = ctx.store.list("Pod", rs.metadata.namespace);
  for (const r of siblings) {
    const sel = compileSelector(r.spec?.selector);
    if (isSelectorError(sel)) continue;
    for (const p of pods) {
      if (!sel.matches(p.metadata.labels) || seen.has(p.metadata.uid)) continue;
      seen.add(p.metadata.uid);
      out.push(p);
    }
  }
  return out;
}

/** calculateStatus (replica_set_utils.go). */
export function calculateStatus(
  rs: ReplicaSet, activePods: readonly Pod[], terminating: number, manageError: string | undefined, nowMs: number, ts: string,
): ReplicaSetStatus {
  const templateLabels: Selector = selectorFromSet(rs.spec?.template?.metadata?.labels);
  let fullyLabeled = 0, ready = 0, available = 0;
  for (const p of activePods) {
    if (templateLabels.matches(p.metadata?.labels)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, rs.spec?.minReadySeconds ?? 0, nowMs)) available++;
    }
  }
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === "ReplicaFailure");
  if (manageError !== undefined && !failure) {
    const diff = activePods.length - rsReplicas(rs);
    const reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
    conditions.push({ type: "ReplicaFailure", status: "True", lastTransitionTime: ts, reason, message: manageError });
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== "ReplicaFailure");
  }
  return withoutZeros({
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    terminatingReplicas: terminating,
    observedGeneration: rs.status?.observedGeneration,
    conditions: conditions.length ? conditions : undefined,
  } as ReplicaSetStatus);
}

/** ReplicaSetStatus as the API serializes it: `replicas` and `terminatingReplicas` always, other zeros omitted. */
function withoutZeros(st: ReplicaSetStatus): ReplicaSetStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(st)) {
    if (v === undefined) continue;
    if (v === 0 && k !== "replicas" && k !== "terminatingReplicas") continue;
    out[k] = v;
  }
  return out as unknown as ReplicaSetStatus;
}

/** updateReplicaSetStatus: writes when anything changed, stamping the generation it acted on. */
function updateStatus(ctx: ComponentContext, rs: RS, status: ReplicaSetStatus): RS {
  const generation = rs.metadata.generation ?? 0;
  const next = withoutZeros({ ...status, observedGeneration: generation });
  if (canonicalJSON(rs.status) === canonicalJSON(next)) return rs;
  const res = ctx.store.mutate("ReplicaSet", rs.metadata.namespace, rs.metadata.name, (d) => {
    d.status = next;
  });
  return res.ok ? res.object : rs;
}
