/**
 * What decides where a DaemonSet runs (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod, util/daemonset_util.go): the pod's required node affinity and
 * nodeSelector (k8s.io/component-helpers nodeaffinity), its tolerations against the node's
 * NoSchedule / NoExecute taints (v1helper.FindMatchingUntoleratedTaint), and the tolerations every
 * DaemonSet pod gets.
 */
import type { DaemonSet } from "kubernetes-types/apps/v1";
import type { Affinity, Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, PodSpec, Taint, Toleration } from "kubernetes-types/core/v1";

/** AddOrUpdateDaemonPodTolerations, in upstream's order. */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  const add: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (spec.hostNetwork) add.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  const out = [...(spec.tolerations ?? [])];
  for (const t of add) {
    // AddOrUpdateTolerationInPodSpec: an identical toleration is replaced in place, else appended.
    const i = out.findIndex((x) => x.key === t.key && (x.operator ?? "Equal") === t.operator && (x.value ?? "") === "" && x.effect === t.effect);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pins the pod to `node` through matchFields metadata.name. */
export function pinToNode(affinity: Affinity | undefined, node: string): Affinity {
  const term: NodeSelectorTerm = { matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] };
  const a = structuredClone(affinity ?? {});
  a.nodeAffinity = { ...a.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } };
  return a;
}

/** GetTargetNodeName: the bound node, else the node the affinity pins the pod to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const t of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = t.matchFields?.find((m) => m.key === "metadata.name" && m.operator === "In" && m.values?.length === 1);
    if (f) return f.values![0];
  }
  return undefined;
}

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In": return value !== undefined && values.includes(value);
    case "NotIn": return value === undefined || !values.includes(value);
    case "Exists": return value !== undefined;
    case "DoesNotExist": return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!)) return false;
      const v = BigInt(value), bound = BigInt(values[0]!);
      return r.operator === "Gt" ? v > bound : v < bound;
    }
    default: return false;
  }
}

/** A term matches when all its expressions (labels) and fields (metadata.name) do; an empty term matches nothing. */
function termMatches(t: NodeSelectorTerm, node: Node): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  if (!exprs.every((r) => matchRequirement(r, labels[r.key]))) return false;
  return fields.every((r) => r.key === "metadata.name" && matchRequirement(r, node.metadata?.name));
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and any required affinity term. */
export function matchesRequiredNodeAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}

/** ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "Equal") {
    case "Equal": return (t.value ?? "") === (taint.value ?? "");
    case "Exists": return true;
    default: return false;
  }
}

function untolerated(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  return taints.find((x) => effects.includes(x.effect) && !tolerations.some((t) => tolerates(t, x)));
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` (a pod should be created there) and `shouldContinueRunning`
 * (an existing pod may stay: only untolerated NoExecute taints evict it).
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec?.template?.spec;
  if (!spec) return { shouldRun: false, shouldContinueRunning: false };
  if (spec.nodeName && spec.nodeName !== node.metadata?.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!matchesRequiredNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonPodTolerations(spec);
  const taints = node.spec?.taints ?? [];
  if (untolerated(taints, tolerations, ["NoSchedule", "NoExecute"])) {
    return { shouldRun: false, shouldContinueRunning: !untolerated(taints, tolerations, ["NoExecute"]) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
