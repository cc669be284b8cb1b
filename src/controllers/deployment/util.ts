/**
 * Deployment helpers, as KK pkg/controller/deployment/util/deployment_util.go defines them:
 * annotation names, condition reasons, revision bookkeeping, the rolling-update arithmetic
 * (maxSurge rounded up, maxUnavailable rounded down, ResolveFenceposts), proportions for scaling
 * mid-rollout, and the Complete / Progressing / TimedOut predicates.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from "kubernetes-types/apps/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { Stored } from "../../api/types";
import { canonicalJSON } from "../../runtime/hash";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
export const DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
/** apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH = "pod-template-hash";
/** sync.go maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH = 2000;
/** math.MaxInt32: "no deadline" / "keep every revision". */
export const MAX_INT32 = 2147483647;

/** Condition reasons (deployment_util.go). */
export const Reason = {
  ReplicaSetUpdated: "ReplicaSetUpdated",
  FailedRSCreate: "ReplicaSetCreateError",
  NewReplicaSetCreated: "NewReplicaSetCreated",
  FoundNewReplicaSet: "FoundNewReplicaSet",
  NewReplicaSetAvailable: "NewReplicaSetAvailable",
  TimedOut: "ProgressDeadlineExceeded",
  Paused: "DeploymentPaused",
  Resumed: "DeploymentResumed",
  MinimumReplicasAvailable: "MinimumReplicasAvailable",
  MinimumReplicasUnavailable: "MinimumReplicasUnavailable",
} as const;

/** Annotations never copied between a Deployment and its ReplicaSets. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO,
]);
export const skipCopyAnnotation = (k: string): boolean => ANNOTATIONS_TO_SKIP.has(k);

export type RS = Stored<"ReplicaSet">;
/** A private, writable copy of a ReplicaSet or Deployment (the store hands out frozen objects). */
export type Mutable<T> = { -readonly [P in keyof T]: T[P] };

// ---- replicas and strategy ----

export const replicasOf = (o: { spec?: { replicas?: number } }): number => o.spec?.replicas ?? 1;
export const isRollingUpdate = (d: Deployment): boolean => (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";

/** intstr.GetScaledValueFromIntOrPercent; undefined when the value is neither an int nor "N%". */
export function valueFromIntOrPercent(v: number | string | undefined, total: number, roundUp: boolean): number | undefined {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return Math.trunc(v);
  if (!v.endsWith("%")) return undefined;
  const body = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(body)) return undefined;
  const scaled = (Number(body) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 ⇒ unavailable 1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true) ?? 0;
  let unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false) ?? 0;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** The API default of a RollingUpdate Deployment: 25% / 25%. */
function rollingParams(d: Deployment): { maxSurge: number | string; maxUnavailable: number | string } {
  const ru = d.spec?.strategy?.rollingUpdate;
  return { maxSurge: ru?.maxSurge ?? "25%", maxUnavailable: ru?.maxUnavailable ?? "25%" };
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  const p = rollingParams(d);
  const { unavailable } = resolveFenceposts(p.maxSurge, p.maxUnavailable, replicasOf(d));
  return Math.min(unavailable, replicasOf(d));
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const p = rollingParams(d);
  return resolveFenceposts(p.maxSurge, p.maxUnavailable, replicasOf(d)).surge;
}

/** HasProgressDeadline: set and not MaxInt32 (the API default is 600). */
export function progressDeadline(d: Deployment): number | undefined {
  const v = d.spec?.progressDeadlineSeconds ?? 600;
  return v === MAX_INT32 ? undefined : v;
}

/** HasRevisionHistoryLimit: set and not MaxInt32 (the API default is 10). */
export function revisionHistoryLimit(d: Deployment): number | undefined {
  const v = d.spec?.revisionHistoryLimit ?? 10;
  return v === MAX_INT32 ? undefined : v;
}

// ---- revisions and annotations ----

