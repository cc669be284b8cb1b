import { describe, expect, it } from "vitest";
import type { DaemonSet } from "kubernetes-types/apps/v1";
import type { Node, NodeSelectorTerm, PodSpec, Taint, Toleration } from "kubernetes-types/core/v1";
import { daemonPodTolerations, matchesRequiredNodeAffinity, nodeShouldRunDaemonPod, pinToNode, targetNodeName, tolerates } from "./predicates";

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node => ({ metadata: { name, labels }, spec: { taints } });
const ds = (spec: Partial<PodSpec> = {}): DaemonSet => ({ metadata: { name: "ds" }, spec: { selector: {}, template: { spec: { containers: [{ name: "c" }], ...spec } } } });
const required = (...terms: NodeSelectorTerm[]): Partial<PodSpec> => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });

describe("matchesRequiredNodeAffinity", () => {
  const n = node("n1", { zone: "a", size: "8" });
  it.each<[string, Partial<PodSpec>, boolean]>([
    ["no constraints", {}, true],
    ["nodeSelector match", { nodeSelector: { zone: "a" } }, true],
    ["nodeSelector miss", { nodeSelector: { zone: "b" } }, false],
    ["In", required({ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }), true],
    ["NotIn on a missing label", required({ matchExpressions: [{ key: "gpu", operator: "NotIn", values: ["x"] }] }), true],
    ["Exists", required({ matchExpressions: [{ key: "zone", operator: "Exists" }] }), true],
    ["DoesNotExist", required({ matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] }), false],
    ["Gt", required({ matchExpressions: [{ key: "size", operator: "Gt", values: ["4"] }] }), true],
    ["Lt", required({ matchExpressions: [{ key: "size", operator: "Lt", values: ["4"] }] }), false],
    ["terms are ORed", required({ matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }, { matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }), true],
    ["an empty term matches nothing", required({}), false],
    ["matchFields miss", required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n2"] }] }), false],
  ])("%s", (_n, spec, want) => {
    expect(matchesRequiredNodeAffinity({ containers: [], ...spec }, n)).toBe(want);
  });
});

describe("tolerates", () => {
  const taint: Taint = { key: "dedicated", value: "gpu", effect: "NoSchedule" };
  it.each<[string, Toleration, boolean]>([
    ["Equal with the value", { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }, true],
    ["default operator is Equal", { key: "dedicated", value: "gpu" }, true],
    ["wrong value", { key: "dedicated", value: "cpu" }, false],
    ["Exists on the key", { key: "dedicated", operator: "Exists" }, true],
    ["Exists with no key tolerates everything", { operator: "Exists" }, true],
    ["other effect", { key: "dedicated", operator: "Exists", effect: "NoExecute" }, false],
  ])("%s", (_n, t, want) => {
    expect(tolerates(t, taint)).toBe(want);
  });
});

describe("nodeShouldRunDaemonPod", () => {
  it.each<[string, Node, DaemonSet, boolean, boolean]>([
    ["plain node", node("n"), ds(), true, true],
    ["NoSchedule taint: not placed, an existing pod stays", node("n", {}, [{ key: "x", effect: "NoSchedule" }]), ds(), false, true],
    ["NoExecute taint: not placed, an existing pod goes", node("n", {}, [{ key: "x", effect: "NoExecute" }]), ds(), false, false],
    ["PreferNoSchedule is ignored", node("n", {}, [{ key: "x", effect: "PreferNoSchedule" }]), ds(), true, true],
    ["cordoned (unschedulable taint) is tolerated", node("n", {}, [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }]), ds(), true, true],
    ["not-ready NoExecute is tolerated", node("n", {}, [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }]), ds(), true, true],
    ["control-plane taint needs a toleration", node("n", {}, [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]), ds(), false, true],
    ["tolerated control-plane taint", node("n", {}, [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]), ds({ tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }), true, true],
    ["nodeSelector excludes", node("n", { os: "linux" }), ds({ nodeSelector: { os: "windows" } }), false, false],
  ])("%s", (_n, n, set, run, stay) => {
    expect(nodeShouldRunDaemonPod(n, set)).toEqual({ shouldRun: run, shouldContinueRunning: stay });
  });
});

describe("daemon pod placement", () => {
  it("adds the automatic tolerations once, network-unavailable only for hostNetwork", () => {
    const keys = (s: PodSpec) => daemonPodTolerations(s).map((t) => `${t.key}:${t.effect}`);
    expect(keys({ containers: [] })).toEqual([
      "node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule", "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule",
    ]);
    expect(keys({ containers: [], hostNetwork: true }).at(-1)).toBe("node.kubernetes.io/network-unavailable:NoSchedule");
    expect(keys({ containers: [], tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }] })).toHaveLength(6);
  });

  it("pins to a node through matchFields, replacing required terms", () => {
    const a = pinToNode(required({ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }).affinity, "n7");
    expect(a.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution).toEqual({ nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n7"] }] }] });
    expect(targetNodeName({ spec: { containers: [], affinity: a } })).toBe("n7");
    expect(targetNodeName({ spec: { containers: [], nodeName: "bound", affinity: a } })).toBe("bound");
  });
});
