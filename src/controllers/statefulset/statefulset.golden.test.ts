import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../../testing/golden";
import { Simulation } from "../../sim/simulation";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "..", "testdata", name);

/** The "StatefulSet Basics" tutorial's web set, with 3 replicas, then scaled to 0. */
const WEB = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: statefulset-ordered}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 2, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
    - at: 60s
      kubectl: "scale statefulset web --replicas=0"
---
apiVersion: v1
kind: Service
metadata: {name: nginx, labels: {app: nginx}}
spec:
  ports: [{port: 80, name: web}]
  clusterIP: None
  selector: {app: nginx}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
        - name: nginx
          image: registry.k8s.io/nginx-slim:0.24
          ports: [{containerPort: 80, name: web}]
          volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
    - metadata: {name: www}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`;

describe("StatefulSet golden timelines", () => {
  it("creates web-0, web-1, web-2 in order, each once the previous is Running and Ready, and scales down in reverse", () => {
    const { sim, errors } = Simulation.load(WEB);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, {
      until: "120s", at: ["1s", "30s", "61s"],
      kinds: ["StatefulSet", "Pod", "PersistentVolumeClaim"], eventKinds: ["StatefulSet"],
    });
    expect(sim.actionErrors).toEqual([]);
    const ev = sim.events.filter((e) => e.involvedObject.kind === "StatefulSet").map((e) => e.message);
    const created = ev.filter((m) => m.startsWith("create Pod")).map((m) => m.split(" ")[2]);
    const deleted = ev.filter((m) => m.startsWith("delete Pod")).map((m) => m.split(" ")[2]);
    expect(created).toEqual(["web-0", "web-1", "web-2"]);
    expect(deleted).toEqual(["web-2", "web-1", "web-0"]);
    // Each pod is created only after the previous one became Ready.
    const times = sim.events.filter((e) => e.involvedObject.kind === "StatefulSet" && e.message.startsWith("create Pod")).map((e) => e.time);
    expect(times[1]!).toBeGreaterThan(times[0]!);
    expect(times[2]!).toBeGreaterThan(times[1]!);
    expect(sim.store.list("PersistentVolumeClaim").map((c) => c.metadata.name)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
    expectGolden(testdata("statefulset-ordered.txt"), text);
  });
});
