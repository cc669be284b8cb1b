import type { Taint, TopologySpreadConstraint } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { SchedulerCache } from "../cache";
import { info, node, pod, runFilter, runScore, verdict } from "../test-fixtures";
import { PodTopologySpread } from "./pod-topology-spread";

const SKEW = "Unschedulable: node(s) didn't match pod topology spread constraints";
const LABEL = "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)";

const spread = (maxSkew: number, topologyKey: string, when: "DoNotSchedule" | "ScheduleAnyway", extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew, topologyKey, whenUnsatisfiable: when, labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] }, ...extra,
});

type NodeDef = { name: string; labels: Record<string, string>; taints?: Taint[] };
const zoneNodes: NodeDef[] = [
  { name: "node-a", labels: { zone: "zone1", node: "node-a" } },
  { name: "node-b", labels: { zone: "zone1", node: "node-b" } },
  { name: "node-x", labels: { zone: "zone2", node: "node-x" } },
  { name: "node-y", labels: { zone: "zone2", node: "node-y" } },
];

function setup(nodes: NodeDef[], existing: Record<string, number>, opts: { namespace?: string; owner?: boolean } = {}) {
  const cache = new SchedulerCache({
    services: () => [],
    replicaSet: (_ns, name) => (name === "rs" ? { spec: { selector: { matchLabels: { foo: "" } } } } : undefined),
    statefulSet: () => undefined,
  });
  cache.setNamespace("default", {});
  for (const n of nodes) cache.addNode(node(n.name, { labels: n.labels, taints: n.taints }));
  for (const [nodeName, count] of Object.entries(existing)) {
    for (let i = 0; i < count; i++) {
      const p = info(pod(`${nodeName}-p${i}`, { nodeName, labels: { foo: "" }, namespace: opts.namespace ?? "default" }));
      cache.setAssignedPod(p, nodeName);
    }
  }
  return cache;
}

const incoming = (constraints: TopologySpreadConstraint[], extra: Record<string, unknown> = {}) =>
  info(pod("p", { labels: { foo: "" }, spec: { topologySpreadConstraints: constraints, ...extra } }));

