import { describe, expect, it } from "vitest";
import { Simulation } from "../sim/simulation";

/**
 * `kubectl top` over the kubelets' resource stats. Images pull in 0 s, so every container starts
 * at 1 s (after its pod sandbox) and a growing curve is easy to read: `log` holds 50Mi + 10Mi per
 * minute since then. n2's machine goes down at 90 s.
 */
const TWO_PODS = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: top}
spec:
  actions:
    - {at: 90s, node: {name: n2, state: Down}}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    sim.kubeplay.dev/image-pull: 0s
    sim.kubeplay.dev/cpu.app: 200m
    sim.kubeplay.dev/memory.app: 120Mi
    sim.kubeplay.dev/cpu.log: 5m
    sim.kubeplay.dev/memory.log: 50Mi+10Mi/m
spec:
  nodeName: n1
  containers:
  - {name: app, image: nginx:1.27}
  - {name: log, image: busybox:1.36, command: [sh, -c, sleep 3600]}
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  annotations:
    sim.kubeplay.dev/image-pull: 0s
    sim.kubeplay.dev/cpu.api: 500m
    sim.kubeplay.dev/memory.api: 300Mi
spec:
  nodeName: n2
  containers:
  - name: api
    image: myorg/api:1.0
    resources: {limits: {cpu: 250m, memory: 512Mi}}
  - {name: proxy, image: nginx:1.27}
`;

/** A Service whose backend uses 5m of CPU per request per second, and a client calling it twice a second. */
const TRAFFIC = `
apiVersion: v1
kind: Pod
metadata:
  name: echo
  labels: {app: echo}
  annotations: {sim.kubeplay.dev/image-pull: 0s, sim.kubeplay.dev/cpu: 5m/rps, sim.kubeplay.dev/memory: 20Mi}
spec:
  nodeName: zone-a-1
  containers:
  - name: echo
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: echo}
spec: {selector: {app: echo}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: load
  annotations: {sim.kubeplay.dev/image-pull: 0s}
spec:
  nodeName: zone-b-1
  containers:
  - name: load
    image: busybox:1.36
    command: [sh, -c, "sleep 20; while true; do wget -q -O- http://echo >/dev/null; sleep 0.5; done"]
`;

/** A namespace whose only pod runs on a node that went down. */
const LOST = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: lost}
spec:
  actions:
    - {at: 10s, node: {name: zone-a-1, state: Down}}
---
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Pod
metadata: {name: worker, namespace: dev, annotations: {sim.kubeplay.dev/image-pull: 0s}}
spec:
  nodeName: zone-a-1
  containers: [{name: worker, image: redis:7}]
`;

const SCENARIOS = { TWO_PODS, TRAFFIC, LOST } as const;

/** Expected output as rows of cells; kubectl's tabwriter pads every cell to its column plus 3 spaces. */
function table(...rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]! + 3)).join("") + "\n").join("");
}

const NODE_HEADER = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"];
const POD_HEADER = ["NAME", "CPU(cores)", "MEMORY(bytes)"];

describe("kubectl top reads the kubelets' usage", () => {
  const cases: Array<{ name: string; scenario: keyof typeof SCENARIOS; at: number; line: string; out?: string; err?: string; code?: number }> = [
    {
      name: "nodes: the sum of their pods' containers, as a share of allocatable",
      scenario: "TWO_PODS", at: 30, line: "top nodes",
      // n1: 200m + 5m, 120Mi + 54.8Mi; n2: api throttled to its 250m limit + proxy 0m, 300Mi + nginx's 4Mi.
      out: table(NODE_HEADER, ["n1", "205m", "10%", "174Mi", "4%"], ["n2", "250m", "12%", "304Mi", "7%"]),
    },
    {
      name: "pods: one line each, by name",
      scenario: "TWO_PODS", at: 30, line: "top pods",
      out: table(POD_HEADER, ["api", "250m", "304Mi"], ["web", "205m", "174Mi"]),
    },
    {
      name: "--containers: a steady and a growing container (50Mi + 10Mi/m × 29 s = 54.8Mi)",
      scenario: "TWO_PODS", at: 30, line: "top pod web --containers",
      out: table(["POD", ...POD_HEADER], ["web", "app", "200m", "120Mi"], ["web", "log", "5m", "54Mi"]),
    },
    {
      name: "the growing container read again at 80 s: 50Mi + 10Mi/m × 79 s = 63.2Mi",
      scenario: "TWO_PODS", at: 80, line: "top pod web --containers",
      out: table(["POD", ...POD_HEADER], ["web", "app", "200m", "120Mi"], ["web", "log", "5m", "63Mi"]),
    },
    {
      name: "a container without annotations: its program's memory, no CPU",
      scenario: "TWO_PODS", at: 30, line: "top pod api --containers",
      out: table(["POD", ...POD_HEADER], ["api", "api", "250m", "300Mi"], ["api", "proxy", "0m", "4Mi"]),
    },
    {
      name: "-A --sort-by=memory: largest first",
      scenario: "TWO_PODS", at: 30, line: "top pods -A --sort-by=memory",
      out: table(["NAMESPACE", ...POD_HEADER], ["default", "api", "250m", "304Mi"], ["default", "web", "205m", "174Mi"]),
    },
    {
      name: "a node whose machine is down has no metrics: <unknown>",
      scenario: "TWO_PODS", at: 120, line: "top nodes",
      out: table(NODE_HEADER, ["n1", "205m", "10%", "189Mi", "4%"], ["n2", "<unknown>", "<unknown>", "<unknown>", "<unknown>"]),
    },
    {
      name: "its pods drop out of top pods",
      scenario: "TWO_PODS", at: 120, line: "top pods",
      out: table(POD_HEADER, ["web", "205m", "189Mi"]),
    },
    {
      name: "naming the down node fails on its NodeMetrics",
      scenario: "TWO_PODS", at: 120, line: "top node n2",
      err: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "n2" not found\n', code: 1,
    },
    {
      name: "naming a pod on the down node fails on its PodMetrics",
      scenario: "TWO_PODS", at: 120, line: "top pod api",
      err: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/api" not found\n', code: 1,
    },
    {
      name: "5m/rps with no traffic yet (probes are not traffic)",
      scenario: "TRAFFIC", at: 15, line: "top pod echo",
      out: table(POD_HEADER, ["echo", "0m", "20Mi"]),
    },
    {
      name: "5m/rps at two requests a second",
      scenario: "TRAFFIC", at: 40, line: "top pod echo",
      out: table(POD_HEADER, ["echo", "10m", "20Mi"]),
    },
    {
      name: "no metrics in a namespace whose pods are older than 2 minutes",
      scenario: "LOST", at: 300, line: "top pods -n dev",
      err: "error: Metrics not available for pod dev/worker, age: 5m0s\n", code: 1,
    },
    {
      name: "no metrics yet for younger pods",
      scenario: "LOST", at: 60, line: "top pods -n dev",
      err: "error: metrics not available yet\n", code: 1,
    },
  ];
  it.each(cases)("$name: $line", ({ scenario, at, line, out = "", err = "", code = 0 }) => {
    const { sim, errors } = Simulation.load(SCENARIOS[scenario]);
    expect(errors).toEqual([]);
    sim.runUntil(at);
    const r = sim.kubectl(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
  });
});
