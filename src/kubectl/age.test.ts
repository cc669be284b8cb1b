import { describe, expect, it } from "vitest";
import { ageSince, formatAge } from "./age";

const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;

// Cases copied from k8s.io/apimachinery/pkg/util/duration/duration_test.go (TestHumanDuration,
// TestHumanDurationBoundaries); Go's time.Duration unit of 1 ns is rounded to 1 ms here.
describe("formatAge (HumanDuration)", () => {
  const cases: Array<[number, string]> = [
    [s, "1s"],
    [70 * s, "70s"],
    [190 * s, "3m10s"],
    [70 * m, "70m"],
    [47 * h, "47h"],
    [49 * h, "2d1h"],
    [(8 * 24 + 2) * h, "8d"],
    [367 * 24 * h, "367d"],
    [(365 * 2 * 24 + 25) * h, "2y1d"],
    [(365 * 8 * 24 + 2) * h, "8y"],
    [-2 * s, "<invalid>"],
    [-2 * s + 1, "0s"],
    [0, "0s"],
    [s - 1, "0s"],
    [2 * m - 1, "119s"],
    [2 * m, "2m"],
    [2 * m + s, "2m1s"],
    [10 * m - 1, "9m59s"],
    [10 * m, "10m"],
    [10 * m + s, "10m"],
    [3 * h - 1, "179m"],
    [3 * h, "3h"],
    [3 * h + m, "3h1m"],
    [8 * h - 1, "7h59m"],
    [8 * h, "8h"],
    [8 * h + 59 * m, "8h"],
    [2 * d - 1, "47h"],
    [2 * d, "2d"],
    [2 * d + h, "2d1h"],
    [8 * d - 1, "7d23h"],
    [8 * d, "8d"],
    [8 * d + 23 * h, "8d"],
    [2 * 365 * d - 1, "729d"],
    [2 * 365 * d, "2y"],
    [2 * 365 * d + 23 * h, "2y"],
    [2 * 365 * d + 23 * h + 59 * m, "2y"],
    [2 * 365 * d + 24 * h - 1, "2y"],
    [2 * 365 * d + 24 * h, "2y1d"],
    [3 * 365 * d, "3y"],
    [7 * 365 * d, "7y"],
    [8 * 365 * d - 1, "7y364d"],
    [8 * 365 * d, "8y"],
    [8 * 365 * d + 364 * d, "8y"],
    [9 * 365 * d, "9y"],
  ];
  it.each(cases)("%d ms → %s", (ms, want) => {
    expect(formatAge(ms)).toBe(want);
  });
});

describe("ageSince (translateTimestampSince)", () => {
  const now = Date.UTC(2026, 0, 1, 0, 10, 0);
  const cases: Array<[string | undefined, string]> = [
    [undefined, "<unknown>"],
    ["", "<unknown>"],
    ["not a time", "<unknown>"],
    ["2026-01-01T00:09:15Z", "45s"],
    ["2026-01-01T00:06:48Z", "3m12s"],
    ["2026-01-01T00:00:00Z", "10m"],
    ["2026-01-01T00:10:01Z", "0s"],
    ["2026-01-01T00:10:05Z", "<invalid>"],
  ];
  it.each(cases)("%s → %s", (ts, want) => {
    expect(ageSince(ts, now)).toBe(want);
  });
});
