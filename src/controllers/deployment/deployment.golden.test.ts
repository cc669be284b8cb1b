import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Kind } from "../../api/types";
import { Simulation } from "../../sim/simulation";
import { expectGolden, timeline } from "../../testing/golden";
import { isPodReady } from "../pod-util";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "..", "testdata", name);

const scenario = (name: string, actions: string, deployment: string) => `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: ${name}}
spec:
  seed: 3
  cluster: {zones: [a, b], nodesPerZone: 2, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
${actions}
---
${deployment}`;

const deployment = (replicas: number, extraSpec = "", image = "nginx:1.26", podSpecExtra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
${extraSpec}  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: ${image}
${podSpecExtra}`;

function load(text: string): Simulation {
  const { sim, errors } = Simulation.load(text);
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  return sim;
}

const WORKLOAD: Kind[] = ["Deployment", "ReplicaSet", "Pod"];
const CONTROLLER_EVENTS = ["Deployment", "ReplicaSet"];

/** Runs a kubectl command on the simulation and renders it as a console transcript. */
function transcript(sim: Simulation, command: string): string {
  const r = sim.kubectl(command);
  return [`$ kubectl ${command}`, ...`${r.stdout}${r.stderr}`.trimEnd().split("\n"), `(exit ${r.exitCode})`].join("\n");
}

/** The Deployment's conditions as `kubectl describe` lists them, with their timestamps. */
function conditions(sim: Simulation): string {
  const d = sim.store.get("Deployment", "default", "web")!;
  const rows = (d.status?.conditions ?? []).map((c) =>
    `  ${c.type.padEnd(12)} ${c.status.padEnd(6)} ${(c.reason ?? "").padEnd(26)} updated ${c.lastUpdateTime} changed ${c.lastTransitionTime}: ${c.message}`);
  return ["Conditions of deployment/web:", ...rows].join("\n");
}

const ROLLING = scenario("rolling-update", `    - at: 30s
      kubectl: "set image deployment/web web=nginx:1.27"`, deployment(10));

/** `apply:` action text: the manifest indented under the key. */
const applyAction = (at: string, manifest: string) =>
  `    - at: ${at}\n      apply: |\n${manifest.split("\n").map((l) => `        ${l}`).join("\n")}`;

const READINESS = scenario("rollout-stuck-readiness", applyAction("30s", deployment(3, "", "nginx:1.27",
  "          readinessProbe: {httpGet: {path: /healthz, port: 8081}, periodSeconds: 5}\n")), deployment(3));

/** Whether the simulated kubelet keeps a pod whose readiness probe fails unready. */
function kubeletRunsReadinessProbes(): boolean {
  const sim = load(READINESS);
  sim.runUntil(60);
  const probed = sim.store.list("Pod").filter((p) => p.spec?.containers[0]?.readinessProbe);
  return probed.length > 0 && probed.every((p) => !isPodReady(p));
}

describe("Deployment golden timelines", () => {
  it("rolls 10 replicas out at 25% / 25%", () => {
    const sim = load(ROLLING);
    let text = timeline(sim, { until: "2m", at: ["20s", "30s", "35s", "40s"], kinds: WORKLOAD, eventKinds: CONTROLLER_EVENTS });
    text += `${transcript(sim, "rollout status deployment/web")}\n${transcript(sim, "rollout history deployment/web")}\n`;
    expect(sim.actionErrors).toEqual([]);
    expectGolden(testdata("deployment-rolling-update.txt"), text);
  });

  it("never has fewer than 8 available or more than 13 pods, step by step", () => {
    const sim = load(ROLLING);
    sim.runUntil(29);
    expect(sim.store.list("Pod").filter(isPodReady)).toHaveLength(10);
    let minAvailable = Infinity, maxPods = 0, steps = 0;
    while ((sim.nextEventTime() ?? Infinity) <= 120) {
      sim.step();
      steps++;
      // Pods the Deployment counts: not being deleted (a terminating pod is on its way out).
      const pods = sim.store.list("Pod").filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, pods.length);
      minAvailable = Math.min(minAvailable, pods.filter(isPodReady).length);
    }
    expect(steps).toBeGreaterThan(100);
    expect(minAvailable).toBe(8);
    expect(maxPods).toBe(13);
    const d = sim.store.get("Deployment", "default", "web")!;
    expect(d.status).toMatchObject({ replicas: 10, updatedReplicas: 10, readyReplicas: 10, availableReplicas: 10 });
  });

  it("Recreate: all old pods go before any new one is created", () => {
    const sim = load(scenario("recreate", `    - at: 30s
      kubectl: "set image deployment/web web=nginx:1.27"`, deployment(3, "  strategy: {type: Recreate}\n")));
    const text = timeline(sim, { until: "90s", at: ["20s", "30s", "40s"], kinds: WORKLOAD, eventKinds: CONTROLLER_EVENTS });
    expect(sim.actionErrors).toEqual([]);
    expectGolden(testdata("deployment-recreate.txt"), text);
  });

  it("rollout undo re-scales the previous ReplicaSet, which becomes revision 3", () => {
    const sim = load(scenario("rollout-undo", `    - at: 30s
      kubectl: "set image deployment/web web=nginx:1.27"
    - at: 60s
      kubectl: "rollout undo deployment/web"`, deployment(3)));
    let text = timeline(sim, { until: "90s", at: ["20s", "30s", "45s", "60s"], kinds: WORKLOAD, eventKinds: CONTROLLER_EVENTS });
    text += `${transcript(sim, "rollout history deployment/web")}\n${transcript(sim, "rollout undo deployment/web --to-revision=7")}\n`;
    expect(sim.actionErrors).toEqual([]);
    const rss = sim.store.list("ReplicaSet").map((r) => [r.metadata.annotations?.["deployment.kubernetes.io/revision"], r.spec?.replicas]);
    expect(rss.sort()).toEqual([["2", 0], ["3", 3]]);
    expectGolden(testdata("deployment-rollout-undo.txt"), text);
  });

  it("a rollout whose new pods cannot start stays stuck and reports ProgressDeadlineExceeded", () => {
    // The new template asks for more CPU than any node has: its pods stay Pending.
    const sim = load(scenario("rollout-stuck", applyAction("30s",
      deployment(3, "  progressDeadlineSeconds: 120\n", "nginx:1.27", "          resources: {requests: {cpu: \"64\"}}\n")),
    deployment(3, "  progressDeadlineSeconds: 120\n")));
    let text = timeline(sim, { until: "200s", at: ["31s", "150s", "152s"], kinds: ["Deployment", "ReplicaSet"], eventKinds: CONTROLLER_EVENTS });
    text += `${conditions(sim)}\n${transcript(sim, "rollout status deployment/web")}\n`;
    const d = sim.store.get("Deployment", "default", "web")!;
    expect(d.status?.conditions?.find((c) => c.type === "Progressing")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(d.status?.conditions?.find((c) => c.type === "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });
    expect(sim.store.list("ReplicaSet").map((r) => r.spec?.replicas).sort()).toEqual([1, 3]);
    expectGolden(testdata("deployment-rollout-stuck.txt"), text);
  });

  // The new pods run but never pass readiness (nothing listens on 8081). This needs a kubelet that
  // runs readiness probes; until the simulated kubelet does, the case is skipped.
  it.runIf(kubeletRunsReadinessProbes())("a rollout stuck on failing readiness times out after the default 600 s and stays stuck", () => {
    const sim = load(READINESS);
    let text = timeline(sim, { until: "12m", at: ["1m", "10m30s"], kinds: WORKLOAD, eventKinds: CONTROLLER_EVENTS });
    text += `${conditions(sim)}\n${transcript(sim, "rollout status deployment/web")}\n`;
    const d = sim.store.get("Deployment", "default", "web")!;
    expect(d.status?.conditions?.find((c) => c.type === "Progressing")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(sim.store.list("ReplicaSet").map((r) => r.spec?.replicas).sort()).toEqual([1, 3]);
    expectGolden(testdata("deployment-rollout-stuck-readiness.txt"), text);
  });

  it("deleting the Deployment removes its ReplicaSet and pods through the garbage collector", () => {
    const sim = load(scenario("delete-deployment", `    - at: 30s
      kubectl: "delete deployment web"`, deployment(3)));
    const text = timeline(sim, { until: "60s", at: ["20s", "30s"], kinds: WORKLOAD, eventKinds: CONTROLLER_EVENTS });
    expect(sim.actionErrors).toEqual([]);
    expect(sim.store.list("Deployment")).toHaveLength(0);
    expect(sim.store.list("ReplicaSet")).toHaveLength(0);
    expect(sim.store.list("Pod")).toHaveLength(0);
    expectGolden(testdata("deployment-delete-gc.txt"), text);
  });
});
