import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Simulation } from "./simulation";

const TWO_PODS = `
apiVersion: v1
kind: Pod
metadata: {name: web-1}
spec:
  nodeName: zone-a-1
  containers: [{name: nginx, image: "nginx:1.27"}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-2}
spec:
  nodeName: zone-b-1
  containers: [{name: nginx, image: "nginx:1.27"}]
`;

function eventLogHash(text: string, seed?: number): string {
  const { sim } = Simulation.load(text, { seed });
  sim.runUntil(120);
  const snap = sim.snapshot();
  return createHash("sha256").update(JSON.stringify({ events: snap.events, objects: snap.objects })).digest("hex");
}

describe("Simulation", () => {
  it("is deterministic: the same scenario and seed give the same event log and objects, byte for byte", () => {
    expect(eventLogHash(TWO_PODS, 7)).toBe(eventLogHash(TWO_PODS, 7));
  });

  it("draws identities from the seed: another seed gives other UIDs", () => {
    expect(eventLogHash(TWO_PODS, 7)).not.toBe(eventLogHash(TWO_PODS, 8));
  });

  it("creates the default cluster when the scenario has no nodes", () => {
    const { sim, errors } = Simulation.load(TWO_PODS);
    expect(errors).toEqual([]);
    expect(sim.store.list("Node").map((n) => n.metadata.name)).toEqual(["zone-a-1", "zone-b-1", "zone-c-1"]);
  });

  it("takes a bound pod from Pending to Running with the real conditions", () => {
    const { sim } = Simulation.load(TWO_PODS);
    expect(sim.store.get("Pod", "default", "web-1")?.status?.phase).toBe("Pending");
    sim.runUntil(60);
    const pod = sim.store.get("Pod", "default", "web-1")!;
    expect(pod.status?.phase).toBe("Running");
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True",
    ]);
    expect(pod.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    expect(sim.events.map((e) => e.reason)).toEqual(expect.arrayContaining(["Pulling", "Pulled", "Created", "Started"]));
  });

  it("gives pods on different nodes addresses from different node CIDRs", () => {
    const { sim } = Simulation.load(TWO_PODS);
    sim.runUntil(10);
    const ips = ["web-1", "web-2"].map((n) => sim.store.get("Pod", "default", n)?.status?.podIP);
    expect(new Set(ips).size).toBe(2);
  });

  it("loads the good documents of a scenario with a bad one, and reports where the bad one is", () => {
    const text = `${TWO_PODS}---\napiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec:\n  containers: [{name: c}]\n`;
    const { sim, errors } = Simulation.load(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ doc: 2, severity: "error" });
    expect(errors[0]!.line).toBeGreaterThan(15);
    expect(sim.store.get("Pod", "default", "web-1")).toBeDefined();
    expect(sim.store.get("Pod", "default", "broken")).toBeUndefined();
  });

  it("steps one event at a time, in time order", () => {
    const { sim } = Simulation.load(TWO_PODS);
    const times: number[] = [];
    // Heartbeats and resyncs keep the queue from ever emptying: step through the first minute.
    for (let s = sim.step(); s && s.time <= 60; s = sim.step()) times.push(s.time);
    expect(times.length).toBeGreaterThan(4);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("runs scenario actions at their virtual time", () => {
    const text = `${TWO_PODS}---
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: cordon}
spec:
  actions:
  - at: 30s
    node: {name: zone-c-1, state: Cordon}
`;
    const { sim, errors } = Simulation.load(text);
    expect(errors).toEqual([]);
    sim.runUntil(29);
    expect(sim.store.get("Node", undefined, "zone-c-1")?.spec?.unschedulable).toBeUndefined();
    sim.runUntil(30);
    expect(sim.store.get("Node", undefined, "zone-c-1")?.spec?.unschedulable).toBe(true);
  });

  it("applies like kubectl apply: unchanged, configured, created", () => {
    const { sim } = Simulation.load(TWO_PODS);
    const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: '1'}\n";
    expect(sim.apply(cm).applied[0]?.action).toBe("created");
    expect(sim.apply(cm).applied[0]?.action).toBe("unchanged");
    expect(sim.apply(cm.replace("'1'", "'2'")).applied[0]?.action).toBe("configured");
  });

  it("stops runUntil after its step budget instead of hanging", () => {
    const { sim } = Simulation.load(TWO_PODS);
    const res = sim.runUntil(60, 3);
    expect(res).toEqual({ steps: 3, complete: false });
  });
});
