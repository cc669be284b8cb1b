import { describe, expect, it } from "vitest";
import { podColumns } from "../kubectl/pod-status";
import type { Simulation } from "../sim/simulation";
import { golden, loadScenario } from "./testing";

function columns(sim: Simulation, name: string) {
  const pod = sim.store.get("Pod", "default", name);
  if (!pod) throw new Error(`no pod ${name}`);
  return podColumns(pod, sim.epochMs + sim.time * 1000);
}

function eventTimes(sim: Simulation, pod: string, reason: string): number[] {
  return sim.events.filter((e) => e.involvedObject.name === pod && e.reason === reason).map((e) => e.time);
}

describe("probes", () => {
  it("liveness exec: restarts first when the docs say, then with growing back-off", () => {
    const sim = golden("liveness-exec", { until: "10m", at: ["30s", "50s", "80s", "155s", "5m", "10m"] });
    // Probes fail at 35, 40, 45 s; the kill at 45 s; sh ignores SIGTERM, so SIGKILL ends it at 75 s
    // and the first restart is immediate ("wait another 30 seconds": 1/1 Running 1).
    expect(eventTimes(sim, "liveness-exec", "Killing").slice(0, 2)).toEqual([45, 120]);
    const starts = eventTimes(sim, "liveness-exec", "Started");
    expect(starts[1]).toBeCloseTo(75.4, 3);
    // Back-off 10 s after the second exit (150 s), then 20 s, 40 s: restarts at 160 s, 255 s, 370 s.
    expect(starts.slice(2, 5).map(Math.round)).toEqual([160, 255, 370]);
  });

  it("liveness exec: 1/1 Running with one restart a minute in", () => {
    const sim = loadScenario("liveness-exec.yaml");
    sim.runUntil(80);
    expect(columns(sim, "liveness-exec")).toMatchObject({ ready: "1/1", status: "Running", restartCount: 1 });
    sim.runUntil(155);
    expect(columns(sim, "liveness-exec")).toMatchObject({ ready: "0/1", status: "CrashLoopBackOff", restartCount: 1 });
  });

  it("a startup probe of 30 x 10 s protects a slow starter, and kills one slower than 300 s", () => {
    const sim = golden("startup-probe", { until: "7m", at: ["2m", "4m10s", "5m10s", "6m30s"] });
    expect(eventTimes(sim, "slow-starter", "Killing")).toEqual([]);
    const killed = eventTimes(sim, "too-slow", "Killing");
    expect(killed).toHaveLength(1);
    // The 30th failed startup probe, 300 s after the container started (probes tick from admission).
    expect(killed[0]).toBeGreaterThanOrEqual(300);
    expect(killed[0]).toBeLessThanOrEqual(310);
    sim.runUntil(420);
    expect(columns(sim, "slow-starter")).toMatchObject({ ready: "1/1", status: "Running", restartCount: 0 });
  });

  it("a failing readiness probe leaves the pod Running but 0/1 READY", () => {
    const sim = golden("readiness-failing", { until: "3m", at: ["30s", "90s", "150s"] });
    expect(columns(sim, "never-ready")).toMatchObject({ ready: "0/1", status: "Running", restartCount: 0 });
    expect(columns(sim, "flaky")).toMatchObject({ ready: "1/1", status: "Running" });
    const ready = sim.store.get("Pod", "default", "never-ready")!.status!.conditions!.find((c) => c.type === "Ready")!;
    expect(ready).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [web]" });
  });
});
