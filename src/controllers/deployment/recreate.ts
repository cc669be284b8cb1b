/**
 * Recreate (KK pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0, wait
 * until no old pod is left (terminating ones included), and only then create and scale up the
 * new ReplicaSet. (The alpha podReplacementPolicy field, gate off by default, is not modelled.)
 */
import type { Pod } from "kubernetes-types/core/v1";
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentSync, type DraftDeployment } from "./sync";
import { activeReplicaSets, actualReplicaCount, deploymentComplete, replicasOf, type RS } from "./util";

export function rolloutRecreate(dc: DeploymentSync, d: DraftDeployment, rsList: RS[], podMap: Map<string, Pod[]>): string | undefined {
  // Do not create the new ReplicaSet yet: old pods go away first.
  const first = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (first.error !== undefined) return first.error;
  let newRS = first.newRS;
  let oldRSs = first.oldRSs;
  let allRSs: (RS | undefined)[] = [...oldRSs, newRS];

  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    const res = scaleReplicaSetAndRecordEvent(dc, rs, 0, d);
    if (res.error !== undefined) return res.error;
    if (res.scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return undefined;
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return undefined;
  }
  if (!newRS) {
    const created = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    if (created.error !== undefined) return created.error;
    newRS = created.newRS;
    oldRSs = created.oldRSs;
    allRSs = [...oldRSs, newRS];
  }
  const up = scaleReplicaSetAndRecordEvent(dc, newRS!, replicasOf(d), d);
  if (up.error !== undefined) return up.error;
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
  return undefined;
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or one of its pods is not terminal yet. */
function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === "Failed" || phase === "Succeeded") continue;
      return true;
    }
  }
  return false;
}
