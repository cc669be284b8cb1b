/**
 * The Deployment controller's shared steps (KK pkg/controller/deployment/sync.go): finding or
 * creating the new ReplicaSet with its revision, scaling (proportionally when several
 * ReplicaSets are active), pruning old ReplicaSets beyond revisionHistoryLimit, and status.
 *
 * `d` is always a private copy of the stored Deployment: steps edit its status and annotations
 * and persist them with writeDeploymentStatus, as upstream does with UpdateStatus.
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from "kubernetes-types/apps/v1";
import type { Recorder } from "../../api/events";
import type { Stored } from "../../api/types";
import { compileSelector, isSelectorError } from "../../api/selector";
import { claimObjects } from "../../runtime/controller-ref";
import { canonicalJSON, computeHash } from "../../runtime/hash";
import type { ComponentContext } from "../../sim/component";
import { newControllerRef } from "../pod-util";
import {
  Reason, POD_TEMPLATE_HASH, REVISION_ANNOTATION, activeReplicaSets, actualReplicaCount, availableReplicaCount, byCreation, byRevision,
  desiredReplicasAnnotation, equalIgnoreHash, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets, getCondition,
  getProportion, isRollingUpdate, isSaturated, maxRevision, maxSurge, maxUnavailable, newCondition, newRSNewReplicas,
  progressDeadline, readyReplicaCount, replicasAnnotationsNeedUpdate, replicasOf, revisionHistoryLimit, setCondition,
  setDeploymentRevision, setNewReplicaSetAnnotations, setReplicasAnnotations, specReplicaCount, terminatingReplicaCount,
  type Mutable, type RS,
} from "./util";

export const DEPLOYMENT_CONTROLLER = "deployment-controller";

export type DraftDeployment = Mutable<Deployment> & { metadata: NonNullable<Deployment["metadata"]>; status?: Mutable<DeploymentStatus> };

/** What one sync of one Deployment works with. */
export interface DeploymentSync {
  readonly ctx: ComponentContext;
  readonly rec: Recorder;
  /** The stored Deployment this sync started from (events name it). */
  readonly stored: Stored<"Deployment">;
  /** Set when the Deployment should be looked at again after a delay (progress deadline checks). */
  requeueAfter?: number;
}

export const nowTs = (dc: DeploymentSync): string => dc.ctx.timestamp(dc.ctx.now());

/** Persists the copy's status and annotations (UpdateStatus). */
export function writeDeploymentStatus(dc: DeploymentSync, d: DraftDeployment): void {
  dc.ctx.store.mutate("Deployment", d.metadata.namespace, d.metadata.name ?? "", (o) => {
    o.status = structuredClone(d.status);
    o.metadata.annotations = structuredClone(d.metadata.annotations);
  });
}

/** getReplicaSetsForDeployment: every ReplicaSet in the namespace, claimed by the selector. */
export function replicaSetsForDeployment(dc: DeploymentSync): { rss: RS[]; error?: string } {
  const d = dc.stored;
  const selector = compileSelector(d.spec?.selector);
  if (isSelectorError(selector)) return { rss: [], error: selector.message };
  const all = dc.ctx.store.list("ReplicaSet", d.metadata.namespace);
  const res = claimObjects(dc.ctx.store, d, "ReplicaSet", selector, all);
  return { rss: res.claimed, ...(res.error !== undefined ? { error: res.error } : {}) };
}

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked) and all old ones. */
export function getAllReplicaSetsAndSyncRevision(
  dc: DeploymentSync, d: DraftDeployment, rsList: RS[], create: boolean,
): { newRS?: RS; oldRSs: RS[]; error?: string } {
  const { all: oldRSs } = findOldReplicaSets(d, rsList);
  const res = getNewReplicaSet(dc, d, rsList, oldRSs, create);
  return { oldRSs, ...res };
}

