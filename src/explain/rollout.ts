/**
 * "Why is this rollout waiting?": the Deployment controller's rolling-update arithmetic
 * (pkg/controller/deployment/rolling.go) on the current ReplicaSets — the surge ceiling
 * (replicas + maxSurge, rounded up) the new ReplicaSet may grow to, the availability floor
 * (replicas − maxUnavailable, rounded down) old ReplicaSets may not shrink below, what each allows
 * right now — and which pods are not available yet, each with why.
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Stored } from "../api/types";
import {
  availableReplicaCount, findNewReplicaSet, findOldReplicaSets, isRollingUpdate, replicasOf, resolveFenceposts, specReplicaCount,
} from "../controllers/deployment/util";
import { isPodAvailable, isPodReady } from "../controllers/pod-util";
import { deploymentStatus } from "../kubectl/commands/rollout-viewers";
import { formatAge, parseTimestamp } from "../kubectl/age";
import { podKey, type ExplainHost } from "./host";
import { whyNotReady } from "./pod-ready";

export interface ReplicaSetCounts {
  name: string;
  replicas: number;
  current: number;
  ready: number;
  available: number;
}

export interface UnavailablePod {
  pod: string;
  replicaSet: string;
  /** Why it is not available, in one sentence. */
  reason: string;
}

export type RolloutBlock =
  | "complete" | "paused" | "progress-deadline" | "not-observed"
  | "surge-ceiling" | "availability-floor" | "old-pods-terminating" | "recreate-old-pods" | "scaling";

export interface RolloutExplanation {
  deployment: string;
  waiting: boolean;
  /** What `kubectl rollout status` says now. */
  status: string;
  strategy: "RollingUpdate" | "Recreate";
  desired: number;
  maxSurge: { value: number | string; resolved: number };
  maxUnavailable: { value: number | string; resolved: number };
  /** replicas + maxSurge: the most pods (all ReplicaSets' spec.replicas) the rollout may run. */
  maxTotal: number;
  /** replicas − maxUnavailable: the fewest available pods it must keep. */
  minAvailable: number;
  /** Sum of every ReplicaSet's spec.replicas. */
  totalReplicas: number;
  available: number;
  newReplicaSet?: ReplicaSetCounts;
  oldReplicaSets: ReplicaSetCounts[];
  /** New pods the controller may add now (NewRSNewReplicas − current). */
  canScaleUp: number;
  /** Old pods it may remove now (maxScaledDown). */
  canScaleDown: number;
  blockedBy: RolloutBlock[];
  notAvailable: UnavailablePod[];
  text: string;
}

const counts = (rs: Stored<"ReplicaSet">): ReplicaSetCounts => ({
  name: rs.metadata.name, replicas: replicasOf(rs), current: rs.status?.replicas ?? 0,
  ready: rs.status?.readyReplicas ?? 0, available: rs.status?.availableReplicas ?? 0,
});

export function whyRolloutWaiting(host: ExplainHost, namespace: string, name: string): RolloutExplanation | { error: string } {
  const store = host.store;
  const d = store.get("Deployment", namespace, name);
  if (!d) return { error: `Error from server (NotFound): deployments.apps "${name}" not found` };
  const nowMs = host.nowMs();
  const rss = store.list("ReplicaSet", namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const newRS = findNewReplicaSet(d, rss);
  const oldRSs = findOldReplicaSets(d, rss).all;
  const desired = replicasOf(d);
  const rolling = isRollingUpdate(d);
  const ru = d.spec?.strategy?.rollingUpdate;
  const surgeValue = ru?.maxSurge ?? "25%", unavailableValue = ru?.maxUnavailable ?? "25%";
  const fence = rolling ? resolveFenceposts(surgeValue, unavailableValue, desired) : { surge: 0, unavailable: 0 };
  const maxTotal = desired + fence.surge;
  const minAvailable = desired - Math.min(fence.unavailable, desired);
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const totalReplicas = specReplicaCount(all);
  const available = availableReplicaCount(all);
  const newReplicas = newRS ? replicasOf(newRS) : 0;
  const canScaleUp = !rolling || newReplicas >= desired ? 0 : Math.max(0, Math.min(maxTotal - totalReplicas, desired - newReplicas));
  const oldReplicas = specReplicaCount(oldRSs);
  const newUnavailable = newRS ? replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const canScaleDown = !rolling || oldReplicas === 0 ? 0 : Math.max(0, Math.min(oldReplicas, totalReplicas - minAvailable - newUnavailable));

  const st = deploymentStatus(d as Deployment);
  const status = "error" in st ? st.error : st.message;
  const done = !("error" in st) && st.done;
  const blockedBy: RolloutBlock[] = [];
  const progressing = d.status?.conditions?.find((c) => c.type === "Progressing");
  if (done) blockedBy.push("complete");
  else if (d.spec?.paused) blockedBy.push("paused");
  else if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0)) blockedBy.push("not-observed");
  else {
    if (progressing?.reason === "ProgressDeadlineExceeded") blockedBy.push("progress-deadline");
    if (!rolling) {
      // recreate.go oldPodsRunning: any pod of an old ReplicaSet not Succeeded/Failed, terminating ones included.
      const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
      const oldPods = store.list("Pod", namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && oldUids.has(r.uid))
        && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
      if (oldReplicas > 0 || oldPods.length > 0) blockedBy.push("recreate-old-pods");
    } else {
      if (newReplicas < desired && canScaleUp === 0) blockedBy.push("surge-ceiling");
      if (oldReplicas > 0 && canScaleDown === 0) blockedBy.push("availability-floor");
      if (oldReplicas === 0 && oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) blockedBy.push("old-pods-terminating");
    }
    if (blockedBy.length === 0) blockedBy.push("scaling");
  }

  const minReady = d.spec?.minReadySeconds ?? 0;
  const notAvailable: UnavailablePod[] = [];
  for (const rs of all) {
    for (const p of store.list("Pod", namespace)) {
      if (!p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid)) continue;
      if (p.metadata.deletionTimestamp || p.status?.phase === "Succeeded" || p.status?.phase === "Failed") continue;
      if (isPodAvailable(p, minReady, nowMs)) continue;
      let reason: string;
      if (isPodReady(p)) {
        const since = parseTimestamp(p.status?.conditions?.find((c) => c.type === "Ready")?.lastTransitionTime);
        reason = `it is Ready, but only for ${since === undefined ? "an unknown time" : formatAge(nowMs - since)} of minReadySeconds ${minReady}s`;
      } else {
        reason = whyNotReady(host, namespace, p.metadata.name).because;
      }
      notAvailable.push({ pod: p.metadata.name, replicaSet: rs.metadata.name, reason });
    }
  }

  const explanation: Omit<RolloutExplanation, "text"> = {
    deployment: podKey(namespace, name), waiting: !done, status, strategy: rolling ? "RollingUpdate" : "Recreate", desired,
    maxSurge: { value: surgeValue, resolved: fence.surge }, maxUnavailable: { value: unavailableValue, resolved: Math.min(fence.unavailable, desired) },
    maxTotal, minAvailable, totalReplicas, available,
    ...(newRS ? { newReplicaSet: counts(newRS) } : {}), oldReplicaSets: oldRSs.map(counts),
    canScaleUp, canScaleDown, blockedBy, notAvailable,
  };
  return { ...explanation, text: rolloutText(explanation) };
}

