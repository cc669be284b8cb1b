import { describe, expect, it } from "vitest";
import type { ContainerStatus } from "kubernetes-types/core/v1";
import type { LogRequest } from "../../kubelet/logs";
import { timestamp } from "../../clock/time";
import { Simulation } from "../../sim/simulation";
import { runKubectl } from "./registry";
import type { KubectlHost, NodeProxy } from "./types";

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: n1
  initContainers: [{name: init, image: busybox}]
  containers: [{name: app, image: nginx}, {name: log, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo}
spec: {nodeName: n1, containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pending}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec: {selector: {app: none}, ports: [{port: 80}]}
`;

const LINES: Record<string, Array<{ time: number; text: string }>> = {
  "web/app": [{ time: 1000, text: "start" }, { time: 2000, text: "ready" }, { time: 3000, text: "GET /" }],
  "web/app/previous": [{ time: 500, text: "crashed" }],
  "solo/c": [{ time: 1500, text: "hello" }],
};

function setup(statuses: Record<string, ContainerStatus[]>) {
  const { sim } = Simulation.load(PODS, { components: [] });
  for (const [pod, cs] of Object.entries(statuses)) {
    sim.store.mutate("Pod", "default", pod, (p) => { p.status = { ...p.status, phase: "Running", containerStatuses: cs }; });
  }
  const requests: LogRequest[] = [];
  const nodes: NodeProxy = {
    logs: (req) => {
      requests.push(req);
      const lines = LINES[`${req.pod}/${req.container}${req.previous ? "/previous" : ""}`] ?? [];
      return { ok: true, lines, text: lines.map((l) => `${l.text}\n`).join("") };
    },
    exec: () => ({ ok: false, message: "unused" }),
  };
  const host: KubectlHost = { store: sim.store, now: () => sim.clock.now, timestamp: (t) => timestamp(sim.epochMs, t), apply: (t) => sim.apply(t), nodes };
  const run = (line: string) => {
    const r = runKubectl(host, line);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  return { run, requests };
}

const running = (name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  ({ name, image: "x", imageID: "", ready: true, restartCount: 0, state: { running: { startedAt: "2026-01-01T00:00:01Z" } }, ...extra });

describe("kubectl logs", () => {
  const statuses = {
    web: [running("app", { restartCount: 1, lastState: { terminated: { exitCode: 1, reason: "Error" } } }), { ...running("log"), state: { waiting: { reason: "ImagePullBackOff" } } }],
    solo: [running("c")],
  };
  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    { line: "logs solo", out: "hello\n" },
    { line: "logs web", out: "start\nready\nGET /\n", err: `Defaulted container "app" out of: app, log, init (init)\n` },
    { line: "logs web -c app --tail=2", out: "ready\nGET /\n" },
    { line: "logs web -c app --tail 0", out: "" },
    { line: "logs web -c app --previous", out: "crashed\n" },
    { line: "logs web app -p", out: "crashed\n" },
    { line: "logs web -c app --timestamps --tail=1", out: "2026-01-01T00:00:03.000000000Z GET /\n" },
    { line: "logs web -c app --prefix --tail=1", out: "[pod/web/app] GET /\n" },
    { line: "logs solo -f", out: "hello\n" },
    { line: "logs web -c log", err: `Error from server (BadRequest): container "log" in pod "web" is waiting to start: trying and failing to pull image\n`, code: 1 },
    { line: "logs web -c init", err: `Error from server (BadRequest): container "init" in pod "web" is not available\n`, code: 1 },
    { line: "logs solo --previous", err: `Error from server (BadRequest): previous terminated container "c" in pod "solo" not found\n`, code: 1 },
    { line: "logs web -c nope", err: "error: container nope is not valid for pod web\n", code: 1 },
    { line: "logs nope", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
    { line: "logs pending", out: "" },
    { line: "logs -l app=web -c app --tail=1", out: "GET /\n" },
    { line: "logs svc/web -c app --tail=1", out: "GET /\n" },
    { line: "logs service/empty", err: "error: timed out waiting for the condition\n", code: 1 },
    {
      line: "logs",
      err: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      code: 1,
    },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    expect(setup(statuses).run(line)).toEqual([out, err, code]);
  });

  it("asks the kubelet for the instance kubectl would read", () => {
    const s = setup(statuses);
    s.run("logs web -c app -p");
    expect(s.requests).toEqual([{ namespace: "default", pod: "web", container: "app", previous: true }]);
  });
});
