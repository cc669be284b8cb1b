import type { Affinity, NodeSelectorTerm, PreferredSchedulingTerm } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, runScore, verdict } from "../test-fixtures";
import { CycleState } from "../types";
import { NodeAffinity } from "./node-affinity";

const NO_MATCH = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
const required = (...terms: NodeSelectorTerm[]): Affinity => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });

// Cases from upstream nodeaffinity/node_affinity_test.go TestNodeAffinity.
describe("NodeAffinity filter", () => {
  it.each<{ name: string; nodeSelector?: Record<string, string>; affinity?: Affinity; labels: Record<string, string>; nodeName?: string; want: string }>([
    { name: "no selector", labels: { foo: "bar" }, want: "fits" },
    { name: "missing labels", nodeSelector: { foo: "bar" }, labels: {}, want: NO_MATCH },
    { name: "same labels", nodeSelector: { foo: "bar" }, labels: { foo: "bar" }, want: "fits" },
    { name: "node labels are superset", nodeSelector: { foo: "bar" }, labels: { foo: "bar", baz: "blah" }, want: "fits" },
    { name: "node labels are subset", nodeSelector: { foo: "bar", baz: "blah" }, labels: { foo: "bar" }, want: NO_MATCH },
    { name: "Pod with matchExpressions using In operator that matches the existing node", affinity: required({ matchExpressions: [{ key: "foo", operator: "In", values: ["bar", "value2"] }] }), labels: { foo: "bar" }, want: "fits" },
    { name: "Pod with matchExpressions using Gt operator that matches the existing node", affinity: required({ matchExpressions: [{ key: "kernel-version", operator: "Gt", values: ["0204"] }] }), labels: { "kernel-version": "0206" }, want: "fits" },
    { name: "Pod with matchExpressions using NotIn operator that matches the existing node", affinity: required({ matchExpressions: [{ key: "mem-type", operator: "NotIn", values: ["DDR", "DDR2"] }] }), labels: { "mem-type": "DDR3" }, want: "fits" },
    { name: "NotIn matches a node without the label", affinity: required({ matchExpressions: [{ key: "mem-type", operator: "NotIn", values: ["DDR"] }] }), labels: {}, want: "fits" },
    { name: "Pod with matchExpressions using Exists operator that matches the existing node", affinity: required({ matchExpressions: [{ key: "GPU", operator: "Exists" }] }), labels: { GPU: "NVIDIA-GRID-K1" }, want: "fits" },
    { name: "Pod with affinity that don't match node's labels won't schedule onto the node", affinity: required({ matchExpressions: [{ key: "foo", operator: "In", values: ["value1", "value2"] }] }), labels: { foo: "bar" }, want: NO_MATCH },
    { name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", affinity: required({ matchExpressions: [] }), labels: { foo: "bar" }, want: NO_MATCH },
    { name: "Pod with no Affinity will schedule onto a node", affinity: {}, labels: { foo: "bar" }, want: "fits" },
    { name: "Pod with multiple matchExpressions ANDed that matches the existing node", affinity: required({ matchExpressions: [{ key: "GPU", operator: "Exists" }, { key: "GPU", operator: "NotIn", values: ["AMD", "INTER"] }] }), labels: { GPU: "NVIDIA-GRID-K1" }, want: "fits" },
    { name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node", affinity: required({ matchExpressions: [{ key: "GPU", operator: "Exists" }, { key: "GPU", operator: "In", values: ["AMD", "INTER"] }] }), labels: { GPU: "NVIDIA-GRID-K1" }, want: NO_MATCH },
    { name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node", affinity: required({ matchExpressions: [{ key: "foo", operator: "In", values: ["bar", "value2"] }] }, { matchExpressions: [{ key: "diffkey", operator: "In", values: ["wrong", "value2"] }] }), labels: { foo: "bar" }, want: "fits" },
    { name: "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node", nodeSelector: { foo: "bar" }, affinity: required({ matchExpressions: [{ key: "foo", operator: "Exists" }] }), labels: { foo: "bar" }, want: "fits" },
    { name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node", nodeSelector: { foo: "bar" }, affinity: required({ matchExpressions: [{ key: "foo", operator: "Exists" }] }), labels: { foo: "barrrrrr" }, want: NO_MATCH },
    { name: "Pod with an invalid value in Affinity term won't be scheduled onto the node", affinity: required({ matchExpressions: [{ key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"] }] }), labels: { foo: "bar" }, want: NO_MATCH },
    { name: "Gt with a value that is not an integer never matches", affinity: required({ matchExpressions: [{ key: "n", operator: "Gt", values: ["x"] }] }), labels: { n: "5" }, want: NO_MATCH },
    { name: "Lt compares as integers", affinity: required({ matchExpressions: [{ key: "n", operator: "Lt", values: ["10"] }] }), labels: { n: "9" }, want: "fits" },
    { name: "Lt on a label that is not an integer does not match", affinity: required({ matchExpressions: [{ key: "n", operator: "Lt", values: ["10"] }] }), labels: { n: "nine" }, want: NO_MATCH },
    { name: "DoesNotExist", affinity: required({ matchExpressions: [{ key: "spot", operator: "DoesNotExist" }] }), labels: { spot: "true" }, want: NO_MATCH },
    { name: "Pod with matchFields using In operator that matches the existing node", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }] }), labels: {}, nodeName: "node1", want: "fits" },
    { name: "Pod with matchFields using In operator that does not match the existing node", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }] }), labels: {}, nodeName: "node2", want: NO_MATCH },
    { name: "Pod with two terms: matchFields does not match, but matchExpressions matches", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }] }, { matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] }), labels: { foo: "bar" }, nodeName: "node2", want: "fits" },
    { name: "Pod with one term: both matchFields and matchExpressions match", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }], matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] }), labels: { foo: "bar" }, nodeName: "node1", want: "fits" },
    { name: "matchFields with NotIn", affinity: required({ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node1"] }] }), labels: {}, nodeName: "node1", want: NO_MATCH },
  ])("$name", ({ nodeSelector, affinity, labels, nodeName, want }) => {
    const cache = cluster([node(nodeName ?? "n", { labels })]);
    const p = pod("p", { spec: { ...(nodeSelector ? { nodeSelector } : {}), ...(affinity ? { affinity } : {}) } });
    const got = runFilter(new NodeAffinity(), cache, info(p));
    expect(verdict(got.byNode[nodeName ?? "n"])).toBe(want);
  });

  // PreFilter: terms pinned to node names narrow the list; pins that cannot all hold conflict.
  it("returns the node names pinned by matchFields", () => {
    const p = info(pod("p", { spec: { affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["a", "b"] }] }, { matchFields: [{ key: "metadata.name", operator: "In", values: ["c"] }] }) } }));
    const out = new NodeAffinity().preFilter(new CycleState(), p);
    expect(out && "nodeNames" in out ? [...out.nodeNames].sort() : out).toEqual(["a", "b", "c"]);
  });

  it("reports conflicting name pins", () => {
    const p = info(pod("p", { spec: { affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["a"] }, { key: "metadata.name", operator: "In", values: ["b"] }] }) } }));
    const got = runFilter(new NodeAffinity(), cluster([node("a")]), p);
    expect(verdict(got.pre)).toBe("UnschedulableAndUnresolvable: pod affinity terms conflict");
  });
});

