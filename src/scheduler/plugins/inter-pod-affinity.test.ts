import type { Affinity, PodAffinityTerm, WeightedPodAffinityTerm } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, runScore, verdict } from "../test-fixtures";
import { InterPodAffinity } from "./inter-pod-affinity";

const AFFINITY = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";
const EXISTING = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";

const term = (key: string, op: "In" | "NotIn" | "Exists", values: string[], topologyKey = "region", extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchExpressions: [{ key, operator: op, ...(op === "Exists" ? {} : { values }) }] }, topologyKey, ...extra,
});
const affinity = (req: PodAffinityTerm[] = [], anti: PodAffinityTerm[] = []): Affinity => ({
  ...(req.length ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: req } } : {}),
  ...(anti.length ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: anti } } : {}),
});
const podLabel = { service: "securityscan" };
const podLabel2 = { security: "S1" };
const labels1 = { region: "r1", zone: "z11" };

// Cases from upstream interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode: node1
// (region r1, zone z11) holding one existing pod.
describe("InterPodAffinity filter", () => {
  it.each<{ name: string; podLabels?: Record<string, string>; aff?: Affinity; existingLabels: Record<string, string>; existingNs?: string; existingAff?: Affinity; want: string }>([
    { name: "A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods", existingLabels: {}, want: "fits" },
    { name: "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan", "value2"])]), existingLabels: podLabel, want: "fits" },
    { name: "satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod", podLabels: podLabel2, aff: affinity([term("service", "NotIn", ["securityscan3", "value3"])]), existingLabels: podLabel, want: "fits" },
    { name: "Does not satisfy the PodAffinity with labelSelector because of diff Namespace", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan", "value2"], "region", { namespaces: ["DiffNameSpace"] })]), existingLabels: podLabel, existingNs: "ns", want: AFFINITY },
    { name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", podLabels: podLabel, aff: affinity([term("service", "In", ["antivirusscan", "value2"])]), existingLabels: podLabel, want: AFFINITY },
    { name: "satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution", podLabels: podLabel2, aff: affinity([term("service", "Exists", []), term("wrongkey", "NotIn", ["securityscan"], "zone")]), existingLabels: podLabel, want: "fits" },
    {
      name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
      podLabels: podLabel2,
      aff: affinity([{ labelSelector: { matchExpressions: [{ key: "service", operator: "Exists" }, { key: "wrongkey", operator: "In", values: ["wrong"] }] }, topologyKey: "region" }]),
      existingLabels: podLabel, want: AFFINITY,
    },
    { name: "satisfies the PodAffinity and PodAntiAffinity with the existing pod", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan", "value2"])], [term("service", "In", ["antivirusscan", "value2"], "node")]), existingLabels: podLabel, want: "fits" },
    { name: "satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan", "value2"])], [term("service", "In", ["antivirusscan", "value2"], "node")]), existingLabels: podLabel, existingAff: affinity([], [term("service", "In", ["antivirusscan", "value2"], "node")]), want: "fits" },
    { name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan", "value2"])], [term("service", "In", ["securityscan", "value2"], "zone")]), existingLabels: podLabel, want: ANTI },
    { name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod", podLabels: podLabel, aff: affinity([term("service", "In", ["securityscan", "value2"])], [term("service", "In", ["antivirusscan", "value2"], "node")]), existingLabels: podLabel, existingAff: affinity([], [term("service", "In", ["securityscan", "value2"], "zone")]), want: EXISTING },
    { name: "pod matches its own Label in PodAffinity and that matches the existing pod Labels", podLabels: podLabel, aff: affinity([term("service", "NotIn", ["securityscan", "value2"])]), existingLabels: podLabel, want: AFFINITY },
    { name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod", podLabels: podLabel, existingLabels: podLabel, existingAff: affinity([], [term("service", "In", ["securityscan", "value2"], "zone")]), want: EXISTING },
    { name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod", podLabels: podLabel, existingLabels: podLabel, existingAff: affinity([], [term("service", "NotIn", ["securityscan", "value2"], "zone")]), want: "fits" },
    { name: "the first pod of a group may go anywhere when it matches its own affinity", podLabels: podLabel, aff: affinity([term("service", "In", ["securityscan"])]), existingLabels: { other: "x" }, want: "fits" },
    { name: "affinity to a topology the node lacks fails even for the first pod", podLabels: podLabel, aff: affinity([term("service", "In", ["securityscan"], "rack")]), existingLabels: { other: "x" }, want: AFFINITY },
    { name: "namespaceSelector {} matches pods in every namespace", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan"], "region", { namespaceSelector: {} })]), existingLabels: podLabel, existingNs: "team-a", want: "fits" },
    { name: "namespaceSelector selects namespaces by label", podLabels: podLabel2, aff: affinity([term("service", "In", ["securityscan"], "region", { namespaceSelector: { matchLabels: { team: "b" } } })]), existingLabels: podLabel, existingNs: "team-a", want: AFFINITY },
    { name: "matchLabelKeys add the pod's own value to the selector", podLabels: { ...podLabel2, version: "v2" }, aff: affinity([term("service", "Exists", [], "region", { matchLabelKeys: ["version"] })]), existingLabels: { ...podLabel, version: "v1" }, want: AFFINITY },
  ])("$name", ({ podLabels, aff, existingLabels, existingNs, existingAff, want }) => {
    const existing = pod("existing", { nodeName: "machine1", namespace: existingNs ?? "default", labels: existingLabels, spec: existingAff ? { affinity: existingAff } : {} });
    const cache = cluster([node("machine1", { labels: labels1 })], [existing], { default: {}, "team-a": { team: "a" }, ns: {} });
    const p = pod("p", { labels: podLabels ?? {}, spec: aff ? { affinity: aff } : {} });
    expect(verdict(runFilter(new InterPodAffinity(cache), cache, info(p)).byNode.machine1)).toBe(want);
  });

  // Upstream TestRequiredAffinityMultipleNodes: "A pod can be scheduled onto all the nodes that
  // have the same topology key & label value with one of them has an existing pod that matches".
  it("places a pod next to a matching pod's whole topology domain", () => {
    const cache = cluster(
      [node("nodeA", { labels: { zone: "az1", hostname: "h1" } }), node("nodeB", { labels: { zone: "az1", hostname: "h2" } }), node("nodeC", { labels: { zone: "az2" } })],
      [pod("existing", { nodeName: "nodeA", labels: { foo: "bar" } })],
    );
    const p = pod("p", { labels: { foo: "bar" }, spec: { affinity: affinity([term("foo", "In", ["bar"], "zone")]) } });
    const got = runFilter(new InterPodAffinity(cache), cache, info(p)).byNode;
    expect([verdict(got.nodeA), verdict(got.nodeB), verdict(got.nodeC)]).toEqual(["fits", "fits", AFFINITY]);
  });
});

// Cases from upstream interpodaffinity/scoring_test.go TestPreferredAffinity.
describe("InterPodAffinity score", () => {
  const weighted = (weight: number, t: PodAffinityTerm): WeightedPodAffinityTerm => ({ weight, podAffinityTerm: t });
  const nodes = () => [
    node("node1", { labels: { region: "China" } }), node("node2", { labels: { region: "India" } }), node("node3", { labels: { az: "az1" } }),
  ];
  it.each<{ name: string; aff?: Affinity; existing: Array<{ node: string; labels: Record<string, string>; aff?: Affinity }>; want: Record<string, number> | undefined }>([
    { name: "all nodes have same priority as the pod has no inter-pod affinity", existing: [], want: undefined },
    {
      name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to others",
      aff: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term("security", "In", ["S1"]))] } },
      existing: [{ node: "node1", labels: { security: "S1" } }, { node: "node2", labels: { security: "S2" } }],
      want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      name: "Anti Affinity: pod that does not match existing pods in node will get high score",
      aff: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term("security", "In", ["S1"]))] } },
      existing: [{ node: "node1", labels: { security: "S1" } }, { node: "node2", labels: { security: "S2" } }],
      want: { node1: 0, node2: 100, node3: 100 },
    },
    {
      name: "Affinity symmetry: existing pods' required affinity to the incoming pod counts with hardPodAffinityWeight",
      existing: [{ node: "node1", labels: { x: "y" }, aff: affinity([term("security", "In", ["S1"])]) }],
      want: { node1: 100, node2: 0, node3: 0 },
    },
  ])("$name", ({ aff, existing, want }) => {
    const cache = cluster(nodes(), existing.map((e, i) => pod(`e${i}`, { nodeName: e.node, labels: e.labels, spec: e.aff ? { affinity: e.aff } : {} })));
    const p = pod("p", { labels: { security: "S1" }, spec: aff ? { affinity: aff } : {} });
    const scores = runScore(new InterPodAffinity(cache), info(p), cache.list());
    expect(scores && Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });
});
