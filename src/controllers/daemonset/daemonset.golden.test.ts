import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../../testing/golden";
import { Simulation } from "../../sim/simulation";
import { targetNodeName } from "./predicates";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "..", "testdata", name);

/** A log agent on every node; a third node joins at 60 s. */
const AGENT = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: daemonset-follows-nodes}
spec:
  seed: 1
  cluster: {zones: [a, b], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
    - at: 60s
      apply: |
        apiVersion: v1
        kind: Node
        metadata:
          name: zone-c-1
          labels: {kubernetes.io/hostname: zone-c-1, topology.kubernetes.io/zone: c}
        status:
          capacity: {cpu: "4", memory: 16Gi, pods: "110"}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluentd, namespace: default}
spec:
  selector: {matchLabels: {app: fluentd}}
  template:
    metadata: {labels: {app: fluentd}}
    spec:
      containers: [{name: fluentd, image: "fluentd:v1.16"}]
`;

describe("DaemonSet golden timelines", () => {
  it("runs one pod per node and follows a node being added", () => {
    const { sim, errors } = Simulation.load(AGENT);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "90s", at: ["30s", "61s"], kinds: ["DaemonSet", "Pod"], eventKinds: ["DaemonSet", "Pod"] });
    expect(sim.actionErrors).toEqual([]);
    const nodes = sim.store.list("Pod").map((p) => targetNodeName(p)).sort();
    expect(nodes).toEqual(["zone-a-1", "zone-b-1", "zone-c-1"]);
    expect(sim.store.list("Pod").every((p) => p.status?.phase === "Running")).toBe(true);
    expect(sim.store.get("DaemonSet", "default", "fluentd")!.status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3 });
    expectGolden(testdata("daemonset-node-added.txt"), text);
  });
});
