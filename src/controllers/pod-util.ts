/**
 * Pod and owner helpers every controller uses, as upstream's pkg/api/v1/pod (podutil) and
 * k8s.io/apimachinery metav1 controller-ref helpers define them.
 */
import type { Pod, PodCondition } from "kubernetes-types/core/v1";
import type { OwnerReference } from "kubernetes-types/meta/v1";
import type { KObject } from "../api/types";

export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, "Ready")?.status === "True";
}

/**
 * podutil.IsPodAvailable: ready, and (with minReadySeconds) ready since strictly more than
 * minReadySeconds before `nowMs` (`lastTransitionTime.Add(minReady).Before(now)`), in unix ms.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const c = podCondition(pod, "Ready");
  if (c?.status !== "True") return false;
  if (minReadySeconds <= 0) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < nowMs;
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata?.deletionTimestamp;
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** metav1.GetControllerOf: the owner reference with controller=true. */
export function controllerOf(o: KObject): OwnerReference | undefined {
  return o.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: what a controller stamps on the objects it creates. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? "",
    kind: owner.kind ?? "",
    name: owner.metadata?.name ?? "",
    uid: owner.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when `o` is controlled by the object with this uid. */
export function isControlledBy(o: KObject, ownerUid: string | undefined): boolean {
  return ownerUid !== undefined && controllerOf(o)?.uid === ownerUid;
}

/** podutil.GetPodReadyCondition's lastTransitionTime when Ready is True (the pod's ready time). */
function podReadySince(pod: Pod): string | undefined {
  const c = podCondition(pod, "Ready");
  return c?.status === "True" ? c.lastTransitionTime : undefined;
}

function maxContainerRestarts(pod: Pod): number {
  let n = 0;
  for (const cs of pod.status?.containerStatuses ?? []) n = Math.max(n, cs.restartCount ?? 0);
  return n;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** afterOrZero: an empty time sorts first, then the later time. RFC 3339 UTC timestamps compare as strings. */
function afterOrZero(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return !a;
  return a > b;
}

/**
 * controller.ActivePods' Less: the order in which controllers pick pods to delete. Negative when
 * `a` should go before `b`: unassigned < assigned, Pending < Unknown < Running, not ready < ready,
 * ready for less time first, more restarts first, newer first.
 */
export function compareActivePods(a: Pod, b: Pod): number {
  const less = (x: Pod, y: Pod): boolean => {
    const xn = x.spec?.nodeName ?? "", yn = y.spec?.nodeName ?? "";
    if (xn !== yn && (xn === "" || yn === "")) return xn === "";
    const xp = PHASE_ORDINAL[x.status?.phase ?? ""] ?? 0, yp = PHASE_ORDINAL[y.status?.phase ?? ""] ?? 0;
    if (xp !== yp) return xp < yp;
    const xr = isPodReady(x), yr = isPodReady(y);
    if (xr !== yr) return !xr;
    if (xr && yr) {
      const xt = podReadySince(x), yt = podReadySince(y);
      if (xt !== yt) return afterOrZero(xt, yt);
    }
    const xc = maxContainerRestarts(x), yc = maxContainerRestarts(y);
    if (xc !== yc) return xc > yc;
    const xs = x.metadata?.creationTimestamp, ys = y.metadata?.creationTimestamp;
    if (xs !== ys) return afterOrZero(xs, ys);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/**
 * controller.GetPodFromTemplate: a new pod for `owner` from its pod template (labels, annotations,
 * finalizers and spec copied), named by generateName `<owner>-` unless `name` is given.
 */
export function podFromTemplate(
  template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] }; spec?: Pod["spec"] } | undefined,
  owner: KObject,
  opts: { name?: string; generateName?: string } = {},
): Pod {
  const meta = template?.metadata ?? {};
  return {
    metadata: {
      ...(opts.name ? { name: opts.name } : { generateName: opts.generateName ?? `${owner.metadata?.name ?? ""}-` }),
      namespace: owner.metadata?.namespace,
      labels: { ...meta.labels },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers?.length ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [newControllerRef(owner)],
    },
    spec: structuredClone(template?.spec ?? { containers: [] }),
  };
}

/** Annotation a user sets to steer which pods a ReplicaSet scale-down removes first. */
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

/** helper.GetDeletionCostFromPodAnnotations: an int32; absent or invalid counts as 0. */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** Unix ms of a timestamp; NaN when absent (Go's zero time). */
const unixMsOf = (ts: string | undefined): number => (ts ? Date.parse(ts) : NaN);

/** afterOrZero on unix ms: a zero (absent) time sorts first, else the later time first. */
function afterOrZeroMs(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1);
  return t1 > t2;
}

/** logarithmicRankDiff: how long ago two instants were, compared on a log2 scale of nanoseconds. */
function logRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const d = (nowMs - t) * 1e6;
    return d > 0 ? Math.trunc(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Compares two instants the LogarithmicScaleDown way; undefined when they are equal. */
function logarithmicLess(t1: number, t2: number, nowMs: number, uidLess: () => boolean): boolean | undefined {
  if (t1 === t2 || (Number.isNaN(t1) && Number.isNaN(t2))) return undefined;
  if (Number.isNaN(t1) || Number.isNaN(t2)) return afterOrZeroMs(t1, t2);
  const diff = logRankDiff(t1, t2, nowMs);
  return diff === 0 ? uidLess() : diff < 0;
}

/**
 * controller.ActivePodsWithRanks.Less as the ReplicaSet controller uses it (LogarithmicScaleDown
 * and PodDeletionCost are GA): true when `a` should be deleted before `b`. Unscheduled <
 * scheduled; Pending < Unknown < Running; not ready < ready; lower deletion cost; higher rank
 * (more related pods on the same node); ready more recently (log2 buckets, then uid); more
 * restarts; created more recently (log2 buckets, then uid).
 */
export function deleteBefore(a: Pod, rankA: number, b: Pod, rankB: number, nowMs: number): boolean {
  const na = a.spec?.nodeName ?? "", nb = b.spec?.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na === "";
  const pa = PHASE_ORDINAL[a.status?.phase ?? ""] ?? 0, pb = PHASE_ORDINAL[b.status?.phase ?? ""] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a), rb = isPodReady(b);
  if (ra !== rb) return !ra;
  const ca = podDeletionCost(a), cb = podDeletionCost(b);
  if (ca !== cb) return ca < cb;
  if (rankA !== rankB) return rankA > rankB;
  const uidLess = () => (a.metadata?.uid ?? "") < (b.metadata?.uid ?? "");
  if (ra && rb) {
    const ready = logarithmicLess(unixMsOf(podReadySince(a)), unixMsOf(podReadySince(b)), nowMs, uidLess);
    if (ready !== undefined) return ready;
  }
  const xa = maxContainerRestarts(a), xb = maxContainerRestarts(b);
  if (xa !== xb) return xa > xb;
  return logarithmicLess(unixMsOf(a.metadata?.creationTimestamp), unixMsOf(b.metadata?.creationTimestamp), nowMs, uidLess) ?? false;
}

/** Sorts pods (each with its rank) so that the ones to delete first come first. */
export function sortForDeletion<P extends Pod>(pods: readonly P[], ranks: readonly number[], nowMs: number): P[] {
  return pods
    .map((pod, i) => ({ pod, rank: ranks[i] ?? 0 }))
    .sort((x, y) => (deleteBefore(x.pod, x.rank, y.pod, y.rank, nowMs) ? -1 : deleteBefore(y.pod, y.rank, x.pod, x.rank, nowMs) ? 1 : 0))
    .map((x) => x.pod);
}
