import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: nginx, image: nginx:1.27}]}
---
apiVersion: v1
kind: Pod
metadata: {name: job, labels: {app: batch}}
spec:
  restartPolicy: Never
  containers: [{name: c, image: busybox, args: ["sh", "-c", "echo one; sleep 20; echo two; sleep 20; echo three"]}]
`;

describe("following commands", () => {
  it("get -w prints a row each time a listed object changes, filtered as the first table was", () => {
    const { sim } = Simulation.load(YAML);
    const first = sim.kubectl("get pods -l app=web -w", undefined, { streaming: true });
    expect(first.stdout).toBe("NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\n");
    // The console streams: no note that it will not.
    expect(first.stderr).toBe("");
    const w = sim.kubectlStream("get pods -l app=web -w")!;
    sim.runUntil(1);
    const rows = w.poll().stdout.split("\n").filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.startsWith("web "))).toBe(true);
    sim.runUntil(30);
    expect(w.poll().stdout).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s$/m);
    // Nothing changed since: nothing to print.
    expect(w.poll().stdout).toBe("");
    w.close();
    sim.kubectl("label pod web x=1");
    expect(w.poll().stdout).toBe("");
  });

  it("get -w -o yaml and a get without -w do not follow", () => {
    const { sim } = Simulation.load(YAML);
    expect(sim.kubectlStream("get pods -w -o yaml")).toBeUndefined();
    expect(sim.kubectlStream("get pods")).toBeUndefined();
    expect(sim.kubectlStream("describe pod web")).toBeUndefined();
  });

  it("logs -f prints the lines the container writes next and ends when it exits", () => {
    const { sim } = Simulation.load(YAML);
    sim.runUntil(10);
    expect(sim.kubectl("logs job -f").stdout).toBe("one\n");
    const f = sim.kubectlStream("logs job -f")!;
    expect(f.poll()).toEqual({ stdout: "" });
    sim.runUntil(35);
    expect(f.poll()).toEqual({ stdout: "two\n" });
    sim.runUntil(60);
    expect(f.poll()).toEqual({ stdout: "three\n", ended: "" });
    expect(f.poll()).toEqual({ stdout: "" });
  });

  it("logs -f --tail=1 goes on from the end of the log, whatever the tail showed", () => {
    const { sim } = Simulation.load(YAML);
    sim.runUntil(35);
    expect(sim.kubectl("logs job --tail=1 -f").stdout).toBe("two\n");
    const f = sim.kubectlStream("logs job --tail=1 -f")!;
    sim.runUntil(60);
    expect(f.poll()).toEqual({ stdout: "three\n", ended: "" });
  });
});