function getNewReplicaSet(dc: DeploymentSync, d: DraftDeployment, rsList: RS[], oldRSs: RS[], create: boolean): { newRS?: RS; error?: string } {
  const store = dc.ctx.store;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const minReady = d.spec?.minReadySeconds ?? 0;

  if (existing) {
    const copy = structuredClone(existing) as Mutable<ReplicaSet>;
    const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true);
    if (annotationsUpdated || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
      const res = store.mutate("ReplicaSet", existing.metadata.namespace, existing.metadata.name, (rs) => {
        rs.metadata.annotations = copy.metadata?.annotations;
        rs.spec = { ...rs.spec!, minReadySeconds: minReady };
        if (!minReady) delete rs.spec.minReadySeconds;
      });
      return res.ok ? { newRS: res.object } : { error: res.message };
    }
    let needsUpdate = setDeploymentRevision(d, copy.metadata?.annotations?.[REVISION_ANNOTATION] ?? "");
    if (progressDeadline(d) !== undefined && !getCondition(d.status, "Progressing")) {
      d.status ??= {};
      setCondition(d.status, newCondition("Progressing", "True", Reason.FoundNewReplicaSet, `Found new replica set "${existing.metadata.name}"`, nowTs(dc)));
      needsUpdate = true;
    }
    if (needsUpdate) writeDeploymentStatus(dc, d);
    return { newRS: existing };
  }
  if (!create) return {};

  // A new ReplicaSet, named after the template's hash so that creating it is idempotent.
  const collisionCount = d.status?.collisionCount;
  const hash = computeHash(d.spec?.template, collisionCount);
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const draft: Mutable<ReplicaSet> = {
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(dc.stored)],
    },
    spec: { replicas: 0, ...(minReady ? { minReadySeconds: minReady } : {}), selector, template },
  };
  const newReplicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  draft.spec!.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, draft, newRevision, false);

  let alreadyExists = false;
  let created: RS;
  const res = store.create("ReplicaSet", draft as ReplicaSet);
  if (res.ok) {
    created = res.object;
  } else if (res.reason === "AlreadyExists") {
    alreadyExists = true;
    const rs = store.get("ReplicaSet", d.metadata.namespace, draft.metadata!.name!)!;
    const ref = rs.metadata.ownerReferences?.find((r) => r.controller);
    if (!(ref?.uid === dc.stored.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template))) {
      // A hash collision: salt the hash with a higher collisionCount and try again.
      d.status = { ...d.status, collisionCount: (collisionCount ?? 0) + 1 };
      writeDeploymentStatus(dc, d);
      return { error: res.message };
    }
    created = rs;
  } else {
    const msg = `Failed to create new replica set "${draft.metadata!.name}": ${res.message}`;
    if (progressDeadline(d) !== undefined) {
      d.status ??= {};
      setCondition(d.status, newCondition("Progressing", "False", Reason.FailedRSCreate, msg, nowTs(dc)));
      writeDeploymentStatus(dc, d);
    }
    dc.rec.event(dc.stored, "Warning", Reason.FailedRSCreate, msg);
    return { error: res.message };
  }
  if (!alreadyExists && newReplicas > 0) {
    dc.rec.event(dc.stored, "Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && progressDeadline(d) !== undefined) {
    d.status ??= {};
    setCondition(d.status, newCondition("Progressing", "True", Reason.NewReplicaSetCreated, `Created new replica set "${created.metadata.name}"`, nowTs(dc)));
    needsUpdate = true;
  }
  if (needsUpdate) writeDeploymentStatus(dc, d);
  return { newRS: created };
}

/**
 * scale: a scaling event (spec.replicas changed, or a paused Deployment). One active ReplicaSet
 * takes the whole count; several share the difference in proportion to their sizes, leftovers to
 * the largest (newest first when growing, oldest first when shrinking).
 */
export function scale(dc: DeploymentSync, d: DraftDeployment, newRS: RS | undefined, oldRSs: RS[]): string | undefined {
  const want = replicasOf(d);
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (replicasOf(single) === want) return undefined;
    return scaleReplicaSetAndRecordEvent(dc, single, want, d).error;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(dc, old, 0, d);
      if (r.error) return r.error;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - specReplicaCount(all);
  if (toAdd > 0) all.sort((a, b) => replicasOf(a) === replicasOf(b) ? byCreation(b, a) : replicasOf(b) - replicasOf(a));
  else if (toAdd < 0) all.sort((a, b) => replicasOf(a) === replicasOf(b) ? byCreation(a, b) : replicasOf(b) - replicasOf(a));
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name, replicasOf(rs) + p);
      added += p;
    } else {
      sizes.set(rs.metadata.name, replicasOf(rs));
    }
  }
  for (let i = 0; i < all.length; i++) {
    const rs = all[i]!;
    if (i === 0 && toAdd !== 0) sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + toAdd - added));
    const r = scaleReplicaSet(dc, rs, sizes.get(rs.metadata.name)!, d);
    if (r.error) return r.error;
  }
  return undefined;
}

export function scaleReplicaSetAndRecordEvent(dc: DeploymentSync, rs: RS, newScale: number, d: Deployment): { scaled: boolean; rs: RS; error?: string } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(dc, rs, newScale, d);
}

