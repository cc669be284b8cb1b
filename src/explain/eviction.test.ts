import { describe, expect, it } from "vitest";
import { Simulation } from "../sim/simulation";
import { explainHostOf } from "./host";
import { whyEvicted, type EvictionCause } from "./eviction";
import { PRESSURE } from "./testing";

const MI = 1024 * 1024;


describe("why was this pod evicted", () => {
  it("node memory pressure: the kubelet's message, the node condition and the ranking", () => {
    const { sim } = Simulation.load(PRESSURE);
    sim.runUntil(150);
    const usage = (_ns: string, pod: string) => (pod === "be" ? [{ name: "app", cpuMilli: 0, memoryBytes: 150 * MI }] : pod === "steady" ? [{ name: "app", cpuMilli: 0, memoryBytes: 200 * MI }] : undefined);
    const e = whyEvicted(explainHostOf(sim, usage), "default", "hog");
    const c = e.cause as Extract<EvictionCause, { kind: "node-pressure" }>;
    expect(c).toMatchObject({ kind: "node-pressure", node: "n1", resource: "memory", threshold: "100Mi", nodeCondition: { type: "MemoryPressure", status: "True" } });
    expect(c.containers).toEqual([{ name: "app", usage: expect.stringMatching(/^\d+(Ki|Mi)$/), request: "100Mi" }]);
    // Over request first (hog by far more than be), then the Guaranteed pod within its request.
    expect(c.ranking.map((r) => [r.pod, r.qos])).toEqual([["default/hog", "Burstable"], ["default/be", "BestEffort"], ["default/steady", "Guaranteed"]]);
    expect(e.text).toMatch(/^Pod default\/hog was evicted by the kubelet on n1 because the node was low on memory \(hard eviction threshold memory\.available < 100Mi; available \d+Ki\): "The node was low on resource: memory\./);
    expect(e.text).toContain("1. default/hog (Burstable, request 100Mi, using");
    expect(e.text).toContain("2. default/be (BestEffort, request 0Mi, using 150Mi), 3. default/steady (Guaranteed, request 300Mi, using 200Mi).");
    expect(whyEvicted(explainHostOf(sim), "default", "steady").cause).toEqual({ kind: "not-evicted" });
  });

  it("a NoExecute taint: the taint, the toleration's seconds, when the deletion fell due", () => {
    const { sim } = Simulation.load(`
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: taint}
spec:
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 8Gi, pods: 110}}
---
apiVersion: v1
kind: Pod
metadata: {name: patient}
spec:
  tolerations: [{key: maintenance, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]
  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: blunt}
spec: {containers: [{name: c, image: nginx}]}
`);
    sim.runUntil(20);
    expect(sim.kubectl("taint node zone-a-1 maintenance=now:NoExecute").stdout).toBe("node/zone-a-1 tainted\n");
    sim.runUntil(21);
    const blunt = whyEvicted(explainHostOf(sim), "default", "blunt");
    expect(blunt.cause).toMatchObject({ kind: "taint", node: "zone-a-1", taint: { key: "maintenance", value: "now", effect: "NoExecute" } });
    // The pod is gone already (nginx stops at once): its Events still tell.
    expect(blunt.text).toBe(`Pod default/blunt was deleted by the taint eviction controller (TaintManagerEviction: "Marking for deletion Pod default/blunt") because node zone-a-1 has the taint maintenance=now:NoExecute, which the pod does not tolerate; the deletion fell due at 2026-01-01T00:00:20Z.`);
    sim.runUntil(52);
    const patient = whyEvicted(explainHostOf(sim), "default", "patient");
    expect(patient.cause).toMatchObject({ kind: "taint", tolerationSeconds: 30 });
    expect(patient.text).toMatch(/^Pod default\/patient was deleted by the taint eviction controller \("Taint manager: deleting due to NoExecute taint"\) because node zone-a-1 has the taint maintenance=now:NoExecute, which the pod tolerates for only 30s \(tolerationSeconds\); the deletion fell due at 2026-01-01T00:00:50Z\.$/);
  });

  it("kubectl drain: the Eviction API", () => {
    const { sim } = Simulation.load(`
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: drain}
spec:
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 8Gi, pods: 110}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}
`);
    sim.runUntil(20);
    const pod = sim.store.list("Pod")[0]!.metadata.name;
    expect(sim.kubectl("drain zone-a-1").exitCode).toBe(0);
    const e = whyEvicted(explainHostOf(sim), "default", pod);
    expect(e.cause).toEqual({ kind: "eviction-api", node: "zone-a-1", cordoned: true, message: "Eviction API: evicting" });
    expect(e.text).toBe(`Pod default/${pod} was evicted through the Eviction API ("Eviction API: evicting"), as kubectl drain does: node zone-a-1 is cordoned. PodDisruptionBudgets were honoured.`);
  });

  it("scheduler preemption: the Preempted event names the preemptor", () => {
    const { sim } = Simulation.load(`
apiVersion: v1
kind: Pod
metadata: {name: low}
spec: {nodeName: n1, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: high}
spec: {containers: [{name: c, image: nginx}]}
`, { components: [] });
    const high = sim.store.get("Pod", "default", "high")!;
    sim.store.mutate("Pod", "default", "low", (p) => {
      p.status = { phase: "Running", conditions: [{ type: "DisruptionTarget", status: "True", reason: "PreemptionByScheduler", message: "default-scheduler: preempting to accommodate a higher priority pod" }] };
    });
    sim.recorder.for({ component: "default-scheduler" }).event(sim.store.get("Pod", "default", "low")!, "Normal", "Preempted", `Preempted by pod ${high.metadata.uid} on node n1`);
    const e = whyEvicted(explainHostOf(sim), "default", "low");
    expect(e.cause).toEqual({ kind: "preemption", message: `Preempted by pod ${high.metadata.uid} on node n1`, preemptor: "default/high" });
    expect(e.text).toBe(`Pod default/low was preempted by the scheduler to make room for a higher-priority pod (default/high): "Preempted by pod ${high.metadata.uid} on node n1".`);
  });
});
