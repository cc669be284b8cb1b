import { describe, expect, it } from "vitest";
import { podColumns } from "../kubectl/pod-status";
import type { Simulation } from "../sim/simulation";
import { golden, loadScenario } from "./testing";

const times = (sim: Simulation, name: string, reason: string) =>
  sim.events.filter((e) => e.involvedObject.name === name && e.reason === reason).map((e) => e.time);

function readyCondition(sim: Simulation, node: string) {
  return sim.store.get("Node", undefined, node)?.status?.conditions?.find((c) => c.type === "Ready");
}

describe("node failure and pressure", () => {
  it("a Down node goes NotReady, its pods are evicted after 300 s and replaced; Up recovers it", () => {
    const sim = golden("node-down", { until: "9m", kinds: ["Node", "Pod"], at: ["60s", "90s", "6m", "6m35s", "9m"] });
    // The last heartbeat at 30 s; the controller saw it at its 30 s pass; Unknown once 50 s passed (85 s pass).
    expect(times(sim, "zone-a-1", "NodeNotReady")).toEqual([85]);
    // Tainted at the next pass (90 s): evicted 300 s later.
    expect(times(sim, "pinned", "TaintManagerEviction")).toEqual([390]);
    expect(readyCondition(sim, "zone-a-1")).toMatchObject({ status: "True", reason: "KubeletReady" });
    expect(sim.store.get("Pod", "default", "pinned")).toBeUndefined();
    expect(sim.store.list("Pod").filter((p) => p.metadata.name.startsWith("web-"))).toHaveLength(2);
  });

  it("a Down node's pods show not Ready, then Terminating while the node is gone", () => {
    const sim = loadScenario("node-down.yaml");
    sim.runUntil(86);
    expect(readyCondition(sim, "zone-a-1")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    const pinned = sim.store.get("Pod", "default", "pinned")!;
    expect(pinned.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
    expect(pinned.status?.phase).toBe("Running");
    sim.runUntil(91);
    expect(sim.store.get("Node", undefined, "zone-a-1")?.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute",
    ]);
    sim.runUntil(400);
    expect(podColumns(sim.store.get("Pod", "default", "pinned")!, sim.epochMs + 400_000).status).toBe("Terminating");
  });

  it("memory pressure evicts BestEffort first, then the Burstable pod furthest above its request", () => {
    const sim = golden("memory-pressure", { until: "10m", kinds: ["Node", "Pod"], at: ["60s", "2m", "9m", "10m"] });
    const evicted = sim.events.filter((e) => e.reason === "Evicted").map((e) => e.involvedObject.name);
    expect(evicted).toEqual(["besteffort", "burstable-big"]);
    const be = sim.store.get("Pod", "default", "besteffort")!;
    expect(be.status).toMatchObject({ phase: "Failed", reason: "Evicted" });
    expect(be.status?.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: .*\. Container app was using .*, request is 0, has larger consumption of memory\. $/);
    expect(be.status?.conditions?.find((c) => c.type === "DisruptionTarget")).toMatchObject({ status: "True", reason: "TerminationByKubelet" });
    expect(sim.store.get("Pod", "default", "guaranteed")!.status?.phase).toBe("Running");
  });

  it("a NoExecute taint evicts pods that do not tolerate it, at once or after tolerationSeconds", () => {
    const sim = golden("noexecute-taint", { until: "2m", kinds: ["Node", "Pod"], at: ["15s", "21s", "85s"] });
    expect(times(sim, "intolerant", "TaintManagerEviction")).toEqual([20]);
    expect(times(sim, "patient", "TaintManagerEviction")).toEqual([80]);
    expect(sim.store.get("Pod", "default", "loyal")?.status?.phase).toBe("Running");
  });
});

describe("a node that reboots", () => {
  it("re-creates its pods' sandboxes and containers: one restart, last state Unknown 255", async () => {
    const { Simulation } = await import("../sim/simulation");
    const { sim } = Simulation.load(`
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: reboot}
spec:
  actions:
    - {at: 30s, node: {name: zone-a-1, state: Down}}
    - {at: 40s, node: {name: zone-a-1, state: Up}}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  nodeName: zone-a-1
  containers: [{name: web, image: nginx:1.27}]
`);
    sim.runUntil(60);
    const st = sim.store.get("Pod", "default", "web")!.status!;
    expect(st.containerStatuses?.[0]).toMatchObject({ restartCount: 1, ready: true, state: { running: {} }, lastState: { terminated: { exitCode: 255, reason: "Unknown" } } });
    expect(times(sim, "web", "SandboxChanged")).toEqual([40]);
    expect(times(sim, "zone-a-1", "NodeNotReady")).toEqual([]);
  });
});
