import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import {
  completionIndex, duplicatedIndexPods, firstPendingIndexes, generateNameWithIndex, intervalsString, parseIntervals, withIndexes,
} from "./indexed";

const pod = (name: string, index?: string): Pod => ({
  metadata: { name, creationTimestamp: "2026-01-01T00:00:00Z", ...(index !== undefined ? { annotations: { "batch.kubernetes.io/job-completion-index": index } } : {}) },
});

describe("completed indexes", () => {
  it.each([
    [[0, 1, 2, 4, 6, 7], "0-2,4,6,7"],
    [[3], "3"],
    [[1, 2], "1,2"],
    [[], ""],
  ])("%j prints as %j", (indexes, want) => {
    expect(intervalsString(withIndexes([], indexes))).toBe(want);
  });

  it.each([
    ["0-2,4,6,7", 10, "0-2,4,6,7"],
    ["1,2,3", 10, "1-3"],
    ["0-9", 5, "0-4"],
    ["7", 5, ""],
  ])("parses %j (completions %i)", (text, completions, want) => {
    expect(intervalsString(parseIntervals(text, completions))).toBe(want);
  });

  it("merges new indexes into intervals", () => {
    expect(intervalsString(withIndexes(parseIntervals("0-2,5", 10), [3, 4, 8]))).toBe("0-5,8");
  });
});

describe("firstPendingIndexes", () => {
  it.each([
    ["nothing done", "", [], 2, 5, [0, 1]],
    ["skips succeeded and active", "0,1", [2], 2, 5, [3, 4]],
    ["stops at completions", "0-3", [], 3, 5, [4]],
    ["fills gaps", "1,3", [0], 3, 6, [2, 4, 5]],
  ])("%s", (_n, done, active, count, completions, want) => {
    expect(firstPendingIndexes(parseIntervals(done, completions), active, count, completions)).toEqual(want);
  });
});

describe("duplicatedIndexPods", () => {
  it("removes pods without an index, out of range, and all but one per index", () => {
    const { rm, left } = duplicatedIndexPods([pod("a", "0"), pod("b", "0"), pod("c"), pod("d", "9"), pod("e", "1")], 3);
    expect(rm.map((p) => p.metadata!.name).sort()).toEqual(["a", "c", "d"]);
    expect(left.map((p) => p.metadata!.name).sort()).toEqual(["b", "e"]);
  });

  it("reads the index annotation", () => {
    expect(completionIndex(pod("x", "4"))).toBe(4);
    expect(completionIndex(pod("x", "-1"))).toBe(-1);
    expect(completionIndex(pod("x", "abc"))).toBe(-1);
    expect(completionIndex(pod("x"))).toBe(-1);
  });
});

describe("generateNameWithIndex", () => {
  it("keeps short names and cuts long ones to 58 characters", () => {
    expect(generateNameWithIndex("sample", 3)).toBe("sample-3-");
    const long = generateNameWithIndex("j".repeat(70), 12);
    expect(long).toHaveLength(58);
    expect(long.endsWith("-12-")).toBe(true);
  });
});
