import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { BESTEFFORT_OOM_SCORE_ADJ, containerOOMScoreAdjust, GUARANTEED_OOM_SCORE_ADJ, podQOS } from "./qos";

const GI = 1024 ** 3;
const pod = (resources: { requests?: Record<string, string>; limits?: Record<string, string> }, extra: Partial<Pod["spec"]> = {}): Pod =>
  ({ spec: { ...extra, containers: [{ name: "c", resources }] } });

describe("podQOS", () => {
  it("uses the class the API server recorded", () => {
    expect(podQOS({ ...pod({}), status: { qosClass: "Guaranteed" } })).toBe("Guaranteed");
  });
  it.each([
    [pod({}), "BestEffort"],
    [pod({ requests: { memory: "1Gi" } }), "Burstable"],
    [pod({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } }), "Guaranteed"],
  ])("computes it otherwise (%#)", (p, want) => {
    expect(podQOS(p)).toBe(want);
  });
});

describe("oom_score_adj (pkg/kubelet/qos/policy.go)", () => {
  it.each([
    ["Guaranteed", pod({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } }), GI, GUARANTEED_OOM_SCORE_ADJ],
    ["BestEffort", pod({}), 0, BESTEFFORT_OOM_SCORE_ADJ],
    ["Burstable, a quarter of the node", pod({ requests: { memory: "4Gi" } }), 4 * GI, 750],
    ["Burstable, almost the whole node (clamped to 3)", pod({ requests: { memory: "16Gi" } }), 16 * GI, 3],
    ["Burstable, a tiny request (clamped to 999)", pod({ requests: { cpu: "100m" } }), 0, 999],
    ["node-critical priority", pod({ requests: { memory: "1Gi" } }, { priority: 2_000_001_000 }), GI, GUARANTEED_OOM_SCORE_ADJ],
  ])("%s", (_name, p, request, want) => {
    expect(containerOOMScoreAdjust(p, request, 16 * GI)).toBe(want);
  });
});
