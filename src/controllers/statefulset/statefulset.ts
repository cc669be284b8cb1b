/**
 * The StatefulSet controller (pkg/controller/statefulset, stateful_set_control.go v1.36).
 *
 * OrderedReady (the default) creates ordinals in order, each only once every lower one is Running
 * and Ready (and available for minReadySeconds), and removes surplus pods from the highest ordinal
 * down, one at a time, each fully gone before the next; it makes no progress while a pod is
 * unhealthy. Parallel creates and deletes without waiting. RollingUpdate replaces pods whose
 * controller-revision-hash differs from the update revision from the highest ordinal down to
 * `partition`, at most maxUnavailable unhealthy at a time; OnDelete replaces only deleted pods.
 * PersistentVolumeClaims from volumeClaimTemplates are created before their pod and kept.
 *
 * Revisions: upstream stores each template in a ControllerRevision; this engine has no
 * ControllerRevision kind, so the controller keeps the templates it has seen by revision name
 * (`<set>-<hash of the template>`) in memory.
 */
import type { StatefulSet, StatefulSetStatus } from "kubernetes-types/apps/v1";
import type { Pod } from "kubernetes-types/core/v1";
import type { Recorder } from "../../api/events";
import { compileSelector, isSelectorError } from "../../api/selector";
import type { Stored } from "../../api/types";
import { claimObjects } from "../../runtime/controller-ref";
import { Controller, done, keyOf, splitKey, type ControllerSpec, type ReconcileResult } from "../../runtime/controller";
import { computeHash } from "../../runtime/hash";
import type { Component, ComponentContext } from "../../sim/component";
import { controllerOf } from "../pod-util";
import {
  claimsFor, isCreated, isHealthy, isMemberOf, isRunningAndAvailable, isRunningAndReady, isTerminating, newStatefulSetPod,
  ordinalOf, replicasOf, REVISION_LABEL, startOrdinal,
} from "./identity";

export const STATEFULSET_CONTROLLER = "statefulset-controller";

type Set = Stored<"StatefulSet">;
type PodObj = Stored<"Pod">;
type Template = NonNullable<StatefulSet["spec"]>["template"];

export const statefulSetControllerFactory = (): Component => new Controller(statefulSetControllerSpec());

export function statefulSetControllerSpec(): ControllerSpec {
  /** Templates by revision name: the controller's stand-in for ControllerRevisions. */
  const history = new Map<string, Template>();
  return {
    name: STATEFULSET_CONTROLLER,
    watch(ctx, enqueue) {
      ctx.store.watch("StatefulSet", (ev) => {
        if (ev.type !== "DELETED") enqueue(keyOf(ev.object));
      });
      ctx.store.watch("Pod", (ev) => {
        const ref = controllerOf(ev.object);
        if (ref?.kind === "StatefulSet") {
          enqueue(`${ev.object.metadata.namespace}/${ref.name}`);
          return;
        }
        if (ref || ev.type === "DELETED") return;
        // An orphan: every set whose selector matches may adopt it.
        for (const set of ctx.store.list("StatefulSet", ev.object.metadata.namespace)) {
          const sel = compileSelector(set.spec?.selector);
          if (!isSelectorError(sel) && sel.matches(ev.object.metadata.labels)) enqueue(keyOf(set));
        }
      });
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const set = ctx.store.get("StatefulSet", namespace, name);
      if (!set) return done;
      return syncStatefulSet(ctx, ctx.recorder({ component: STATEFULSET_CONTROLLER }), history, set);
    },
  };
}

