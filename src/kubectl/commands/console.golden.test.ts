import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../testing/golden";
import { Simulation } from "../../sim/simulation";
import { explainHostOf, whyNotReady } from "../../explain";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "testdata", name);

/**
 * A console session on the documented liveness example, kept running by a script that only
 * sleeps: exec removes the probed file, and the session watches the probe fail, the kubelet
 * restart the container (busybox's shell ignores SIGTERM: the kill comes after the 30s grace
 * period), describe's Events aggregate the failures, and logs --previous.
 */
const LIVENESS = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: console-liveness}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, "echo started; touch /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const SESSION: Array<[number, string]> = [
  [20, "get pods -o wide"],
  [20, "exec liveness-exec -- ls /tmp"],
  [20, "exec liveness-exec -- rm /tmp/healthy"],
  [32, "get pods"],
  [32, "why liveness-exec"],
  [60, "get pods"],
  [80, "get pods"],
  [80, "describe pod liveness-exec"],
  [80, "logs liveness-exec --previous"],
  [80, "logs liveness-exec"],
];

describe("console session golden", () => {
  it("liveness: exec rm breaks the probe, the kubelet restarts the container", () => {
    const { sim, errors } = Simulation.load(LIVENESS);
    expect(errors).toEqual([]);
    const out: string[] = [];
    for (const [t, line] of SESSION) {
      sim.runUntil(t);
      out.push(`--- at ${t}s: ${line.startsWith("why") ? "(why not Ready)" : `kubectl ${line}`}`);
      if (line.startsWith("why")) {
        out.push(whyNotReady(explainHostOf(sim), "default", line.split(" ")[1]!).text);
        continue;
      }
      const r = sim.kubectl(line);
      out.push(r.stdout.trimEnd());
      if (r.stderr) out.push(`[stderr] ${r.stderr.trimEnd()}`);
      if (r.exitCode) out.push(`[exit ${r.exitCode}]`);
    }
    expectGolden(testdata("console-liveness.txt"), `${out.join("\n")}\n`);
  });
});