/** Revision: the revision annotation as an integer, 0 when absent, undefined when unparsable. */
export function revisionOf(o: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = o.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** SetDeploymentRevision: true when the annotation changed. */
export function setDeploymentRevision(d: Mutable<Deployment>, revision: string): boolean {
  const meta = (d.metadata ??= {});
  meta.annotations ??= {};
  if (meta.annotations[REVISION_ANNOTATION] === revision) return false;
  meta.annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/** SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the revision, keeps history. */
export function setNewReplicaSetAnnotations(d: Deployment, rs: Mutable<ReplicaSet>, newRevision: string, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const ann = (rs.metadata!.annotations ??= {});
  const oldRevision = ann[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldInt = 0;
  if (had && oldRevision !== "") {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  // Rolling back to this ReplicaSet: remember the revisions it served before.
  if (had && oldInt < newInt) {
    const history = ann[REVISION_HISTORY_ANNOTATION] ?? "";
    const old = history.split(",");
    if (old[0]!.length === 0) {
      ann[REVISION_HISTORY_ANNOTATION] = oldRevision!;
    } else {
      let total = history.length + oldRevision!.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_LENGTH && start < old.length) total -= old[start++]!.length + 1;
      if (total <= MAX_REV_HISTORY_LENGTH) ann[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision!].join(",");
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: Mutable<ReplicaSet>): boolean {
  let changed = false;
  const ann = ((rs.metadata ??= {}).annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (skipCopyAnnotation(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: Mutable<ReplicaSet>, desired: number, max: number): boolean {
  const ann = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    ann[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    ann[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const ann = rs.metadata?.annotations;
  if (!ann) return true;
  return ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || ann[MAX_REPLICAS_ANNOTATION] !== String(max);
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}
export const desiredReplicasAnnotation = (rs: ReplicaSet): number | undefined => intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);

// ---- finding the new and old ReplicaSets ----

/** EqualIgnoreHash: templates equal but for the pod-template-hash label (nil and empty alike). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const c = structuredClone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
    if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH];
    return canonicalJSON(c);
  };
  return strip(a) === strip(b);
}

/** ReplicaSetsByCreationTimestamp: oldest first, name breaking ties. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata?.creationTimestamp ?? "", tb = b.metadata?.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? "", nb = b.metadata?.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsByRevision: lowest revision first, creation order breaking ties. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a) ?? 0, rb = revisionOf(b) ?? 0;
  return ra === rb ? byCreation(a, b) : ra - rb;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly RS[]): RS | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every other ReplicaSet (all), and those with replicas (required). */
export function findOldReplicaSets(d: Deployment, rss: readonly RS[]): { required: RS[]; all: RS[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { required: all.filter((rs) => replicasOf(rs) !== 0), all };
}

/** controller.FilterActiveReplicaSets: those with spec.replicas > 0. */
export const activeReplicaSets = <T extends ReplicaSet>(rss: readonly (T | undefined)[]): T[] =>
  rss.filter((rs): rs is T => rs !== undefined && replicasOf(rs) > 0);

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

// ---- counts over ReplicaSets ----

const sum = (rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number): number =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
export const specReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, replicasOf);
export const actualReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** GetTerminatingReplicaCountForReplicaSets: undefined when some ReplicaSet has not reported it yet. */
export function terminatingReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number | undefined {
  let n = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = (rs.status as { terminatingReplicas?: number } | undefined)?.terminatingReplicas;
    if ((rs.status?.observedGeneration ?? 0) === 0 && t === undefined) continue;
    if (t === undefined) return undefined;
    n += t;
  }
  return n;
}

// ---- scaling arithmetic ----

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const surge = valueFromIntOrPercent(rollingParams(d).maxSurge, replicasOf(d), true) ?? 0;
  const current = specReplicaCount(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + up;
}

/** IsSaturated: the new ReplicaSet owns every desired replica and all of them are available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return desired !== undefined && replicasOf(rs) === replicasOf(d) && desired === replicasOf(d)
    && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** Go's math.Round: halves away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** GetProportion: this ReplicaSet's share of replicas to add (or remove) when scaling mid-rollout. */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  const size = (replicasOf(rs) * deploymentReplicas) / annotated;
  return roundHalfAway(size) - replicasOf(rs);
}

// ---- conditions ----

export function newCondition(type: string, status: string, reason: string, message: string, ts: string): DeploymentCondition {
  return { type, status, lastUpdateTime: ts, lastTransitionTime: ts, reason, message };
}

export const getCondition = (st: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined =>
  st?.conditions?.find((c) => c.type === type);

/** SetDeploymentCondition: no-op when status and reason are unchanged; keeps lastTransitionTime when status is. */
export function setCondition(st: Mutable<DeploymentStatus>, c: DeploymentCondition): void {
  const cur = getCondition(st, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next = cur && cur.status === c.status ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
  st.conditions = [...(st.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(st: Mutable<DeploymentStatus>, type: string): void {
  const rest = (st.conditions ?? []).filter((x) => x.type !== type);
  st.conditions = rest.length ? rest : undefined;
}

// ---- rollout predicates ----

/** DeploymentComplete: every desired replica updated and available, nothing old left, generation observed. */
export function deploymentComplete(d: Deployment, st: DeploymentStatus): boolean {
  const n = replicasOf(d);
  return (st.updatedReplicas ?? 0) === n && (st.replicas ?? 0) === n && (st.availableReplicas ?? 0) === n
    && (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/** DeploymentProgressing: new pods up, ready or available, or old pods gone, since the last status. */
export function deploymentProgressing(d: Deployment, st: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (st.replicas ?? 0) - (st.updatedReplicas ?? 0);
  return (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld
    || (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: the Progressing condition last updated more than progressDeadlineSeconds before now. */
export function deploymentTimedOut(d: Deployment, st: DeploymentStatus, nowUnixMs: number): boolean {
  const deadline = progressDeadline(d);
  if (deadline === undefined) return false;
  const c = getCondition(st, "Progressing");
  if (!c) return false;
  if (c.reason === Reason.NewReplicaSetAvailable) return false;
  if (c.reason === Reason.TimedOut) return true;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : 0;
  return from + deadline * 1000 < nowUnixMs;
}