function syncStatefulSet(ctx: ComponentContext, rec: Recorder, history: Map<string, Template>, set: Set): ReconcileResult {
  const sel = compileSelector(set.spec?.selector);
  if (isSelectorError(sel)) return done;
  const candidates = ctx.store.list("Pod", set.metadata.namespace);
  const claimed = claimObjects(ctx.store, set, "Pod", sel, candidates, (p) => isMemberOf(set, p));
  const pods = claimed.claimed;

  const collisionCount = set.status?.collisionCount ?? 0;
  const updateRevision = `${set.metadata.name}-${computeHash(set.spec!.template, collisionCount)}`;
  history.set(updateRevision, set.spec!.template);
  const currentRevision = set.status?.currentRevision && history.has(set.status.currentRevision) ? set.status.currentRevision : updateRevision;
  const currentTemplate = history.get(currentRevision)!;

  const now = ctx.now();
  const minReady = set.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isRunningAndAvailable(p, minReady, now, ctx.fromTimestamp);
  const monotonic = (set.spec?.podManagementPolicy ?? "OrderedReady") !== "Parallel";
  const replicaCount = replicasOf(set);
  const start = startOrdinal(set);
  const end = start + replicaCount - 1;

  const replicas: Array<Pod> = new Array(replicaCount);
  const condemned: PodObj[] = [];
  for (const p of pods) {
    const ord = ordinalOf(p);
    if (ord >= start && ord <= end) replicas[ord - start] = p;
    else if (ord >= 0) condemned.push(p);
  }
  const strategy = set.spec?.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition ?? 0;
  for (let ord = start; ord <= end; ord++) {
    if (replicas[ord - start]) continue;
    // newVersionedStatefulSetPod: ordinals below the partition stay at the current revision.
    const atCurrent = (strategy?.type ?? "RollingUpdate") === "RollingUpdate" && strategy?.rollingUpdate !== undefined && ord < partition;
    replicas[ord - start] = atCurrent ? newStatefulSetPod(set, currentTemplate, ord, currentRevision) : newStatefulSetPod(set, set.spec!.template, ord, updateRevision);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const firstUnhealthy = replicas.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));

  const finish = (): ReconcileResult => {
    writeStatus(ctx, set, buildStatus(set, [...replicas, ...condemned], currentRevision, updateRevision, collisionCount, available));
    const st = ctx.store.get("StatefulSet", set.metadata.namespace, set.metadata.name)?.status;
    if (minReady > 0 && st && (st.readyReplicas ?? 0) !== (st.availableReplicas ?? 0)) return { requeueAfter: minReady * 1000 };
    return claimed.error !== undefined ? { error: claimed.error } : done;
  };
  if (set.metadata.deletionTimestamp) return finish();

  // Each live replica, in ordinal order; in OrderedReady mode the first one not yet done stops the sync.
  for (let i = 0; i < replicas.length; i++) {
    const p = replicas[i]!;
    if (p.status?.phase === "Failed" || p.status?.phase === "Succeeded") {
      if (!isTerminating(p)) deletePod(ctx, rec, set, p as PodObj);
      if (monotonic) return finish();
      continue;
    }
    if (!isCreated(p)) {
      const created = createPod(ctx, rec, set, p);
      if (created) replicas[i] = created;
      if (monotonic || !created) return finish();
      continue;
    }
    if (isTerminating(p) && monotonic) return finish();
    if (!isRunningAndReady(p) && monotonic) return finish();
    if (!available(p) && monotonic) return finish();
  }

  // Scale down, highest ordinal first; in OrderedReady mode one at a time, and only when healthy.
  for (const p of condemned) {
    if (isTerminating(p)) {
      if (monotonic) return finish();
      continue;
    }
    if (monotonic && p !== firstUnhealthy && (!isRunningAndReady(p) || !available(p))) return finish();
    deletePod(ctx, rec, set, p);
    if (monotonic) return finish();
  }

  if ((strategy?.type ?? "RollingUpdate") === "RollingUpdate") {
    // updateStatefulSetAfterInvariantEstablished: replace up to maxUnavailable outdated pods, highest first.
    const maxUnavailable = resolveMaxUnavailable(strategy?.rollingUpdate?.maxUnavailable, replicaCount);
    const unavailable = replicas.filter((p) => !isHealthy(p)).length;
    let budget = maxUnavailable - unavailable;
    for (let t = replicas.length - 1; t >= partition && budget > 0; t--) {
      const p = replicas[t]!;
      if (p.metadata?.labels?.[REVISION_LABEL] !== updateRevision && !isTerminating(p)) {
        deletePod(ctx, rec, set, p as PodObj);
        budget--;
      }
    }
  }
  return finish();
}

