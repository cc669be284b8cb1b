import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import { getProportion, maxSurge, maxUnavailable, resolveFenceposts, valueFromIntOrPercent } from "./util";

describe("rolling-update arithmetic", () => {
  it.each([
    // [maxSurge, maxUnavailable, replicas, surge, unavailable]  (ResolveFenceposts' own doc examples)
    ["25%", "25%", 10, 3, 2],
    ["25%", "25%", 3, 1, 0],
    ["0%", "1%", 2, 0, 1],
    ["1%", "25%", 2, 1, 0],
    ["1%", "0%", 1, 1, 0],
    [0, 0, 5, 0, 1],
    [3, 2, 10, 3, 2],
    ["50%", "50%", 5, 3, 2],
  ] as const)("surge %s / unavailable %s of %d → %d / %d", (s, u, n, surge, unavailable) => {
    expect(resolveFenceposts(s, u, n)).toEqual({ surge, unavailable });
  });

  it.each([
    [3, 10, true, 3], ["30%", 10, true, 3], ["25%", 10, true, 3], ["25%", 10, false, 2], ["x", 10, true, undefined], ["5", 10, true, undefined],
  ] as const)("valueFromIntOrPercent(%s of %d, up=%s) = %s", (v, total, up, want) => {
    expect(valueFromIntOrPercent(v, total, up)).toBe(want);
  });

  const d = (replicas: number, strategy?: Deployment["spec"] extends infer S ? S extends { strategy?: infer T } ? T : never : never): Deployment =>
    ({ spec: { replicas, selector: {}, template: {}, ...(strategy ? { strategy } : {}) } });
  it("Recreate has neither surge nor unavailability; 0 replicas has no unavailability", () => {
    expect([maxSurge(d(4, { type: "Recreate" })), maxUnavailable(d(4, { type: "Recreate" }))]).toEqual([0, 0]);
    expect(maxUnavailable(d(0))).toBe(0);
    expect([maxSurge(d(10)), maxUnavailable(d(10))]).toEqual([3, 2]);
  });
});

describe("proportional scaling (GetProportion)", () => {
  const rs = (replicas: number, maxReplicas: number): ReplicaSet =>
    ({ metadata: { annotations: { "deployment.kubernetes.io/max-replicas": String(maxReplicas) } }, spec: { replicas, selector: {}, template: {} } });
  const dep = (replicas: number): Deployment =>
    ({ spec: { replicas, selector: {}, template: {}, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } } });
  it("docs example: 10 → 15 replicas splits +5 as +3 to the old (8) and +2 to the new (5)", () => {
    // 15 + 3 surge = 18 allowed, 13 present: +5. Old: 8*18/13 = 11.08 → 11 (+3); new: 5*18/13 = 6.9 → 7 (+2).
    expect(getProportion(rs(8, 13), dep(15), 5, 0)).toBe(3);
    expect(getProportion(rs(5, 13), dep(15), 5, 3)).toBe(2);
  });
  it("never scales a ReplicaSet of 0, and never beyond what is left to add", () => {
    expect(getProportion(rs(0, 13), dep(15), 5, 0)).toBe(0);
    expect(getProportion(rs(8, 13), dep(15), 5, 4)).toBe(1);
  });
});
