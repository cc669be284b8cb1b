/**
 * `kubectl describe` of Deployments, ReplicaSets, StatefulSets and DaemonSets (describeDeployment,
 * describeReplicaSet, describeStatefulSet, describeDaemonSet in describe.go).
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { Event, Pod } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { compileSelector, isSelectorError } from "../../api/selector";
import { formatLabels, formatLabelSelector, selectorString } from "../labels";
import { describePodTemplate } from "./containers";
import { describeEvents } from "./events";
import {
  LEVEL_0, LEVEL_1, printAnnotationsMultiline, printController, printLabelsMultiline, quantityString, rfc1123z, tabbedString,
} from "./writer";
import { claimClass } from "./storage";

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: the phases of the pods this controller (by uid) owns among `pods`. */
export function podStatusForController(pods: readonly Pod[], selector: LabelSelector | undefined, uid: string | undefined): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const sel = compileSelector(selector);
  if (isSelectorError(sel)) return counts;
  for (const p of pods) {
    if (!sel.matches(p.metadata?.labels)) continue;
    const ref = p.metadata?.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case "Running": counts.running++; break;
      case "Pending": counts.waiting++; break;
      case "Succeeded": counts.succeeded++; break;
      case "Failed": counts.failed++; break;
    }
  }
  return counts;
}

const podsStatus = (c: PodCounts): string => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

/** printReplicaSetsByLabels: "web-7d9f8 (3/3 replicas created)" or "<none>". */
function replicaSetsLine(rss: readonly ReplicaSet[]): string {
  return rss.map((rs) => `${rs.metadata?.name ?? ""} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(", ") || "<none>";
}

export function describeDeployment(d: Deployment, oldRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const st = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
    const strategy = d.spec?.strategy;
    w.write(LEVEL_0, `StrategyType:\t${strategy?.type ?? ""}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    if (strategy?.rollingUpdate) {
      const ru = strategy.rollingUpdate;
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    }
    describePodTemplate(w, d.spec?.template);
    if (st.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsLine(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsLine(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describeReplicaSet(rs: ReplicaSet, counts: PodCounts, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata?.annotations);
    const controlledBy = printController(rs.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(LEVEL_0, `${podsStatus(counts)}\n`);
    describePodTemplate(w, rs.spec?.template);
    if (rs.status?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describeStatefulSet(sts: StatefulSet, counts: PodCounts, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(sts.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", sts.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", sts.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    const strategy = sts.spec?.updateStrategy;
    w.write(LEVEL_0, `Update Strategy:\t${strategy?.type ?? ""}\n`);
    const ru = strategy?.rollingUpdate;
    if (ru?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(w, sts.spec?.template);
    const templates = sts.spec?.volumeClaimTemplates ?? [];
    if (templates.length === 0) {
      w.write(LEVEL_0, "Volume Claims:\t<none>\n");
    } else {
      w.write(LEVEL_0, "Volume Claims:\n");
      for (const pvc of templates) {
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ""}\n`);
        w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
        printLabelsMultiline(w, "Labels", pvc.metadata?.labels, "  ");
        printLabelsMultiline(w, "Annotations", pvc.metadata?.annotations, "  ");
        const storage = pvc.spec?.resources?.requests?.storage;
        w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityString(storage) : "<default>"}\n`);
        w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(" ")}]\n`);
      }
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describeDaemonSet(ds: DaemonSet, counts: PodCounts, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const st = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, "Labels", ds.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(w, ds.spec?.template);
    if (events) describeEvents(w, events, nowMs);
  });
}