/** maxUnavailable (an int or a percentage of replicas, rounded up), at least 1. */
function resolveMaxUnavailable(v: number | string | undefined, replicas: number): number {
  if (v === undefined) return 1;
  const n = typeof v === "number" ? v : Math.ceil((Number.parseInt(v, 10) / 100) * replicas);
  return Math.max(1, Number.isFinite(n) ? n : 1);
}

/** CreateStatefulPod: the pod's claims first (kept when they exist), then the pod. */
function createPod(ctx: ComponentContext, rec: Recorder, set: Set, pod: Pod): PodObj | undefined {
  const name = pod.metadata!.name!;
  for (const claim of claimsFor(set, ordinalOf(pod))) {
    const cur = ctx.store.get("PersistentVolumeClaim", claim.metadata!.namespace, claim.metadata!.name!);
    if (cur) {
      if (cur.metadata.deletionTimestamp) {
        rec.event(set, "Warning", "FailedCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: pvc ${claim.metadata!.name} is being deleted`);
        return undefined;
      }
      continue;
    }
    const res = ctx.store.create("PersistentVolumeClaim", claim);
    if (!res.ok) {
      rec.event(set, "Warning", "FailedCreate", `create Claim ${claim.metadata!.name} for Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${res.message}`);
      rec.event(set, "Warning", "FailedCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: failed to create PVC ${claim.metadata!.name}: ${res.message}`);
      return undefined;
    }
    rec.event(set, "Normal", "SuccessfulCreate", `create Claim ${claim.metadata!.name} Pod ${name} in StatefulSet ${set.metadata.name} success`);
  }
  const res = ctx.store.create("Pod", pod);
  if (!res.ok) {
    if (res.reason !== "AlreadyExists") rec.event(set, "Warning", "FailedCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${res.message}`);
    return undefined;
  }
  rec.event(set, "Normal", "SuccessfulCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} successful`);
  return res.object;
}

function deletePod(ctx: ComponentContext, rec: Recorder, set: Set, pod: PodObj): void {
  const name = pod.metadata.name;
  const res = ctx.store.delete("Pod", pod.metadata.namespace, name);
  if (!res.ok) rec.event(set, "Warning", "FailedDelete", `delete Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${res.message}`);
  else rec.event(set, "Normal", "SuccessfulDelete", `delete Pod ${name} in StatefulSet ${set.metadata.name} successful`);
}

function buildStatus(set: Set, pods: readonly Pod[], currentRevision: string, updateRevision: string, collisionCount: number, available: (p: Pod) => boolean): StatefulSetStatus {
  let replicas = 0, ready = 0, avail = 0, current = 0, updated = 0;
  for (const p of pods) {
    if (!isCreated(p)) continue;
    replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (available(p)) avail++;
    }
    if (!isTerminating(p)) {
      const rev = p.metadata?.labels?.[REVISION_LABEL];
      if (rev === currentRevision) current++;
      if (rev === updateRevision) updated++;
    }
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas, readyReplicas: ready, availableReplicas: avail, currentReplicas: current, updatedReplicas: updated,
    currentRevision, updateRevision, collisionCount,
  };
  // completeRollingUpdate: once every pod is updated and ready, the update revision becomes current.
  if ((set.spec?.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate" && updated === replicas && ready === replicas) {
    return { ...status, currentReplicas: updated, currentRevision: updateRevision };
  }
  return status;
}

function writeStatus(ctx: ComponentContext, set: Set, status: StatefulSetStatus): void {
  const clean = JSON.parse(JSON.stringify(status)) as StatefulSetStatus;
  // As the API serializes them: readyReplicas, currentReplicas and updatedReplicas are omitempty.
  for (const k of ["readyReplicas", "currentReplicas", "updatedReplicas"] as const) {
    if (clean[k] === 0) delete (clean as unknown as Record<string, unknown>)[k];
  }
  ctx.store.mutate("StatefulSet", set.metadata.namespace, set.metadata.name, (d) => {
    if (d.metadata.uid !== set.metadata.uid) return false;
    d.status = { ...clean, ...(d.status?.conditions ? { conditions: d.status.conditions } : {}) };
  });
}
