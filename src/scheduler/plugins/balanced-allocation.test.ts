import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runScore } from "../test-fixtures";
import { BalancedAllocation } from "./balanced-allocation";

// Cases in the manner of upstream noderesources/balanced_allocation_test.go
// TestNodeResourcesBalancedAllocation, scored with the v1.36 formula (kubernetes PR #135573):
// 50 + (50 + S_with − S_without) / 2, S = (1 − |f_cpu − f_mem| / 2) × 100.
describe("NodeResourcesBalancedAllocation score (v1.36)", () => {
  it.each([
    {
      name: "balance unchanged scores 75",
      pod: pod("p", { requests: { cpu: "1", memory: "2Gi" } }),
      existing: [],
      want: 75,
    },
    {
      name: "a pod that evens the node out scores above 75",
      // without: (0.5, 0) → S = 75; with: (0.5, 0.5) → 100; 50 + (50 + 25) / 2 = 87.5.
      pod: pod("p", { requests: { memory: "4Gi" } }),
      existing: [pod("e", { nodeName: "n", requests: { cpu: "2" } })],
      want: 87,
    },
    {
      name: "a pod that unbalances an empty node scores below 75",
      // without: (0, 0) → 100; with: (0.5, 0) → 75; 50 + (50 − 25) / 2 = 62.5.
      pod: pod("p", { requests: { cpu: "2" } }),
      existing: [],
      want: 62,
    },
    {
      name: "fractions are capped at 1",
      // without: (1, 0) → 50 (cpu 6/4 capped); with: (1, 0.5) → 75; 50 + (50 + 25) / 2.
      pod: pod("p", { requests: { memory: "4Gi" } }),
      existing: [pod("e", { nodeName: "n", requests: { cpu: "6" } })],
      want: 87,
    },
    {
      name: "existing pods without requests count as nothing (actual requests, no scoring defaults)",
      pod: pod("p", { requests: { cpu: "1", memory: "2Gi" } }),
      existing: [pod("e", { nodeName: "n" })],
      want: 75,
    },
  ])("$name", ({ pod: p, existing, want }) => {
    const cache = cluster([node("n", { cpu: "4", memory: "8Gi" })], existing);
    expect(runScore(new BalancedAllocation(), info(p), cache.list())!.n).toEqual([want, want]);
  });

  // Issue #129138: best-effort pods skip the plugin.
  it("skips a best-effort pod", () => {
    const cache = cluster([node("n")]);
    expect(runScore(new BalancedAllocation(), info(pod("p")), cache.list())).toBeUndefined();
  });
});
