/**
 * Rollout progress (KK pkg/controller/deployment/progress.go): the Progressing condition
 * (NewReplicaSetAvailable when complete, ReplicaSetUpdated while pods move, False
 * ProgressDeadlineExceeded once nothing moved for progressDeadlineSeconds), ReplicaFailure copied
 * from the ReplicaSets, and the requeue that makes a stuck rollout time out on schedule.
 */
import type { DeploymentCondition } from "kubernetes-types/apps/v1";
import { unixNow } from "../../runtime/controller";
import {
  Reason, deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, newCondition, progressDeadline,
  removeCondition, setCondition, type Mutable, type RS,
} from "./util";
import { calculateStatus, nowTs, sameStatus, serialized, writeDeploymentStatus, type DeploymentSync, type DraftDeployment } from "./sync";

export function syncRolloutStatus(dc: DeploymentSync, allRSs: (RS | undefined)[], newRS: RS | undefined, d: DraftDeployment): void {
  const ts = nowTs(dc);
  const st = calculateStatus(allRSs, newRS, d, ts);
  const deadline = progressDeadline(d);
  if (deadline === undefined) removeCondition(st, "Progressing");

  const current = getCondition(d.status, "Progressing");
  const complete = (st.replicas ?? 0) === (st.updatedReplicas ?? 0) && current?.reason === Reason.NewReplicaSetAvailable;
  if (deadline !== undefined && !complete) {
    const name = d.metadata.name;
    if (deploymentComplete(d, st)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${name}" has successfully progressed.`;
      setCondition(st, newCondition("Progressing", "True", Reason.NewReplicaSetAvailable, msg, ts));
    } else if (deploymentProgressing(d, st)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${name}" is progressing.`;
      const c = newCondition("Progressing", "True", Reason.ReplicaSetUpdated, msg, ts);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === "True") c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(st, "Progressing");
      }
      setCondition(st, c);
    } else if (deploymentTimedOut(d, st, unixNow(dc.ctx))) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${name}" has timed out progressing.`;
      setCondition(st, newCondition("Progressing", "False", Reason.TimedOut, msg, ts));
    }
  }

  const failures = replicaFailures(allRSs, newRS);
  if (failures.length > 0) setCondition(st, failures[0]!);
  else removeCondition(st, "ReplicaFailure");

  if (sameStatus(d.status, st)) {
    requeueStuckDeployment(dc, d, st);
    return;
  }
  d.status = serialized(st);
  writeDeploymentStatus(dc, d);
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition, else any old one's. */
function replicaFailures(allRSs: (RS | undefined)[], newRS: RS | undefined): DeploymentCondition[] {
  const of = (rs: RS): DeploymentCondition[] => (rs.status?.conditions ?? [])
    .filter((c) => c.type === "ReplicaFailure")
    .map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  const fromNew = newRS ? of(newRS) : [];
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap((rs) => (rs ? of(rs) : []));
}

/**
 * requeueStuckDeployment: with no progress to record, look again when the deadline would pass
 * (lastUpdateTime + progressDeadlineSeconds, plus a second against rounding), or soon when that
 * is under a second away.
 */
function requeueStuckDeployment(dc: DeploymentSync, d: DraftDeployment, st: Mutable<NonNullable<DraftDeployment["status"]>>): void {
  const current = getCondition(d.status, "Progressing");
  const deadline = progressDeadline(d);
  if (deadline === undefined || !current) return;
  if (deploymentComplete(d, st) || current.reason === Reason.TimedOut) return;
  const last = current.lastUpdateTime ? Date.parse(current.lastUpdateTime) : 0;
  const after = last + deadline * 1000 - unixNow(dc.ctx);
  dc.requeueAfter = after < 1000 ? 5 : after + 1000;
}
