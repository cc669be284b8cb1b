import { describe, expect, it } from "vitest";
import { pickOneNodeForPreemption, type Candidate, type PreemptionClock } from "./preemption";
import { info, pod } from "./test-fixtures";
import { makeNode, makePod, SchedulerSandbox } from "./sandbox";

const clock: PreemptionClock = { now: () => Date.parse("2026-01-01T01:00:00Z"), parse: (ts) => (ts ? Date.parse(ts) : undefined) };
const victim = (name: string, priority: number, startTime = "2026-01-01T00:00:00Z") => info(pod(name, { priority, startTime }));
const cand = (node: string, victims: ReturnType<typeof victim>[], pdbViolations = 0): Candidate => ({ node, victims, pdbViolations });

// Cases in the manner of upstream preemption/preemption_test.go TestPickOneNodeForPreemption.
describe("pickOneNodeForPreemption", () => {
  it.each([
    { name: "fewest PDB violations first", cands: [cand("a", [victim("x", 1)], 1), cand("b", [victim("y", 100)], 0)], want: "b" },
    { name: "the lowest highest-priority victim", cands: [cand("a", [victim("x", 20), victim("y", 1)]), cand("b", [victim("z", 10), victim("w", 10)])], want: "b" },
    { name: "then the lowest sum of priorities", cands: [cand("a", [victim("x", 10), victim("y", 5)]), cand("b", [victim("z", 10), victim("w", 1)])], want: "b" },
    { name: "then the fewest victims", cands: [cand("a", [victim("x", 10), victim("y", -2147483648)]), cand("b", [victim("z", 10)])], want: "b" },
    { name: "then the latest start among the highest-priority victims", cands: [cand("a", [victim("x", 10, "2026-01-01T00:00:00Z")]), cand("b", [victim("z", 10, "2026-01-01T00:30:00Z")])], want: "b" },
    { name: "then the first candidate", cands: [cand("a", [victim("x", 10)]), cand("b", [victim("z", 10)])], want: "a" },
  ])("$name", ({ cands, want }) => {
    expect(pickOneNodeForPreemption(cands, clock).node).toBe(want);
  });
});

describe("SelectVictimsOnNode", () => {
  // Upstream TestSelectNodesForPreemption: victims are reprieved from the most important down.
  it("evicts only what is needed, keeping the most important pods", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("n", { cpu: "3" }));
    for (const [name, priority] of [["p1", 1], ["p2", 2], ["p3", 3]] as const) {
      const p = makePod(name, { cpu: "1" });
      sb.pod({ ...p, spec: { ...p.spec!, nodeName: "n", priority } });
    }
    const hp = makePod("preemptor", { cpu: "2" });
    sb.pod({ ...hp, spec: { ...hp.spec!, priority: 10 } });
    sb.run(1000);
    expect(sb.events("Preempted").map((e) => e.object).sort()).toEqual(["p1", "p2"]);
    expect(sb.scheduler.explain("default", "preemptor")[0]).toMatchObject({ nominatedNode: "n", victims: ["default/p2", "default/p1"] });
  });

  it("does not preempt pods of equal priority", () => {
    const sb = new SchedulerSandbox();
    sb.node(makeNode("n", { cpu: "1" }));
    const p = makePod("same", { cpu: "1" });
    sb.pod({ ...p, spec: { ...p.spec!, nodeName: "n", priority: 5 } });
    const q = makePod("incoming", { cpu: "1" });
    sb.pod({ ...q, spec: { ...q.spec!, priority: 5 } });
    sb.run(1000);
    expect(sb.events("FailedScheduling")[0]!.message).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });
});
