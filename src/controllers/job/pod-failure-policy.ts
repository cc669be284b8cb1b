/**
 * podFailurePolicy (pkg/controller/job/pod_failure_policy.go): the first rule matching a failed
 * pod decides whether the failure fails the Job, is ignored, or counts against backoffLimit.
 */
import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from "kubernetes-types/batch/v1";
import type { ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";

export type PodFailurePolicyAction = "FailJob" | "FailIndex" | "Ignore" | "Count";

export interface PolicyMatch {
  /** The FailJob message, when a FailJob rule matched. */
  failJobMessage?: string;
  /** Whether the failure counts towards backoffLimit (false only for Ignore). */
  countFailed: boolean;
  action?: PodFailurePolicyAction;
}

const NO_MATCH: PolicyMatch = { countFailed: true };

export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: Pod): PolicyMatch {
  if (!policy) return NO_MATCH;
  const ns = pod.metadata?.namespace ?? "";
  const name = pod.metadata?.name ?? "";
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    const action = rule.action as PodFailurePolicyAction;
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (!cs) continue;
      switch (action) {
        case "Ignore": return { countFailed: false, action };
        case "FailIndex":
        case "Count": return { countFailed: true, action };
        case "FailJob": return {
          countFailed: true, action,
          failJobMessage: `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state!.terminated!.exitCode} matching ${action} rule at index ${index}`,
        };
      }
    } else if (rule.onPodConditions) {
      const cond = matchOnPodConditions(pod, rule.onPodConditions);
      if (!cond) continue;
      switch (action) {
        case "Ignore": return { countFailed: false, action };
        case "FailIndex":
        case "Count": return { countFailed: true, action };
        case "FailJob": return {
          countFailed: true, action,
          failJobMessage: `Pod ${ns}/${name} has condition ${cond.type} matching ${action} rule at index ${index}`,
        };
      }
    }
  }
  return NO_MATCH;
}

function matchOnExitCodes(pod: Pod, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  return matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req);
}

function matchingContainer(statuses: readonly ContainerStatus[] | undefined, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  for (const cs of statuses ?? []) {
    const t = cs.state?.terminated;
    if (!t) continue;
    if (req.containerName && req.containerName !== cs.name) continue;
    if (t.exitCode === 0) continue;
    const listed = req.values.includes(t.exitCode);
    if (req.operator === "In" ? listed : !listed) return cs;
  }
  return undefined;
}

function matchOnPodConditions(pod: Pod, patterns: NonNullable<PodFailurePolicy["rules"][number]["onPodConditions"]>): PodCondition | undefined {
  for (const c of pod.status?.conditions ?? []) {
    for (const p of patterns) {
      if (c.type === p.type && c.status === (p.status ?? "True")) return c;
    }
  }
  return undefined;
}
