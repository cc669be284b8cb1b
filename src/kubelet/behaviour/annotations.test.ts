import { describe, expect, it } from "vitest";
import { containerSim, memoryAt, timeToReach, validateSimAnnotations } from "./annotations";

const MI = 1024 * 1024;

describe("sim.kubeplay.dev annotations", () => {
  it.each([
    [{ "sim.kubeplay.dev/startup": "45s" }, { startupMs: 45_000 }],
    [{ "sim.kubeplay.dev/image-pull": "1m30s" }, { imagePullMs: 90_000 }],
    [{ "sim.kubeplay.dev/unhealthy-after": "2m" }, { unhealthyAfterMs: 120_000 }],
    [{ "sim.kubeplay.dev/unready-between": "60s-120s" }, { unreadyBetween: { fromMs: 60_000, toMs: 120_000 } }],
    [{ "sim.kubeplay.dev/exit": "30s:1" }, { exit: { atMs: 30_000, code: 1 } }],
    [{ "sim.kubeplay.dev/exit": "10s" }, { exit: { atMs: 10_000, code: 0 } }],
    [{ "sim.kubeplay.dev/memory": "120Mi" }, { memory: { baseBytes: 120 * MI, bytesPerMs: 0 } }],
    [{ "sim.kubeplay.dev/memory": "50Mi+60Mi/m" }, { memory: { baseBytes: 50 * MI, bytesPerMs: MI / 1000 } }],
    [{ "sim.kubeplay.dev/cpu": "200m" }, { cpu: { kind: "steady", milli: 200 } }],
    [{ "sim.kubeplay.dev/cpu": "5m/rps" }, { cpu: { kind: "perRps", milli: 5 } }],
    [{ "sim.kubeplay.dev/shutdown": "never" }, { shutdown: "never" }],
    [{ "sim.kubeplay.dev/exit": "5s:1", "sim.kubeplay.dev/exit.app": "9s:2" }, { exit: { atMs: 9000, code: 2 } }],
    [{ "sim.kubeplay.dev/exit.other": "9s:2" }, {}],
    [{ "sim.kubeplay.dev/exit": "soon" }, {}],
  ])("%j", (annotations, want) => {
    expect(containerSim(annotations, "app")).toEqual(want);
  });

  it("validates like a field, naming the annotation", () => {
    expect(validateSimAnnotations({
      "sim.kubeplay.dev/exit": "soon",
      "sim.kubeplay.dev/memroy": "1Gi",
      "sim.kubeplay.dev/startup.sidecar": "5s",
      "sim.kubeplay.dev/unready-between": "2m-1m",
      "sim.kubeplay.dev/cpu": "200m",
      "example.com/other": "x",
    }, ["app"])).toEqual([
      'metadata.annotations[sim.kubeplay.dev/exit]: Invalid value: "soon": must be "<duration>" or "<duration>:<exit code 0-255>", such as "30s:1"',
      'metadata.annotations[sim.kubeplay.dev/memroy]: Unsupported value: "memroy": supported values: "image-pull", "startup", "unhealthy-after", "unready-between", "exit", "memory", "cpu", "shutdown"',
      'metadata.annotations[sim.kubeplay.dev/startup.sidecar]: Not found: "sidecar": no container of that name in the pod',
      'metadata.annotations[sim.kubeplay.dev/unready-between]: Invalid value: "2m-1m": must be "<start>-<end>" with start before end, such as "60s-120s"',
    ]);
  });

  it("computes memory over time and when a limit is reached", () => {
    const curve = { baseBytes: 20 * MI, bytesPerMs: (10 * MI) / 1000 };
    expect(memoryAt(curve, 3000)).toBe(50 * MI);
    expect(timeToReach(curve, 64 * MI)).toBe(4400);
    expect(timeToReach({ baseBytes: MI, bytesPerMs: 0 }, 2 * MI)).toBeUndefined();
  });
});
