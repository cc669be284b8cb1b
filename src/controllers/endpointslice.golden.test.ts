import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../testing/golden";
import { Simulation } from "../sim/simulation";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "testdata", name);

/** Every Service type in front of one Deployment, and the endpoints that follow its pods. */
const SERVICES = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: services}
spec:
  seed: 1
  cluster: {zones: [a, b], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
    - at: 30s
      kubectl: "scale deployment web --replicas=3"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{name: http, containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: web-nodeport}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web-headless}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  type: ExternalName
  externalName: db.example.com
`;

describe("Services golden timelines", () => {
  it("allocates addresses and keeps endpoints in step with the ready pods", () => {
    const { sim, errors } = Simulation.load(SERVICES);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "60s", at: ["1s", "20s", "45s"], kinds: ["Service", "Endpoints", "EndpointSlice"], eventKinds: ["Service"] });
    expect(sim.actionErrors).toEqual([]);
    const web = sim.store.get("Service", "default", "web")!;
    expect(web.spec!.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    const slices = sim.store.list("EndpointSlice").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web");
    expect(slices.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready)).toHaveLength(3);
    expectGolden(testdata("services-endpoints.txt"), text);
  });
});
