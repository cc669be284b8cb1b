import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../testing/golden";
import { Simulation } from "../sim/simulation";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "testdata", name);

/**
 * A 3-zone cluster of 2-cpu nodes: three web pods spread over the zones, three low-priority batch
 * pods fill the nodes; a pod too big for any node waits until a large node joins at 60s; a
 * high-priority pod created at 20s preempts one batch pod and lands once it has terminated.
 */
const SCENARIO = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: scheduler-basics}
spec:
  seed: 3
  cluster: {zones: [a, b, c], nodesPerZone: 1, node: {cpu: "2", memory: 4Gi, pods: 110}}
  actions:
    - at: 20s
      apply: |
        apiVersion: v1
        kind: Pod
        metadata: {name: urgent}
        spec:
          priorityClassName: high
          containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: 1500m}}}]
    - at: 60s
      apply: |
        apiVersion: v1
        kind: Node
        metadata:
          name: zone-d-1
          labels: {kubernetes.io/hostname: zone-d-1, topology.kubernetes.io/zone: d}
        status:
          capacity: {cpu: "8", memory: 32Gi, pods: "110"}
          allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 10
${[0, 1, 2].map((i) => `---
apiVersion: v1
kind: Pod
metadata: {name: web-${i}, labels: {app: web}}
spec:
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
  containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: 500m, memory: 256Mi}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: batch-${i}}
spec:
  priorityClassName: low
  containers: [{name: work, image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"], resources: {requests: {cpu: "1"}}}]
`).join("")}---
apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: "6"}}}]
`;

describe("scheduler golden timelines", () => {
  it("spreads, fails with the real message, waits for a node, preempts", () => {
    const { sim, errors } = Simulation.load(SCENARIO);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "120s", at: ["10s", "30s", "90s"], eventKinds: ["Pod"] });
    expect(sim.actionErrors).toEqual([]);
    expect(sim.store.get("Pod", "default", "urgent")?.spec?.nodeName).toBeDefined();
    expect(sim.store.get("Pod", "default", "big")?.spec?.nodeName).toBe("zone-d-1");
    expectGolden(testdata("scheduler-basics.txt"), text);
  });
});
