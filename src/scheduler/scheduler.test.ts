import { describe, expect, it } from "vitest";
import { makeNode, makePod, SchedulerSandbox } from "./sandbox";

const seconds = (s: number) => s * 1000;

describe("the scheduler on virtual time", () => {
  it("binds a pod, sets PodScheduled and records Scheduled", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("node-1", { cpu: "2" }));
    sb.pod(makePod("web-0", { cpu: "500m" }));
    sb.run();
    const p = sb.getPod("web-0")!;
    expect(p.spec?.nodeName).toBe("node-1");
    expect(p.status?.conditions?.find((c) => c.type === "PodScheduled")?.status).toBe("True");
    expect(sb.events("Scheduled")).toEqual([{ time: 0, reason: "Scheduled", object: "web-0", message: "Successfully assigned default/web-0 to node-1" }]);
  });

  it("words FailedScheduling as kube-scheduler v1.36 does and marks the pod Unschedulable", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("tainted", { cpu: "2", taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }));
    for (const n of ["worker-1", "worker-2"]) {
      sb.node(makeNode(n, { cpu: "2" }));
      sb.pod({ ...makePod(`busy-${n}`, { cpu: "1500m" }), spec: { ...makePod("x", { cpu: "1500m" }).spec!, nodeName: n } });
    }
    sb.pod(makePod("web", { cpu: "1" }));
    sb.run(seconds(1));
    const msg = "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(sb.events("FailedScheduling").map((e) => e.message)).toEqual([msg]);
    const cond = sb.getPod("web")!.status?.conditions?.find((c) => c.type === "PodScheduled");
    expect(cond).toMatchObject({ status: "False", reason: "Unschedulable", message: msg });
  });

  it("schedules a pending pod as soon as a node that fits is added", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("small", { cpu: "1" }));
    sb.pod(makePod("big", { cpu: "2" }));
    sb.run(seconds(5));
    expect(sb.getPod("big")!.spec?.nodeName).toBeUndefined();
    sb.node(makeNode("large", { cpu: "4" }));
    sb.run(seconds(6));
    expect(sb.getPod("big")!.spec?.nodeName).toBe("large");
    expect(sb.events("Scheduled")).toEqual([{ time: 5, reason: "Scheduled", object: "big", message: "Successfully assigned default/big to large" }]);
  });

  it("ignores a node added that cannot help (queueing hints)", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("small", { cpu: "1" }));
    sb.pod(makePod("big", { cpu: "2" }));
    sb.run(seconds(5));
    sb.node(makeNode("also-small", { cpu: "1" }));
    sb.run(seconds(60));
    expect(sb.events("FailedScheduling").length).toBe(1);
  });

  it("retries a pod nothing helps after podMaxInUnschedulablePodsDuration (5 min, checked every 30 s)", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("small", { cpu: "1" }));
    sb.pod(makePod("big", { cpu: "2" }));
    sb.run(seconds(700));
    expect(sb.events("FailedScheduling").map((e) => e.time)).toEqual([0, 330, 660]);
  });

  it("schedules higher priority first (PrioritySort), resolving priorityClassName", () => {
    const sb = new SchedulerSandbox();
    sb.create("PriorityClass", { metadata: { name: "high" }, value: 1000 });
    sb.node(makeNode("only", { cpu: "1" }));
    sb.pod(makePod("low", { cpu: "1" }));
    sb.pod({ ...makePod("high", { cpu: "1" }), spec: { ...makePod("x", { cpu: "1" }).spec!, priorityClassName: "high" } });
    sb.run(seconds(1));
    expect(sb.getPod("high")!.spec?.nodeName).toBe("only");
    expect(sb.getPod("low")!.spec?.nodeName).toBeUndefined();
  });

  it("preempts the least important pods for a higher-priority pod, which lands once they are gone", () => {
    const sb = new SchedulerSandbox();
    sb.create("PriorityClass", { metadata: { name: "critical" }, value: 1000 });
    sb.node(makeNode("node-1", { cpu: "2" }));
    for (const [name, priority] of [["keeper", 100], ["victim", 10]] as const) {
      const p = makePod(name, { cpu: "1" });
      sb.pod({ ...p, spec: { ...p.spec!, nodeName: "node-1", priority } });
    }
    const hp = makePod("important", { cpu: "1" });
    const preemptor = sb.pod({ ...hp, spec: { ...hp.spec!, priorityClassName: "critical" } });
    sb.run(seconds(1));
    expect(sb.events("Preempted")).toEqual([{ time: 0, reason: "Preempted", object: "victim", message: `Preempted by pod ${preemptor.metadata.uid} on node node-1` }]);
    expect(sb.events("FailedScheduling").map((e) => e.message)).toEqual(["0/1 nodes are available: 1 Insufficient cpu."]);
    const victim = sb.getPod("victim")!;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status?.conditions?.find((c) => c.type === "DisruptionTarget")).toMatchObject({ status: "True", reason: "PreemptionByScheduler", message: "default-scheduler: preempting to accommodate a higher priority pod" });
    expect(sb.getPod("important")!.status?.nominatedNodeName).toBe("node-1");
    expect(sb.getPod("keeper")!.metadata.deletionTimestamp).toBeUndefined();
    // The kubelet would finish the graceful deletion after 30 s.
    sb.run(seconds(30));
    sb.store.delete("Pod", "default", "victim", { gracePeriodSeconds: 0 });
    sb.run(seconds(31));
    expect(sb.getPod("important")!.spec?.nodeName).toBe("node-1");
    expect(sb.events("Scheduled").map((e) => [e.time, e.object])).toEqual([[30, "important"]]);
  });

  it("does not preempt for a pod with preemptionPolicy Never", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("node-1", { cpu: "1" }));
    const low = makePod("low", { cpu: "1" });
    sb.pod({ ...low, spec: { ...low.spec!, nodeName: "node-1", priority: 0 } });
    const p = makePod("polite", { cpu: "1" });
    sb.pod({ ...p, spec: { ...p.spec!, priority: 1000, preemptionPolicy: "Never" } });
    sb.run(seconds(1));
    expect(sb.events("FailedScheduling").map((e) => e.message)).toEqual([
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.",
    ]);
    expect(sb.events("Preempted")).toEqual([]);
  });

  it("reports no nodes when the cluster has none, and retries with back-off", () => {
    const sb = new SchedulerSandbox();
    sb.pod(makePod("lonely"));
    sb.run(seconds(20));
    const evs = sb.events("FailedScheduling");
    expect(evs[0]!.message).toBe("no nodes available to schedule pods");
    // Back-off 1 s, 2 s, 4 s, 8 s, then 10 s (flushed on whole seconds).
    expect(evs.map((e) => e.time)).toEqual([0, 1, 3, 7, 15]);
  });

  it("breaks ties with the seeded generator: the same seed gives the same placements", () => {
    const place = (seed: number) => {
      const sb = new SchedulerSandbox({}, seed);
      for (let i = 0; i < 5; i++) sb.node(makeNode(`n${i}`));
      for (let i = 0; i < 5; i++) sb.pod(makePod(`p${i}`, { cpu: "100m", memory: "100Mi" }));
      sb.run();
      return [0, 1, 2, 3, 4].map((i) => sb.getPod(`p${i}`)!.spec?.nodeName);
    };
    expect(place(7)).toEqual(place(7));
    expect(new Set(place(7)).size).toBeGreaterThan(1);
  });

  it("keeps every attempt for explain: verdicts, scores and the selected node", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("fits", { cpu: "2" }));
    sb.node(makeNode("tainted", { taints: [{ key: "k", effect: "NoSchedule" }] }));
    sb.pod(makePod("web", { cpu: "1" }));
    sb.run(seconds(1));
    const [a] = sb.scheduler.explain("default", "web");
    expect(a).toMatchObject({ pod: "default/web", selected: "fits", message: null, attempt: 1, totalNodes: 2, evaluatedNodes: 2, feasibleNodes: 1 });
    expect(a!.nodes).toEqual([
      { name: "fits", feasible: true, reasons: [], scores: [], total: null },
      { name: "tainted", feasible: false, reasons: [{ plugin: "TaintToleration", reason: "node(s) had untolerated taint(s)" }], scores: [], total: null },
    ]);
  });
});
