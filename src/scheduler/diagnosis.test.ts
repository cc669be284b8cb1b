import { describe, expect, it } from "vitest";
import { fitErrorMessage, truncateMessage } from "./diagnosis";
import { status } from "./types";

const s = (...reasons: string[]) => status("Unschedulable", ...reasons);

// Cases in the manner of upstream framework/types_test.go TestFitError_Error.
describe("FailedScheduling message (FitError.Error)", () => {
  it.each([
    {
      name: "histogram sorted as strings, reasons counted per node",
      input: { numAllNodes: 3, explicit: [s("node(s) had untolerated taint(s)"), s("Insufficient cpu"), s("Insufficient cpu")] },
      want: "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.",
    },
    {
      name: "several reasons from one node each count",
      input: { numAllNodes: 1, explicit: [s("Insufficient cpu", "Insufficient memory")] },
      want: "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.",
    },
    {
      name: "string order, not numeric: 10 sorts before 2",
      input: { numAllNodes: 12, explicit: [...Array(10).fill(s("b")), s("a"), s("a")] },
      want: "0/12 nodes are available: 10 b, 2 a.",
    },
    {
      name: "nodes not looked at one by one count with the absent status",
      input: { numAllNodes: 3, explicit: [s("Insufficient cpu")], absent: s("node(s) didn't satisfy plugin(s) [NodeAffinity]") },
      want: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
    {
      name: "a PreFilter rejection replaces the histogram",
      input: { numAllNodes: 3, explicit: [], preFilterMsg: "pod affinity terms conflict", absent: s("pod affinity terms conflict") },
      want: "0/3 nodes are available: pod affinity terms conflict.",
    },
    {
      name: "the PostFilter message follows, with its own period",
      input: { numAllNodes: 1, explicit: [s("Insufficient cpu")], postFilterMsg: "no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod." },
      want: "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    },
  ])("$name", ({ input, want }) => {
    expect(fitErrorMessage(input)).toBe(want);
  });

  it("truncates event messages at NoteLengthLimit (1024) with ' ...'", () => {
    const long = "x".repeat(2000);
    expect(truncateMessage(long)).toHaveLength(1024);
    expect(truncateMessage(long).endsWith(" ...")).toBe(true);
    expect(truncateMessage("short")).toBe("short");
  });
});