function rolloutText(e: Omit<RolloutExplanation, "text">): string {
  const head = `Deployment ${e.deployment}: ${e.status}${e.status.endsWith(".") ? "" : "."}`;
  if (e.blockedBy.includes("complete")) return `${head} All ${e.desired} replicas run the current template and are available.`;
  if (e.blockedBy.includes("paused")) return `${head} The Deployment is paused (spec.paused): the controller makes no rollout progress until kubectl rollout resume.`;
  if (e.blockedBy.includes("not-observed")) return `${head} The Deployment controller has not observed the latest spec yet.`;
  const parts: string[] = [head];
  if (e.strategy === "Recreate") {
    parts.push(e.blockedBy.includes("recreate-old-pods")
      ? "With the Recreate strategy the controller scales every old ReplicaSet to 0 and waits until no old pod exists before it creates new ones; old pods still exist."
      : "With the Recreate strategy every old pod is gone; the new ReplicaSet's pods are starting.");
  } else {
    const fmt = (v: number | string, r: number, round: string) => (typeof v === "string" && v.endsWith("%")
      ? `${v} (${v} of ${e.desired} = ${(Number(v.slice(0, -1)) * e.desired) / 100}, rounded ${round} to ${r})` : `${r}`);
    parts.push(`With replicas ${e.desired}, maxSurge ${fmt(e.maxSurge.value, e.maxSurge.resolved, "up")} and maxUnavailable ${fmt(e.maxUnavailable.value, e.maxUnavailable.resolved, "down")}, the controller may run at most ${e.maxTotal} pods (replicas + maxSurge) and must keep at least ${e.minAvailable} available (replicas − maxUnavailable).`);
    const nrs = e.newReplicaSet;
    parts.push(`Its ReplicaSets ask for ${e.totalReplicas} pods${nrs ? ` (new ReplicaSet ${nrs.name}: ${nrs.replicas}, ${nrs.available} available)` : ""}; ${e.available} are available.`);
    if (e.blockedBy.includes("surge-ceiling")) parts.push(`It cannot create another new pod: ${e.totalReplicas} pods already reach the ceiling of ${e.maxTotal}.`);
    else if (e.canScaleUp > 0) parts.push(`It may create ${e.canScaleUp} more new pod${e.canScaleUp === 1 ? "" : "s"}.`);
    if (e.blockedBy.includes("availability-floor")) parts.push(`It cannot remove an old pod: that would leave fewer than ${e.minAvailable} available until new pods become available.`);
    else if (e.canScaleDown > 0) parts.push(`It may remove ${e.canScaleDown} old pod${e.canScaleDown === 1 ? "" : "s"}.`);
    if (e.blockedBy.includes("old-pods-terminating")) parts.push("Old pods are still terminating.");
  }
  if (e.blockedBy.includes("progress-deadline")) parts.push("The rollout exceeded its progressDeadlineSeconds (Progressing=False, ProgressDeadlineExceeded); the controller keeps trying.");
  if (e.notAvailable.length) {
    parts.push(`Not available yet: ${e.notAvailable.map((p) => `${p.pod} (${p.reason})`).join("; ")}.`);
  }
  return parts.join(" ");
}
