import { describe, expect, it } from "vitest";
import { timestamp } from "../../clock/time";
import { Simulation } from "../../sim/simulation";
import { complete } from "./completion";
import type { KubectlHost } from "./types";

const OBJECTS = `
apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1}
spec: {containers: [{name: app, image: nginx}, {name: sidecar, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: worker}
spec: {containers: [{name: w, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}
`;

function host(): KubectlHost {
  const { sim } = Simulation.load(OBJECTS, { components: [] });
  return { store: sim.store, now: () => sim.clock.now, timestamp: (t) => timestamp(sim.epochMs, t), apply: (t) => sim.apply(t) };
}

describe("kubectl completion", () => {
  const cases: Array<{ line: string; prefix: string; want: string[] }> = [
    { line: "", prefix: "", want: ["annotate", "apply", "cordon", "create", "delete", "describe", "drain", "exec", "expose", "get", "label", "logs", "rollout", "run", "scale", "set", "taint", "top", "uncordon"] },
    { line: "kubectl de", prefix: "de", want: ["delete", "describe"] },
    { line: "get po", prefix: "po", want: ["poddisruptionbudgets", "pods"] },
    { line: "get pods ", prefix: "", want: ["web-1", "worker"] },
    { line: "get pods web-1 w", prefix: "w", want: ["worker"] },
    { line: "get deploy/", prefix: "deploy/", want: ["deploy/web"] },
    { line: "scale ", prefix: "", want: ["deployments", "replicasets", "statefulsets"] },
    { line: "logs w", prefix: "w", want: ["web-1", "worker"] },
    { line: "logs web-1 -c ", prefix: "", want: ["app", "sidecar"] },
    { line: "exec web-1 -- ", prefix: "", want: [] },
    { line: "get pods -o ", prefix: "", want: ["json", "name", "wide", "yaml"] },
    { line: "get pods -n k", prefix: "k", want: ["kube-node-lease", "kube-public", "kube-system"] },
    { line: "get pods --sh", prefix: "--sh", want: ["--show-kind", "--show-labels"] },
    { line: "rollout ", prefix: "", want: ["history", "pause", "restart", "resume", "status", "undo"] },
    { line: "rollout undo ", prefix: "", want: ["daemonsets", "deployments", "statefulsets"] },
    { line: "rollout undo deployment ", prefix: "", want: ["web"] },
    { line: "top ", prefix: "", want: ["node", "pod"] },
    { line: "top node ", prefix: "", want: ["n1"] },
    { line: "drain ", prefix: "", want: ["n1"] },
    { line: "taint ", prefix: "", want: ["nodes"] },
    { line: "taint nodes ", prefix: "", want: ["n1"] },
    { line: "create service ", prefix: "", want: ["clusterip", "externalname", "loadbalancer", "nodeport"] },
    { line: "frob ", prefix: "", want: [] },
  ];
  it.each(cases)("'$line'", ({ line, prefix, want }) => {
    expect(complete(host(), line)).toEqual({ prefix, candidates: want });
  });
});
