import { describe, expect, it } from "vitest";
import { timestamp } from "../../clock/time";
import { Simulation } from "../../sim/simulation";
import { runKubectl } from "./registry";
import type { ContainerUsage, KubectlHost } from "./types";

const OBJECTS = `
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
status: {capacity: {cpu: "2", memory: 4Gi, pods: "110"}}
---
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {nodeName: n1, containers: [{name: app, image: nginx}, {name: log, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: dev}
spec: {nodeName: n2, containers: [{name: api, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pending}
spec: {containers: [{name: c, image: nginx}]}
`;

const USAGE: Record<string, ContainerUsage[]> = {
  "default/web": [{ name: "app", cpuMilli: 250, memoryBytes: 100 * 1024 * 1024 }, { name: "log", cpuMilli: 5, memoryBytes: 12 * 1024 * 1024 + 5 }],
  "dev/api": [{ name: "api", cpuMilli: 1500, memoryBytes: 2 * 1024 * 1024 * 1024 }],
};

const NODE_OF: Record<string, string> = { "default/web": "n1", "dev/api": "n2" };

/** A host whose metrics API serves USAGE; nodes in `down` cannot be scraped (nor their pods). */
function host(withMetrics: boolean, down: readonly string[] = [], nowMs = 0): KubectlHost {
  const { sim } = Simulation.load(OBJECTS, { components: [] });
  for (const [ns, name] of [["default", "web"], ["dev", "api"]] as const) {
    sim.store.mutate("Pod", ns, name, (p) => { p.status = { ...p.status, phase: "Running" }; });
  }
  const usage = (ns: string, pod: string) => (down.includes(NODE_OF[`${ns}/${pod}`] ?? "") ? undefined : USAGE[`${ns}/${pod}`]);
  const nodeUsage = (node: string) => {
    if (down.includes(node)) return undefined;
    const cs = Object.entries(USAGE).filter(([key]) => NODE_OF[key] === node).flatMap(([, c]) => c);
    return { cpuMilli: cs.reduce((s, c) => s + c.cpuMilli, 0), memoryBytes: cs.reduce((s, c) => s + c.memoryBytes, 0) };
  };
  return {
    store: sim.store, now: () => nowMs as never, timestamp: (t) => timestamp(sim.epochMs, t), apply: (t) => sim.apply(t),
    nodes: {
      logs: () => ({ ok: false, message: "unused" }),
      exec: () => ({ ok: false, message: "unused" }),
      ...(withMetrics ? { usage, nodeUsage } : {}),
    },
  };
}

describe("kubectl top", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    {
      line: "top nodes",
      out: "NAME   CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nn1     255m         6%       112Mi           1%          \nn2     1500m        75%      2048Mi          50%         \n",
    },
    { line: "top node n2 --no-headers", out: "n2    1500m   75%   2048Mi   50%   \n" },
    { line: "top nodes --sort-by=cpu -l nope=1", err: "error: metrics not available yet\n", code: 1 },
    { line: "top pods", out: "NAME   CPU(cores)   MEMORY(bytes)   \nweb    255m         112Mi           \n" },
    { line: "top pod -A", out: "NAMESPACE   NAME   CPU(cores)   MEMORY(bytes)   \ndefault     web    255m         112Mi           \ndev         api    1500m        2048Mi          \n" },
    { line: "top pods --containers", out: "POD   NAME   CPU(cores)   MEMORY(bytes)   \nweb   app    250m         100Mi           \nweb   log    5m           12Mi            \n" },
    { line: "top pods -A --sort-by=memory --no-headers", out: "dev       api   1500m   2048Mi   \ndefault   web   255m    112Mi    \n" },
    { line: "top pod pending", err: `Error from server (NotFound): podmetrics.metrics.k8s.io "default/pending" not found\n`, code: 1 },
    { line: "top pod nope", err: `Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n`, code: 1 },
    { line: "top node nope", err: `Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n`, code: 1 },
    { line: "top pods -n kube-system", err: "No resources found in kube-system namespace.\n" },
    { line: "top pods --sort-by=name", err: "error: --sort-by accepts only cpu or memory\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    const r = runKubectl(host(true), line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
  });

  const n2Down: Array<{ line: string; out?: string; err?: string; code?: number; nowMs?: number }> = [
    {
      line: "top nodes",
      out: "NAME   CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \nn1     255m         6%          112Mi           1%          \nn2     <unknown>    <unknown>   <unknown>       <unknown>   \n",
    },
    {
      line: "top nodes --sort-by=memory --no-headers",
      out: "n1    255m        6%          112Mi       1%          \nn2    <unknown>   <unknown>   <unknown>   <unknown>   \n",
    },
    { line: "top node n2", err: `Error from server (NotFound): nodemetrics.metrics.k8s.io "n2" not found\n`, code: 1 },
    { line: "top pod -A", out: "NAMESPACE   NAME   CPU(cores)   MEMORY(bytes)   \ndefault     web    255m         112Mi           \n" },
    { line: "top pods -n dev", err: "error: metrics not available yet\n", code: 1 },
    { line: "top pods -n dev", nowMs: 150_000, err: "error: Metrics not available for pod dev/api, age: 2m30s\n", code: 1 },
  ];
  it.each(n2Down)("node n2 down: $line", ({ line, out = "", err = "", code = 0, nowMs = 0 }) => {
    const r = runKubectl(host(true, ["n2"], nowMs), line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
  });

  it("says 'metrics not available yet' when no node can be scraped", () => {
    expect(runKubectl(host(true, ["n1", "n2"]), "top nodes")).toEqual({ stdout: "", stderr: "error: metrics not available yet\n", exitCode: 1 });
  });

  it("says so when no metrics are served, as kubectl does without metrics-server", () => {
    for (const line of ["top nodes", "top pods"]) {
      expect(runKubectl(host(false), line)).toEqual({ stdout: "", stderr: "error: Metrics API not available\n", exitCode: 1 });
    }
  });
});