/** scaleReplicaSet: writes replicas and the desired/max annotations; events only for size changes. */
function scaleReplicaSet(dc: DeploymentSync, rs: RS, newScale: number, d: Deployment): { scaled: boolean; rs: RS; error?: string } {
  const sizeChanges = replicasOf(rs) !== newScale;
  const desired = replicasOf(d), max = replicasOf(d) + maxSurge(d);
  if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const oldScale = replicasOf(rs);
  const res = dc.ctx.store.mutate("ReplicaSet", rs.metadata.namespace, rs.metadata.name, (o) => {
    o.spec = { ...o.spec!, replicas: newScale };
    setReplicasAnnotations(o as Mutable<ReplicaSet>, desired, max);
  });
  if (!res.ok) return { scaled: false, rs, error: res.message };
  if (!sizeChanges) return { scaled: false, rs: res.object };
  const op = oldScale < newScale ? "up" : "down";
  dc.rec.event(dc.stored, "Normal", "ScalingReplicaSet", `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
  return { scaled: true, rs: res.object };
}

/** cleanupDeployment: deletes the oldest empty ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(dc: DeploymentSync, oldRSs: RS[], d: Deployment): void {
  const limit = revisionHistoryLimit(d);
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    dc.ctx.store.delete("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
  }
}

/** calculateStatus: counts from the ReplicaSets and the Available condition. */
export function calculateStatus(allRSs: (RS | undefined)[], newRS: RS | undefined, d: DraftDeployment, ts: string): Mutable<DeploymentStatus> {
  const available = availableReplicaCount(allRSs);
  const total = specReplicaCount(allRSs);
  const st: Mutable<DeploymentStatus> & { terminatingReplicas?: number } = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    terminatingReplicas: terminatingReplicaCount(allRSs),
    collisionCount: d.status?.collisionCount,
    conditions: d.status?.conditions ? d.status.conditions.map((c) => ({ ...c })) : undefined,
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(st, newCondition("Available", "True", Reason.MinimumReplicasAvailable, "Deployment has minimum availability.", ts));
  } else {
    setCondition(st, newCondition("Available", "False", Reason.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", ts));
  }
  return st;
}

/** DeploymentStatus as the API serializes it: zero counts omitted, pointers kept. */
export function serialized(st: Mutable<DeploymentStatus>): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(st)) {
    if (v === undefined || (v === 0 && k !== "terminatingReplicas" && k !== "collisionCount")) continue;
    out[k] = v;
  }
  return out as DeploymentStatus;
}

export const sameStatus = (a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean =>
  canonicalJSON(serialized(a ?? {})) === canonicalJSON(serialized(b ?? {}));

/** syncDeploymentStatus: writes the calculated status when it differs. */
export function syncDeploymentStatus(dc: DeploymentSync, allRSs: (RS | undefined)[], newRS: RS | undefined, d: DraftDeployment): void {
  const st = calculateStatus(allRSs, newRS, d, nowTs(dc));
  if (sameStatus(d.status, st)) return;
  d.status = serialized(st);
  writeDeploymentStatus(dc, d);
}

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas. */
export function isScalingEvent(dc: DeploymentSync, d: DraftDeployment, rsList: RS[]): { scaling: boolean; error?: string } {
  const { newRS, oldRSs, error } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (error !== undefined) return { scaling: false, error };
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicasOf(d)) return { scaling: true };
  }
  return { scaling: false };
}

/** sync: scaling events and paused Deployments. */
export function syncScaling(dc: DeploymentSync, d: DraftDeployment, rsList: RS[]): string | undefined {
  const { newRS, oldRSs, error } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (error !== undefined) return error;
  const err = scale(dc, d, newRS, oldRSs);
  if (err !== undefined) return err;
  // As upstream, the rest of this sync works on the copies listed before scaling.
  if (d.spec?.paused) cleanupDeployment(dc, oldRSs, d);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
  return undefined;
}

/** syncStatusOnly: a Deployment being deleted only reports. */
export function syncStatusOnly(dc: DeploymentSync, d: DraftDeployment, rsList: RS[]): string | undefined {
  const { newRS, oldRSs, error } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (error !== undefined) return error;
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
  return undefined;
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(dc: DeploymentSync, d: DraftDeployment): void {
  if (progressDeadline(d) === undefined) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === Reason.TimedOut) return;
  const pausedCond = cond?.reason === Reason.Paused;
  d.status ??= {};
  if (d.spec?.paused && !pausedCond) {
    setCondition(d.status, newCondition("Progressing", "Unknown", Reason.Paused, "Deployment is paused", nowTs(dc)));
  } else if (!d.spec?.paused && pausedCond) {
    setCondition(d.status, newCondition("Progressing", "Unknown", Reason.Resumed, "Deployment is resumed", nowTs(dc)));
  } else {
    return;
  }
  writeDeploymentStatus(dc, d);
}
