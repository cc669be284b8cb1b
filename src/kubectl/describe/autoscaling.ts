/**
 * `kubectl describe` of HorizontalPodAutoscalers (autoscaling/v2) and PodDisruptionBudgets
 * (describeHorizontalPodAutoscalerV2, describePodDisruptionBudgetV1 in describe.go).
 */
import type { HorizontalPodAutoscaler, HPAScalingRules } from "kubernetes-types/autoscaling/v2";
import type { Event } from "kubernetes-types/core/v1";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import { formatLabelSelector } from "../labels";
import { describeEvents } from "./events";
import {
  LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, quantityString, rfc1123z,
  tabbedString, type PrefixWriter,
} from "./writer";

function directionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? "Max"}\n`);
    w.write(LEVEL_2, "Policies:\n");
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec;
    const current = hpa.status?.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", hpa.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef.kind ?? ""}/${spec?.scaleTargetRef.name ?? ""}\n`);
    w.write(LEVEL_0, "Metrics:\t( current / target )\n");
    (spec?.metrics ?? []).forEach((m, i) => {
      const cur = current[i];
      switch (m.type) {
        case "Resource": {
          const r = m.resource!;
          w.write(LEVEL_1, `resource ${r.name} on pods`);
          if (r.target.averageValue !== undefined) {
            const c = cur?.resource ? quantityString(cur.resource.current.averageValue) : "<unknown>";
            w.write(LEVEL_0, `:\t${c} / ${quantityString(r.target.averageValue)}\n`);
          } else {
            const c = cur?.resource?.current.averageUtilization !== undefined
              ? `${cur.resource.current.averageUtilization}% (${quantityString(cur.resource.current.averageValue)})` : "<unknown>";
            const t = r.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : "<auto>";
            w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${t}\n`);
          }
          break;
        }
        case "Pods": {
          const c = cur?.pods ? quantityString(cur.pods.current.averageValue) : "<unknown>";
          w.write(LEVEL_1, `"${m.pods!.metric.name}" on pods:\t${c} / ${quantityString(m.pods!.target.averageValue)}\n`);
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type "${m.type}">\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? "<unset>"}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, "Behavior:\n");
      directionBehavior(w, "Scale Up", spec.behavior.scaleUp);
      directionBehavior(w, "Scale Down", spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef.kind ?? ""} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    if (hpa.status?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------\t-------\n");
      for (const c of hpa.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describePodDisruptionBudget(pdb: PodDisruptionBudget, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ""}\n`);
    if (pdb.spec?.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
    else if (pdb.spec?.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
    w.write(LEVEL_0, pdb.spec?.selector ? `Selector:\t${formatLabelSelector(pdb.spec.selector)}\n` : "Selector:\t<unset>\n");
    const st = pdb.status;
    w.write(LEVEL_0, "Status:\n");
    w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
    if (events) describeEvents(w, events, nowMs);
  });
}
