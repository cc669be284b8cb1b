import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, runScore, verdict } from "../test-fixtures";
import { leastRequestedScore, NodeResourcesFit } from "./node-resources-fit";

// The node of upstream's fit_test.go: makeAllocatableResources(10, 20, 32, 5, 20, 5) — 10 milli-CPU,
// 20 bytes of memory, 32 pods, 5 of an extended resource.
const N = { cpu: "10m", memory: "20", pods: "32", extra: { "example.com/aaa": "5" } };
const c = (name: string, cpu: number, mem: number, extra: Record<string, string> = {}) => ({
  name, image: "pause", resources: { requests: { cpu: `${cpu}m`, memory: `${mem}`, ...extra } },
});
const sidecar = (name: string, cpu: number, mem: number) => ({ ...c(name, cpu, mem), restartPolicy: "Always" });
const existing = (cpu: number, mem: number, extra: Record<string, string> = {}) =>
  pod("existing", { nodeName: "n", containers: [c("e", cpu, mem, extra)] });

// Cases from upstream noderesources/fit_test.go TestEnoughRequests (own data).
const FILTER_CASES: Array<{ name: string; pod: ReturnType<typeof pod>; existing?: ReturnType<typeof pod>; want: string }> = [
  { name: "no resources requested always fits", pod: pod("p"), existing: existing(10, 20), want: "fits" },
  { name: "too many resources fails", pod: pod("p", { containers: [c("a", 1, 1)] }), existing: existing(10, 20), want: "Unschedulable: Insufficient cpu, Insufficient memory" },
  { name: "too many resources fails due to init container cpu", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [c("i", 3, 1)] }), existing: existing(8, 19), want: "Unschedulable: Insufficient cpu" },
  { name: "too many resources fails due to highest init container cpu", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [c("i", 3, 1), c("j", 2, 1)] }), existing: existing(8, 19), want: "Unschedulable: Insufficient cpu" },
  { name: "too many resources fails due to init container memory", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [c("i", 1, 3)] }), existing: existing(9, 19), want: "Unschedulable: Insufficient memory" },
  { name: "init container fits because it's the max, not sum, of containers and init containers", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [c("i", 1, 1)] }), existing: existing(9, 19), want: "fits" },
  { name: "both resources fit", pod: pod("p", { containers: [c("a", 1, 1)] }), existing: existing(5, 5), want: "fits" },
  { name: "one resource memory fits", pod: pod("p", { containers: [c("a", 2, 1)] }), existing: existing(9, 5), want: "Unschedulable: Insufficient cpu" },
  { name: "one resource cpu fits", pod: pod("p", { containers: [c("a", 1, 2)] }), existing: existing(5, 19), want: "Unschedulable: Insufficient memory" },
  { name: "equal edge case", pod: pod("p", { containers: [c("a", 5, 1)] }), existing: existing(5, 19), want: "fits" },
  { name: "equal edge case for init container", pod: pod("p", { containers: [c("a", 4, 1)], initContainers: [c("i", 5, 1)] }), existing: existing(5, 19), want: "fits" },
  { name: "extended resource fits", pod: pod("p", { containers: [c("a", 0, 0, { "example.com/aaa": "1" })] }), existing: existing(0, 0), want: "fits" },
  { name: "extended resource capacity enforced", pod: pod("p", { containers: [c("a", 0, 0, { "example.com/aaa": "10" })] }), existing: existing(0, 0), want: "UnschedulableAndUnresolvable: Insufficient example.com/aaa" },
  { name: "extended resource allocatable enforced", pod: pod("p", { containers: [c("a", 0, 0, { "example.com/aaa": "4" })] }), existing: existing(0, 0, { "example.com/aaa": "2" }), want: "Unschedulable: Insufficient example.com/aaa" },
  { name: "resources + pod overhead fits", pod: pod("p", { containers: [c("a", 1, 1)], spec: { overhead: { cpu: "3m", memory: "13" } } }), existing: existing(5, 5), want: "fits" },
  { name: "requests + overhead does not fit for memory", pod: pod("p", { containers: [c("a", 1, 1)], spec: { overhead: { cpu: "1m", memory: "15" } } }), existing: existing(5, 5), want: "Unschedulable: Insufficient memory" },
  // A sidecar started before an init container runs beside it: max(1+1, 2+1) = 3 > 10 − 8.
  { name: "sidecar counts with later init containers (restartable init containers)", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [sidecar("s", 1, 1), c("i", 2, 1)] }), existing: existing(8, 1), want: "Unschedulable: Insufficient cpu" },
  { name: "sidecar adds to the app containers", pod: pod("p", { containers: [c("a", 1, 1)], initContainers: [sidecar("s", 1, 1)] }), existing: existing(9, 1), want: "Unschedulable: Insufficient cpu" },
  { name: "request larger than the node cannot be helped by preemption", pod: pod("p", { containers: [c("a", 11, 1)] }), want: "UnschedulableAndUnresolvable: Insufficient cpu" },
];

