/**
 * What `kubectl rollout status` and `rollout history` print (kubectl pkg/polymorphichelpers
 * rollout_status.go, history.go), as pure functions of the objects.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import { tabwrite } from "../tabwriter";

export type StatusResult = { done: boolean; message: string } | { error: string };

const revisionOf = (o: { metadata?: { annotations?: Record<string, string> } }): number | undefined => {
  const v = o.metadata?.annotations?.["deployment.kubernetes.io/revision"];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
};

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment, revision = 0): StatusResult {
  const name = d.metadata?.name ?? "";
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) return { error: `cannot get the revision of deployment "${name}": invalid revision` };
    if (rev !== revision) return { error: `desired revision (${revision}) is different from the running revision (${rev})` };
  }
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = st.conditions?.find((c) => c.type === "Progressing");
    if (cond?.reason === "ProgressDeadlineExceeded") return { error: `deployment "${name}" exceeded its progress deadline` };
    const want = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0, replicas = st.replicas ?? 0, available = st.availableReplicas ?? 0;
    if (updated < want) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...` };
    if (replicas > updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...` };
    if (available < updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...` };
    return { done: true, message: `deployment "${name}" successfully rolled out` };
  }
  return { done: false, message: "Waiting for deployment spec update to be observed..." };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: DaemonSet): StatusResult {
  const name = ds.metadata?.name ?? "";
  if ((ds.spec?.updateStrategy?.type ?? "RollingUpdate") !== "RollingUpdate") return { error: "rollout status is only available for RollingUpdate strategy type" };
  const st = ds.status;
  if ((ds.metadata?.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0, updated = st?.updatedNumberScheduled ?? 0, available = st?.numberAvailable ?? 0;
    if (updated < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...` };
    if (available < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...` };
    return { done: true, message: `daemon set "${name}" successfully rolled out` };
  }
  return { done: false, message: "Waiting for daemon set spec update to be observed..." };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: StatefulSet): StatusResult {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return { error: "rollout status is only available for RollingUpdate strategy type" };
  const st = sts.status;
  const observed = st?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) return { done: false, message: "Waiting for statefulset spec update to be observed..." };
  const replicas = sts.spec?.replicas ?? 1;
  const ready = st?.readyReplicas ?? 0, updated = st?.updatedReplicas ?? 0;
  if (ready < replicas) return { done: false, message: `Waiting for ${replicas - ready} pods to be ready...` };
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (partition !== undefined && updated < replicas - partition) {
      return { done: false, message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...` };
    }
    return { done: true, message: `partitioned roll out complete: ${updated} new pods have been updated...` };
  }
  if (st?.updateRevision !== st?.currentRevision) {
    return { done: false, message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st?.updateRevision ?? ""}...` };
  }
  return { done: true, message: `statefulset rolling update complete ${st?.currentReplicas ?? 0} pods at revision ${st?.currentRevision ?? ""}...` };
}

/**
 * DeploymentHistoryViewer.ViewHistory without --revision: one row per revision of the
 * Deployment's ReplicaSets with its kubernetes.io/change-cause, aligned by tabbedString
 * (tabwriter minwidth 0, padding 2).
 */
export function deploymentHistory(rss: readonly ReplicaSet[]): string {
  const byRevision = new Map<number, string>();
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    byRevision.set(v, rs.metadata?.annotations?.["kubernetes.io/change-cause"] ?? "");
  }
  if (byRevision.size === 0) return "No rollout history found.";
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((r) => `${r}\t${byRevision.get(r) || "<none>"}\n`);
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join("")}`, 0, 2);
}
