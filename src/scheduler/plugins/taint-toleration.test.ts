import type { Taint, Toleration } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, runScore, verdict } from "../test-fixtures";
import { TaintToleration } from "./taint-toleration";

const UNTOLERATED = "UnschedulableAndUnresolvable: node(s) had untolerated taint(s)";
const withTolerations = (tolerations: Toleration[]) => pod("p", { spec: { tolerations } });

// Cases from upstream tainttoleration/taint_toleration_test.go TestTaintTolerationFilter.
describe("TaintToleration filter", () => {
  it.each<{ name: string; tolerations: Toleration[]; taints: Taint[]; want: string }>([
    { name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints", tolerations: [], taints: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }], want: UNTOLERATED },
    { name: "A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule", tolerations: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }], taints: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }], want: "fits" },
    { name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", tolerations: [{ key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" }], taints: [{ key: "dedicated", value: "user1", effect: "NoSchedule" }], want: UNTOLERATED },
    { name: "A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node", tolerations: [{ key: "foo", operator: "Exists", effect: "NoSchedule" }], taints: [{ key: "foo", value: "bar", effect: "NoSchedule" }], want: "fits" },
    { name: "A pod has multiple tolerations, node has multiple taints, all the taints are tolerated", tolerations: [{ key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" }, { key: "foo", operator: "Exists", effect: "NoSchedule" }], taints: [{ key: "dedicated", value: "user2", effect: "NoSchedule" }, { key: "foo", value: "bar", effect: "NoSchedule" }], want: "fits" },
    { name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match", tolerations: [{ key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" }], taints: [{ key: "foo", value: "bar", effect: "NoSchedule" }], want: UNTOLERATED },
    { name: "The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty", tolerations: [{ key: "foo", operator: "Equal", value: "bar" }], taints: [{ key: "foo", value: "bar", effect: "NoSchedule" }], want: "fits" },
    { name: "The pod has a toleration that key and values don't match the taint, but the effect of taint is PreferNoSchedule", tolerations: [{ key: "dedicated", operator: "Equal", value: "user2", effect: "NoSchedule" }], taints: [{ key: "dedicated", value: "user1", effect: "PreferNoSchedule" }], want: "fits" },
    { name: "The pod has no toleration, the effect of taint on the node is PreferNoSchedule", tolerations: [], taints: [{ key: "dedicated", value: "user1", effect: "PreferNoSchedule" }], want: "fits" },
    { name: "A NoExecute taint must be tolerated too", tolerations: [], taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }], want: UNTOLERATED },
    { name: "An empty key with operator Exists tolerates every taint", tolerations: [{ operator: "Exists" }], taints: [{ key: "a", value: "b", effect: "NoSchedule" }, { key: "c", effect: "NoExecute" }], want: "fits" },
    { name: "Equal is the default operator: the value must match", tolerations: [{ key: "a", value: "x", effect: "NoSchedule" }], taints: [{ key: "a", value: "b", effect: "NoSchedule" }], want: UNTOLERATED },
  ])("$name", ({ tolerations, taints, want }) => {
    const cache = cluster([node("n", { taints })]);
    expect(verdict(runFilter(new TaintToleration(), cache, info(withTolerations(tolerations))).byNode.n)).toBe(want);
  });
});

// Cases from upstream TestTaintTolerationScore.
describe("TaintToleration score", () => {
  it.each<{ name: string; tolerations: Toleration[]; nodes: Record<string, Taint[]>; want: Record<string, number> }>([
    {
      name: "node with taints tolerated by the pod, gets a higher score than those node with intolerable taints",
      tolerations: [{ key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" }],
      nodes: { nodeA: [{ key: "foo", value: "bar", effect: "PreferNoSchedule" }], nodeB: [{ key: "foo", value: "blah", effect: "PreferNoSchedule" }] },
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      name: "the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has",
      tolerations: [{ key: "cpu-type", operator: "Equal", value: "arm64", effect: "PreferNoSchedule" }, { key: "disk-type", operator: "Equal", value: "ssd", effect: "PreferNoSchedule" }],
      nodes: { nodeA: [], nodeB: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }], nodeC: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }, { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" }] },
      want: { nodeA: 100, nodeB: 100, nodeC: 100 },
    },
    {
      name: "the more intolerable taints a node has, the lower score it gets",
      tolerations: [{ key: "foo", operator: "Equal", value: "bar", effect: "PreferNoSchedule" }],
      nodes: { nodeA: [], nodeB: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }], nodeC: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }, { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" }] },
      want: { nodeA: 100, nodeB: 50, nodeC: 0 },
    },
    {
      name: "only taints and tolerations that have effect PreferNoSchedule are checked by prioritizer",
      tolerations: [{ key: "cpu-type", operator: "Equal", value: "arm64", effect: "NoSchedule" }, { key: "disk-type", operator: "Equal", value: "ssd", effect: "NoSchedule" }],
      nodes: { nodeA: [], nodeB: [{ key: "cpu-type", value: "arm64", effect: "NoSchedule" }], nodeC: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }, { key: "disk-type", value: "ssd", effect: "PreferNoSchedule" }] },
      want: { nodeA: 100, nodeB: 100, nodeC: 0 },
    },
    {
      name: "Default behaviour No taints and tolerations, lands on node with no taints",
      tolerations: [],
      nodes: { nodeA: [], nodeB: [{ key: "cpu-type", value: "arm64", effect: "PreferNoSchedule" }] },
      want: { nodeA: 100, nodeB: 0 },
    },
  ])("$name", ({ tolerations, nodes, want }) => {
    const cache = cluster(Object.entries(nodes).map(([n, taints]) => node(n, { taints })));
    const scores = runScore(new TaintToleration(), info(withTolerations(tolerations)), cache.list())!;
    expect(Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });
});
