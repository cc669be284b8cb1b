import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../testing/golden";
import { Simulation } from "../sim/simulation";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "testdata", name);

/** A ReplicaSet of 3 that adopts a matching bare pod; deleting that pod gets it replaced. */
const REPLACE = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: replicaset-replaces-a-pod}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 2, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
    - at: 30s
      kubectl: "delete pod web-manual"
---
apiVersion: v1
kind: Pod
metadata: {name: web-manual, labels: {app: web}}
spec:
  containers: [{name: web, image: "nginx:1.27"}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
`;

describe("ReplicaSet golden timelines", () => {
  it("adopts a matching pod, and replaces it once it is deleted", () => {
    const { sim, errors } = Simulation.load(REPLACE);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "90s", at: ["20s", "30s", "60s"], kinds: ["ReplicaSet", "Pod"], eventKinds: ["ReplicaSet"] });
    expect(sim.actionErrors).toEqual([]);
    const pods = sim.store.list("Pod").map((p) => p.metadata.name);
    expect(pods).toHaveLength(3);
    expect(pods).not.toContain("web-manual");
    expectGolden(testdata("replicaset-replace-deleted-pod.txt"), text);
  });
});
