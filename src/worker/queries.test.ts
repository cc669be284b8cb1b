import { describe, expect, it } from "vitest";
import { Simulation } from "../sim/simulation";
import { PRESSURE } from "../explain/testing";
import { completeLine, explainReport } from "./queries";

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  containers:
  - name: c
    image: nginx:1.27
    resources: {requests: {cpu: "64"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;

function loaded(): Simulation {
  const r = Simulation.load(YAML, { seed: 1 });
  if (!("sim" in r) || !r.sim) throw new Error("scenario did not load");
  r.sim.runUntil(20);
  return r.sim;
}

describe("completeLine", () => {
  it.each([
    ["rollout st", { prefix: "st", candidates: ["status"] }],
    ["get pods hu", { prefix: "hu", candidates: ["huge"] }],
  ])("%s", (line, want) => {
    expect(completeLine(loaded(), line)).toEqual(want);
  });
  it("offers nothing without a scenario", () => {
    expect(completeLine(undefined, "get ")).toEqual({ prefix: "", candidates: [] });
  });
});

describe("explainReport", () => {
  it("explains a pod that fits nowhere with the FailedScheduling message and every node", () => {
    const r = explainReport(loaded(), { kind: "Pod", namespace: "default", name: "huge" });
    const last = r.attempts.at(-1)!;
    expect(last.message).toMatch(/^0\/3 nodes are available: 3 Insufficient cpu\./);
    expect(last.nodes.map((n) => n.feasible)).toEqual([false, false, false]);
    expect(r.notReady?.ready).toBe(false);
    expect(r.eviction?.cause.kind).toBe("not-evicted");
  });
  it("explains a Deployment's rollout", () => {
    const r = explainReport(loaded(), { kind: "Deployment", namespace: "default", name: "web" });
    expect(r.attempts).toEqual([]);
    expect(r.rollout && "waiting" in r.rollout ? r.rollout.waiting : undefined).toBe(false);
  });
  it("says when no scenario is loaded", () => {
    expect(explainReport(undefined, { kind: "Pod", name: "x" }).error).toBe("no scenario is loaded");
  });
});

describe("explainReport's eviction ranking", () => {
  it("ranks the node's other pods by the usage their kubelet serves (the numbers kubectl top shows)", () => {
    const { sim } = Simulation.load(PRESSURE);
    sim.runUntil(150);
    const report = explainReport(sim, { kind: "Pod", namespace: "default", name: "hog" });
    expect(report.eviction?.text).toContain("2. default/be (BestEffort, request 0Mi, using 150Mi)");
  });
});