// Cases from upstream podtopologyspread/filtering_test.go TestSingleConstraint / TestMultipleConstraints.
describe("PodTopologySpread filter", () => {
  it.each<{ name: string; constraints: TopologySpreadConstraint[]; nodes?: NodeDef[]; existing: Record<string, number>; namespace?: string; extra?: Record<string, unknown>; want: Record<string, string> }>([
    { name: "no existing pods", constraints: [spread(1, "zone", "DoNotSchedule")], existing: {}, want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
    { name: "existing pods in a different namespace do not count", constraints: [spread(1, "zone", "DoNotSchedule")], existing: { "node-a": 1, "node-b": 2 }, namespace: "ns1", want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
    { name: "pods spread across zones as 3/3, all nodes fit", constraints: [spread(1, "zone", "DoNotSchedule")], existing: { "node-a": 1, "node-b": 2, "node-x": 2, "node-y": 1 }, want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
    {
      name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
      constraints: [spread(1, "zone", "DoNotSchedule")],
      nodes: [{ name: "node-a", labels: { zone: "zone1" } }, { name: "node-b", labels: { zon: "zone1" } }, { name: "node-x", labels: { zone: "zone2" } }, { name: "node-y", labels: { zone: "zone2" } }],
      existing: { "node-a": 1, "node-x": 2 },
      want: { "node-a": "fits", "node-b": LABEL, "node-x": SKEW, "node-y": SKEW },
    },
    { name: "pod cannot be scheduled as all nodes don't have label 'rack'", constraints: [spread(1, "rack", "DoNotSchedule")], existing: {}, want: { "node-a": LABEL, "node-b": LABEL, "node-x": LABEL, "node-y": LABEL } },
    { name: "pods spread across nodes as 2/1/0/3, only node-x fits", constraints: [spread(1, "node", "DoNotSchedule")], existing: { "node-a": 2, "node-b": 1, "node-y": 3 }, want: { "node-a": SKEW, "node-b": SKEW, "node-x": "fits", "node-y": SKEW } },
    { name: "pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit", constraints: [spread(2, "node", "DoNotSchedule")], existing: { "node-a": 2, "node-b": 1, "node-y": 3 }, want: { "node-a": SKEW, "node-b": "fits", "node-x": "fits", "node-y": SKEW } },
    { name: "pods spread across zones as 3/0 (zone2 empty): only zone2 fits", constraints: [spread(1, "zone", "DoNotSchedule")], existing: { "node-a": 2, "node-b": 1 }, want: { "node-a": SKEW, "node-b": SKEW, "node-x": "fits", "node-y": "fits" } },
    // minDomains: fewer domains than minDomains make the global minimum 0.
    { name: "2 domains with 1/1 pods, minDomains 3: the global minimum is 0", constraints: [spread(1, "zone", "DoNotSchedule", { minDomains: 3 })], existing: { "node-a": 1, "node-x": 1 }, want: { "node-a": SKEW, "node-b": SKEW, "node-x": SKEW, "node-y": SKEW } },
    { name: "2 domains with 1/1 pods, minDomains 2: fits everywhere", constraints: [spread(1, "zone", "DoNotSchedule", { minDomains: 2 })], existing: { "node-a": 1, "node-x": 1 }, want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
    // nodeAffinityPolicy Honor (default): nodes the pod may not use are not domains.
    // (zone2's own nodes pass this filter: NodeAffinity is the plugin that turns them down.)
    { name: "nodeAffinityPolicy Honor: zone2 is outside the pod's node selector and does not count", constraints: [spread(1, "zone", "DoNotSchedule")], extra: { nodeSelector: { zone: "zone1" } }, existing: { "node-a": 1, "node-b": 1 }, want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
    { name: "nodeAffinityPolicy Ignore: zone2 counts as an empty domain", constraints: [spread(1, "zone", "DoNotSchedule", { nodeAffinityPolicy: "Ignore" })], extra: { nodeSelector: { zone: "zone1" } }, existing: { "node-a": 1, "node-b": 1 }, want: { "node-a": SKEW, "node-b": SKEW, "node-x": "fits", "node-y": "fits" } },
    {
      name: "nodeTaintsPolicy Honor: a tainted zone is no domain",
      constraints: [spread(1, "zone", "DoNotSchedule", { nodeTaintsPolicy: "Honor" })],
      nodes: [{ name: "node-a", labels: { zone: "zone1" } }, { name: "node-x", labels: { zone: "zone2" }, taints: [{ key: "k", effect: "NoSchedule" }] }],
      existing: { "node-a": 1 },
      // The only domain is zone1 (minimum 1); node-x itself is TaintToleration's to turn down.
      want: { "node-a": "fits", "node-x": "fits" },
    },
    {
      name: "nodeTaintsPolicy Ignore (default): the tainted zone is an empty domain",
      constraints: [spread(1, "zone", "DoNotSchedule")],
      nodes: [{ name: "node-a", labels: { zone: "zone1" } }, { name: "node-x", labels: { zone: "zone2" }, taints: [{ key: "k", effect: "NoSchedule" }] }],
      existing: { "node-a": 1 },
      want: { "node-a": SKEW, "node-x": "fits" },
    },
    // TestMultipleConstraints: every constraint must hold.
    { name: "two constraints on zone and node, spreads = [3/3, 2/1/0/3]", constraints: [spread(1, "zone", "DoNotSchedule"), spread(1, "node", "DoNotSchedule")], existing: { "node-a": 2, "node-b": 1, "node-y": 3 }, want: { "node-a": SKEW, "node-b": SKEW, "node-x": "fits", "node-y": SKEW } },
    { name: "ScheduleAnyway constraints do not filter", constraints: [spread(1, "node", "ScheduleAnyway")], existing: { "node-a": 5 }, want: { "node-a": "fits", "node-b": "fits", "node-x": "fits", "node-y": "fits" } },
  ])("$name", ({ constraints, nodes, existing, namespace, extra, want }) => {
    const cache = setup(nodes ?? zoneNodes, existing, { namespace });
    const got = runFilter(new PodTopologySpread(cache), cache, incoming(constraints, extra)).byNode;
    expect(Object.fromEntries(Object.entries(got).map(([n, s]) => [n, verdict(s)]))).toEqual(want);
  });

  it("matchLabelKeys narrow the selector to the pod's own value", () => {
    const cache = setup(zoneNodes, {});
    for (const i of [1, 2]) cache.setAssignedPod(info(pod(`old-${i}`, { nodeName: "node-a", labels: { foo: "", version: "v1" } })), "node-a");
    const p = info(pod("p", { labels: { foo: "", version: "v2" }, spec: { topologySpreadConstraints: [spread(1, "node", "DoNotSchedule", { matchLabelKeys: ["version"] })] } }));
    const got = runFilter(new PodTopologySpread(cache), cache, p).byNode;
    expect(verdict(got["node-a"])).toBe("fits");
  });
});

// Cases from upstream podtopologyspread/scoring_test.go TestPodTopologySpreadScore.
describe("PodTopologySpread score", () => {
  const hostNodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => ({ name: n, labels: { "kubernetes.io/hostname": n } }));
  it.each<{ name: string; constraints: TopologySpreadConstraint[]; nodes: NodeDef[]; existing: Record<string, number>; want: Record<string, number> | undefined }>([
    { name: "one constraint on node, no existing pods", constraints: [spread(1, "kubernetes.io/hostname", "ScheduleAnyway")], nodes: hostNodes.slice(0, 2), existing: {}, want: { "node-a": 100, "node-b": 100 } },
    { name: "one constraint on node, all 4 nodes are candidates", constraints: [spread(1, "kubernetes.io/hostname", "ScheduleAnyway")], nodes: hostNodes, existing: { "node-a": 2, "node-b": 1, "node-d": 3 }, want: { "node-a": 20, "node-b": 60, "node-c": 100, "node-d": 0 } },
    {
      name: "one constraint on zone, nodes without the zone label are ignored",
      constraints: [spread(1, "zone", "ScheduleAnyway")],
      nodes: [{ name: "node-a", labels: { zone: "zone1" } }, { name: "node-b", labels: { zone: "zone1" } }, { name: "node-x", labels: { zone: "zone2" } }, { name: "node-n", labels: {} }],
      existing: { "node-a": 1, "node-b": 1, "node-x": 1 },
      // zone1: 2 × log(4) + 0 = 2.77 → 3; zone2: 1.39 → 1; node-n ignored → 0.
      want: { "node-a": 33, "node-b": 33, "node-x": 100, "node-n": 0 },
    },
    { name: "a pod with only DoNotSchedule constraints is not scored", constraints: [spread(1, "zone", "DoNotSchedule")], nodes: hostNodes, existing: {}, want: undefined },
  ])("$name", ({ constraints, nodes, existing, want }) => {
    const cache = setup(nodes, existing);
    const scores = runScore(new PodTopologySpread(cache), incoming(constraints), cache.list());
    expect(scores && Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });

  it("applies the system default constraints to a pod a ReplicaSet owns", () => {
    const nodes = [
      { name: "n1", labels: { "kubernetes.io/hostname": "n1", "topology.kubernetes.io/zone": "a" } },
      { name: "n2", labels: { "kubernetes.io/hostname": "n2", "topology.kubernetes.io/zone": "b" } },
    ];
    const cache = setup(nodes, { n1: 2 });
    const owned = pod("p", { labels: { foo: "" } });
    const p = info({ ...owned, metadata: { ...owned.metadata, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "x", controller: true }] } });
    const scores = runScore(new PodTopologySpread(cache), p, cache.list())!;
    // n1: host 2 × log(4) + 2 = 4.77, zone 2 × log(4) + 4 = 6.77 → 12; n2: 2 + 4 = 6 → n2 100, n1 50.
    expect(Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual({ n1: 50, n2: 100 });
    // A pod no Service, ReplicaSet or StatefulSet selects gets no default constraints.
    expect(runScore(new PodTopologySpread(cache), info(pod("q", { labels: { foo: "" } })), cache.list())).toBeUndefined();
  });
});
