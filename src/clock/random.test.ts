import { describe, expect, it } from "vitest";
import { Random } from "./random";
import { parseDuration, timestamp, type Millis } from "./time";

describe("Random", () => {
  it("gives the same sequence for the same seed and stream", () => {
    const a = new Random(7, "x"), b = new Random(7, "x");
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it.each([
    [7, "x", 8, "x"],
    [7, "x", 7, "y"],
  ])("differs between seed %s/%s and %s/%s", (s1, n1, s2, n2) => {
    expect(new Random(s1, n1).nextUint32()).not.toBe(new Random(s2, n2).nextUint32());
  });

  it("draws integers in range and strings from the alphabet", () => {
    const r = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.intn(6);
      expect(v >= 0 && v < 6 && Number.isInteger(v)).toBe(true);
    }
    expect(r.string(5, "bcd")).toMatch(/^[bcd]{5}$/);
  });

  it("makes RFC 4122 v4 UUIDs", () => {
    expect(new Random(3).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000], ["1m30s", 90_000], ["2h", 7_200_000], ["500ms", 500], ["1.5s", 1500], ["45", 45_000], [30, 30_000],
    ["10m", 600_000],
  ])("%s → %i ms", (text, want) => {
    expect(parseDuration(text)).toBe(want);
  });

  it.each(["", "abc", "10x", "-5s", "s", "1m 30s"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("timestamp", () => {
  it("prints RFC 3339 at second precision from the epoch", () => {
    expect(timestamp(Date.UTC(2026, 0, 1), 90_500 as Millis)).toBe("2026-01-01T00:01:30Z");
  });
});