describe("NodeResourcesFit filter", () => {
  it.each(FILTER_CASES)("$name", ({ pod: p, existing: e, want }) => {
    const cache = cluster([node("n", N)], e ? [e] : []);
    expect(verdict(runFilter(new NodeResourcesFit(), cache, info(p)).byNode.n)).toBe(want);
  });

  // Upstream TestNotEnoughRequests: a node full of pods.
  it("fails with Too many pods when the node's pod count is reached", () => {
    const cache = cluster([node("n", { ...N, pods: "1" })], [existing(0, 0)]);
    expect(verdict(runFilter(new NodeResourcesFit(), cache, info(pod("p"))).byNode.n)).toBe("Unschedulable: Too many pods");
  });
});

describe("LeastAllocated score", () => {
  it.each([
    [0, 4000, 100], [3000, 4000, 25], [4000, 4000, 0], [5000, 4000, 0], [1, 3, 66], [0, 0, 0],
  ])("leastRequestedScore(%i, %i) = %i", (req, cap, want) => {
    expect(leastRequestedScore(req, cap)).toBe(want);
  });

  // Cases from upstream noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy.
  it.each([
    {
      name: "nothing scheduled, resources requested, differently sized nodes",
      pod: pod("p", { requests: { cpu: "3000m", memory: "5000" } }),
      nodes: [node("node1", { cpu: "4000m", memory: "10000" }), node("node2", { cpu: "6000m", memory: "10000" })],
      existing: [],
      want: { node1: 37, node2: 50 },
    },
    {
      name: "no resources requested, pods scheduled: the scoring defaults (100m, 200Mi) count",
      pod: pod("p"),
      nodes: [node("node1", { cpu: "4000m", memory: "1000Mi" }), node("node2", { cpu: "4000m", memory: "1000Mi" })],
      existing: [pod("e1", { nodeName: "node1" }), pod("e2", { nodeName: "node1" })],
      // node1: cpu (4000−300)/40 = 92, memory (1000−600)/10 = 40 → 66; node2: 97 and 80 → 88.
      want: { node1: 66, node2: 88 },
    },
    {
      name: "resources requested, pods scheduled with resources",
      pod: pod("p", { requests: { cpu: "1000m", memory: "2000" } }),
      nodes: [node("node1", { cpu: "10000m", memory: "20000" }), node("node2", { cpu: "10000m", memory: "50000" })],
      existing: [pod("e1", { nodeName: "node1", requests: { cpu: "3000m", memory: "0" } }), pod("e2", { nodeName: "node2", requests: { cpu: "3000m", memory: "5000" } })],
      // node1: cpu 60, memory 90 → 75; node2: cpu 60, memory 86 → 73.
      want: { node1: 75, node2: 73 },
    },
  ])("$name", ({ pod: p, nodes, existing: e, want }) => {
    const cache = cluster(nodes, e);
    const scores = runScore(new NodeResourcesFit(), info(p), cache.list())!;
    expect(Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });
});
