import { describe, expect, it } from "vitest";
import { Simulation } from "../sim/simulation";
import { explainHostOf } from "./host";
import { whyNotReady, type NotReadyCause } from "./pod-ready";

const CLUSTER = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: why}
spec:
  cluster: {zones: [a], nodesPerZone: 2, node: {cpu: "2", memory: 4Gi, pods: 110}}
`;

function explain(manifest: string, pod: string, at: number) {
  const { sim, errors } = Simulation.load(`${CLUSTER}---\n${manifest}`);
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  sim.runUntil(at);
  return whyNotReady(explainHostOf(sim), "default", pod);
}

const pod = (spec: string, meta = "") => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${meta}}\nspec:\n${spec}`;

describe("why is this pod not Ready", () => {
  const cases: Array<{ name: string; manifest: string; at: number; cause: Partial<NotReadyCause> & { kind: NotReadyCause["kind"] }; text: RegExp }> = [
    {
      name: "it is Ready",
      manifest: pod("  containers: [{name: web, image: nginx}]"), at: 30,
      cause: { kind: "ready" }, text: /^Pod default\/p is Ready\.$/,
    },
    {
      name: "no node has room: the scheduler's FailedScheduling message",
      manifest: pod("  containers: [{name: web, image: nginx, resources: {requests: {cpu: \"3\"}}}]"), at: 5,
      cause: { kind: "unschedulable", message: "0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling." },
      text: /^Pod default\/p is not Ready because it is Pending and not scheduled: after 1 scheduling attempt the scheduler reported "0\/2 nodes are available: 2 Insufficient cpu\./,
    },
    {
      name: "scheduling gates hold it back",
      manifest: pod("  schedulingGates: [{name: example.com/quota}]\n  containers: [{name: web, image: nginx}]"), at: 5,
      cause: { kind: "scheduling-gated", gates: ["example.com/quota"] }, text: /SchedulingGated: .*\(example\.com\/quota\)/,
    },
    {
      name: "an image that cannot be pulled",
      manifest: pod("  containers: [{name: web, image: \"nginx:no-such-tag-1.0\"}]"), at: 60,
      cause: { kind: "waiting", container: "web" }, text: /container web is waiting: (ErrImagePull|ImagePullBackOff)/,
    },
    {
      name: "a crash loop, with the last exit code",
      manifest: pod("  containers: [{name: app, image: busybox, command: [sh, -c, \"exit 3\"]}]"), at: 60,
      cause: { kind: "waiting", container: "app", reason: "CrashLoopBackOff" }, text: /container app is waiting: CrashLoopBackOff .*last run exited with code 3 \(Error\)/,
    },
    {
      name: "an init container still waiting for a Service",
      manifest: pod("  initContainers: [{name: wait, image: busybox, command: [sh, -c, \"until nslookup myservice; do sleep 2; done\"]}]\n  containers: [{name: app, image: busybox, command: [sleep, \"3600\"]}]"), at: 30,
      cause: { kind: "init-container", container: "wait", index: 0, total: 1 }, text: /init container wait \(1 of 1\) .*\(Init:0\/1\)/,
    },
    {
      name: "a failing readiness probe: its spec and its last failure",
      manifest: pod("  containers: [{name: web, image: nginx, readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5}}]"), at: 60,
      cause: { kind: "probe", container: "web", probe: "readiness", spec: "http-get http://:8080/ready delay=0s timeout=1s period=5s #success=1 #failure=3" },
      text: /readiness probe is failing: http-get http:\/\/:8080\/ready .*last failure \d+s ago: "Readiness probe failed: .*connection refused".*Its Ready condition is False \(ContainersNotReady: containers with unready status: \[web\]\), so Services do not send it traffic\.$/,
    },
    {
      name: "a startup probe that has not succeeded yet",
      manifest: pod("  containers: [{name: web, image: nginx, startupProbe: {httpGet: {path: /, port: 9999}, failureThreshold: 30, periodSeconds: 10}}]"), at: 40,
      cause: { kind: "probe", container: "web", probe: "startup" }, text: /startup probe has not succeeded yet \(liveness and readiness probes wait for it\)/,
    },
  ];
  it.each(cases)("$name", ({ manifest, at, cause, text }) => {
    const e = explain(manifest, "p", at);
    expect(e.causes[0]).toMatchObject(cause);
    expect(e.text).toMatch(text);
    expect(e.ready).toBe(cause.kind === "ready");
  });

  it("says when the pod does not exist", () => {
    const e = explain(pod("  containers: [{name: web, image: nginx}]"), "nope", 1);
    expect(e).toMatchObject({ ready: false, causes: [{ kind: "not-found" }], text: "Pod default/nope does not exist." });
  });

  it("keeps the scheduler's per-node verdicts of the last attempt", () => {
    const e = explain(pod("  containers: [{name: web, image: nginx, resources: {requests: {cpu: \"3\"}}}]"), "p", 5);
    const c = e.causes[0] as Extract<NotReadyCause, { kind: "unschedulable" }>;
    expect(c.lastAttempt?.nodes.map((n) => [n.name, n.feasible, n.reasons.map((r) => `${r.plugin}: ${r.reason}`)])).toEqual([
      ["zone-a-1", false, ["NodeResourcesFit: Insufficient cpu"]],
      ["zone-a-2", false, ["NodeResourcesFit: Insufficient cpu"]],
    ]);
  });
});
