import { describe, expect, it } from "vitest";
import { timestamp } from "../../clock/time";
import { Simulation } from "../../sim/simulation";
import { runKubectl } from "./registry";
import type { ExecRequest, KubectlHost } from "./types";

/** The documented liveness example, with a script that keeps the file until someone removes it. */
const LIVENESS = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: exec}
spec:
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  nodeName: zone-a-1
  containers: [{name: a, image: busybox, args: [sleep, "3600"]}, {name: b, image: busybox, args: [sleep, "3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  nodeName: zone-a-1
  restartPolicy: Never
  containers: [{name: c, image: busybox, args: ["true"]}]
`;

function cluster(at = 20): Simulation {
  const { sim, errors } = Simulation.load(LIVENESS);
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  sim.runUntil(at);
  return sim;
}

const run = (sim: Simulation, line: string) => {
  const r = sim.kubectl(line);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe("kubectl exec", () => {
  it("runs the command in the container's shell, against its own files", () => {
    const sim = cluster();
    expect(run(sim, "exec liveness-exec -- ls /tmp")).toEqual(["healthy\n", "", 0]);
    expect(run(sim, "exec liveness-exec -- sh -c 'echo $((6*7)) > /tmp/answer; cat /tmp/answer'")).toEqual(["42\n", "", 0]);
    expect(run(sim, "exec liveness-exec -- cat /tmp/missing")).toEqual(["cat: can't open '/tmp/missing': No such file or directory\n", "command terminated with exit code 1\n", 1]);
  });

  it("exec … -- rm /tmp/healthy makes the liveness probe fail and the kubelet restart the container", () => {
    const sim = cluster();
    expect(run(sim, "exec liveness-exec -- rm /tmp/healthy")).toEqual(["", "", 0]);
    sim.runUntil(80);
    const events = sim.events.filter((e) => e.involvedObject.name === "liveness-exec").map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain("Killing: Container liveness failed liveness probe, will be restarted");
    const pod = sim.store.get("Pod", "default", "liveness-exec")!;
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
  });

  const cases: Array<{ line: string; out?: string; err: string; code: number }> = [
    { line: "exec two -- hostname", out: "two\n", err: `Defaulted container "a" out of: a, b\n`, code: 0 },
    { line: "exec two -c b -- hostname", out: "two\n", err: "", code: 0 },
    { line: "exec two -c z -- hostname", err: "error: container z is not valid for pod two\n", code: 1 },
    { line: "exec done -- ls", err: "error: cannot exec into a container in a completed pod; current phase is Succeeded\n", code: 1 },
    { line: "exec nope -- ls", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
    { line: "exec two ls", err: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", code: 1 },
    { line: "exec two", err: "error: you must specify at least one command for the container\n", code: 1 },
    { line: "exec -- ls", err: "error: pod, type/name or --filename must be specified\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err, code }) => {
    expect(run(cluster(), line)).toEqual([out, err, code]);
  });

  it("reports the kubelet's refusal when the container is not running", () => {
    const { sim } = Simulation.load(LIVENESS, { components: [] });
    const requests: ExecRequest[] = [];
    const host: KubectlHost = {
      store: sim.store, now: () => sim.clock.now, timestamp: (t) => timestamp(sim.epochMs, t), apply: (t) => sim.apply(t),
      nodes: {
        logs: () => ({ ok: false, message: "unused" }),
        exec: (req) => {
          requests.push(req);
          return { ok: false, message: `error: unable to upgrade connection: container not found ("${req.container}")` };
        },
      },
    };
    const r = runKubectl(host, "exec two -c b -- ls");
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(["", `error: unable to upgrade connection: container not found ("b")\n`, 1]);
    expect(requests).toEqual([{ namespace: "default", pod: "two", container: "b", argv: ["ls"] }]);
    const pending = runKubectl(host, "exec liveness-exec -- ls");
    expect(pending.stderr).toBe("Error from server (BadRequest): pod liveness-exec does not have a host assigned\n");
  });
});
