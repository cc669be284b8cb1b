import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { evictionMessage, MemoryPressureState, PRESSURE_TRANSITION_MS, rankMemoryPressure, type PodUsage } from "./eviction";

const MI = 1024 * 1024;
function usage(name: string, usedMi: number, requestMi?: number, priority?: number): PodUsage {
  const pod: Pod = {
    metadata: { name },
    spec: {
      ...(priority !== undefined ? { priority } : {}),
      containers: [{ name: "app", resources: requestMi !== undefined ? { requests: { memory: `${requestMi}Mi` } } : {} }],
    },
  };
  return { pod, memory: usedMi * MI, containers: [{ name: "app", memory: usedMi * MI }] };
}

describe("rankMemoryPressure", () => {
  it.each([
    ["over-request first, whatever the QoS", [usage("guaranteed-like", 100, 256), usage("besteffort", 50), usage("burstable-over", 200, 128)], ["burstable-over", "besteffort", "guaranteed-like"]],
    ["then lower priority first", [usage("high", 300, 100, 1000), usage("low", 150, 100, 0)], ["low", "high"]],
    ["then the larger usage above request", [usage("a", 300, 250), usage("b", 300, 100), usage("c", 400)], ["c", "b", "a"]],
    ["pods under their request: larger usage above request (least negative) first", [usage("a", 100, 400), usage("b", 100, 200)], ["b", "a"]],
    ["a tie keeps the given order", [usage("x", 100), usage("y", 100)], ["x", "y"]],
  ])("%s", (_name, pods, want) => {
    expect(rankMemoryPressure(pods).map((u) => u.pod.metadata!.name)).toEqual(want);
  });
});

describe("evictionMessage", () => {
  it("names the threshold, what was available and each container over its request", () => {
    expect(evictionMessage(usage("p", 250, 100), 50 * MI)).toBe(
      "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. " +
      "Container app was using 250Mi, request is 100Mi, has larger consumption of memory. ",
    );
    expect(evictionMessage(usage("p", 80, 100), 90 * MI)).toBe("The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi. ");
  });
});

describe("MemoryPressureState", () => {
  it("holds the pressure for the transition period after the threshold clears", () => {
    const s = new MemoryPressureState();
    expect(s.observe(500 * MI, 0)).toEqual({ met: false, pressure: false });
    expect(s.observe(90 * MI, 10_000)).toEqual({ met: true, pressure: true });
    expect(s.observe(500 * MI, 20_000)).toEqual({ met: false, pressure: true });
    expect(s.observe(500 * MI, 10_000 + PRESSURE_TRANSITION_MS)).toEqual({ met: false, pressure: false });
  });
});
