/**
 * RollingUpdate (KK pkg/controller/deployment/rolling.go): each sync either scales the new
 * ReplicaSet up within maxSurge, or scales old ones down within maxUnavailable (unhealthy old
 * replicas first, oldest ReplicaSet first), never both, then reports progress.
 */
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentSync, type DraftDeployment } from "./sync";
import {
  activeReplicaSets, availableReplicaCount, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, replicasOf,
  specReplicaCount, type RS,
} from "./util";

export function rolloutRolling(dc: DeploymentSync, d: DraftDeployment, rsList: RS[]): string | undefined {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (got.error !== undefined) return got.error;
  const newRS = got.newRS!;
  const oldRSs = got.oldRSs;
  const allRSs = [...oldRSs, newRS];

  const up = reconcileNewReplicaSet(dc, allRSs, newRS, d);
  if (up.error !== undefined) return up.error;
  if (up.scaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return undefined;
  }
  const down = reconcileOldReplicaSets(dc, allRSs, activeReplicaSets(oldRSs), newRS, d);
  if (down.error !== undefined) return down.error;
  if (down.scaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return undefined;
  }
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
  return undefined;
}

function reconcileNewReplicaSet(dc: DeploymentSync, allRSs: RS[], newRS: RS, d: DraftDeployment): { scaled: boolean; error?: string } {
  const want = replicasOf(d);
  if (replicasOf(newRS) === want) return { scaled: false };
  if (replicasOf(newRS) > want) return scaleReplicaSetAndRecordEvent(dc, newRS, want, d);
  return scaleReplicaSetAndRecordEvent(dc, newRS, newRSNewReplicas(d, allRSs, newRS), d);
}

/**
 * reconcileOldReplicaSets: old replicas may go down by
 * allPods − (replicas − maxUnavailable) − (new ReplicaSet's unavailable pods).
 */
function reconcileOldReplicaSets(dc: DeploymentSync, allRSs: RS[], oldRSs: RS[], newRS: RS, d: DraftDeployment): { scaled: boolean; error?: string } {
  if (specReplicaCount(oldRSs) === 0) return { scaled: false };
  const allPods = specReplicaCount(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return { scaled: false };

  // Unhealthy old replicas go first: removing them does not lower availability.
  const cleaned = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  if (cleaned.error !== undefined) return { scaled: false };
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  if (scaledDown.error !== undefined) return { scaled: false };
  return { scaled: cleaned.count + scaledDown.count > 0 };
}

function cleanupUnhealthyReplicas(dc: DeploymentSync, oldRSs: RS[], d: DraftDeployment, maxCleanup: number): { oldRSs: RS[]; count: number; error?: string } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i]!;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanup - total, replicasOf(rs) - available);
    const res = scaleReplicaSetAndRecordEvent(dc, rs, replicasOf(rs) - count, d);
    if (res.error !== undefined) return { oldRSs: sorted, count: total, error: res.error };
    total += count;
    sorted[i] = res.rs;
  }
  return { oldRSs: sorted, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentSync, allRSs: RS[], oldRSs: RS[], d: DraftDeployment): { count: number; error?: string } {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return { count: 0 };
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), target - total);
    const res = scaleReplicaSetAndRecordEvent(dc, rs, replicasOf(rs) - count, d);
    if (res.error !== undefined) return { count: total, error: res.error };
    total += count;
  }
  return { count: total };
}