// Cases from upstream TestNodeAffinityPriority.
describe("NodeAffinity score", () => {
  const preferred = (...terms: PreferredSchedulingTerm[]): Affinity => ({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } });
  const label1 = { foo: "bar" };
  const label2 = { key: "value" };
  const label3 = { az: "az1" };
  const label4 = { abc: "az11", def: "az22" };
  const label5 = { foo: "bar", key: "value", az: "az1" };
  const affinity1 = preferred({ weight: 2, preference: { matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] } });
  const affinity2 = preferred(
    { weight: 2, preference: { matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] } },
    { weight: 4, preference: { matchExpressions: [{ key: "key", operator: "In", values: ["value"] }] } },
    { weight: 5, preference: { matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }, { key: "key", operator: "In", values: ["value"] }, { key: "az", operator: "In", values: ["az1"] }] } },
  );

  it.each([
    { name: "all nodes are same priority as NodeAffinity is nil", affinity: undefined, nodes: { node1: label1, node2: label2, node3: label3 }, want: undefined },
    { name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero", affinity: affinity1, nodes: { node1: label4, node2: label2, node3: label3 }, want: { node1: 0, node2: 0, node3: 0 } },
    { name: "only node1 matches the preferred scheduling requirements of pod", affinity: affinity1, nodes: { node1: label1, node2: label2, node3: label3 }, want: { node1: 100, node2: 0, node3: 0 } },
    { name: "all nodes matches the preferred scheduling requirements of pod but with different priorities", affinity: affinity2, nodes: { node1: label1, node5: label5, node2: label2 }, want: { node1: 18, node5: 100, node2: 36 } },
  ])("$name", ({ affinity, nodes, want }) => {
    const cache = cluster(Object.entries(nodes).map(([n, labels]) => node(n, { labels })));
    const scores = runScore(new NodeAffinity(), info(pod("p", { spec: affinity ? { affinity } : {} })), cache.list());
    expect(scores && Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });
});
