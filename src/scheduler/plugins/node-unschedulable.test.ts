import type { Toleration } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, verdict } from "../test-fixtures";
import { NodeUnschedulable } from "./node-unschedulable";

// Cases from upstream nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable.
describe("NodeUnschedulable filter", () => {
  it.each<{ name: string; unschedulable: boolean; tolerations?: Toleration[]; want: string }>([
    { name: "Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)", unschedulable: true, want: "UnschedulableAndUnresolvable: node(s) were unschedulable" },
    { name: "Schedule pod to normal node", unschedulable: false, want: "fits" },
    { name: "Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)", unschedulable: true, tolerations: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }], want: "fits" },
    { name: "an Exists toleration for every taint tolerates the cordon too", unschedulable: true, tolerations: [{ operator: "Exists" }], want: "fits" },
  ])("$name", ({ unschedulable, tolerations, want }) => {
    const p = info(pod("p", { spec: tolerations ? { tolerations } : {} }));
    expect(verdict(runFilter(new NodeUnschedulable(), cluster([node("n", { unschedulable })]), p).byNode.n)).toBe(want);
  });
});
