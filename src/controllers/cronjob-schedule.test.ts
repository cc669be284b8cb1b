import { describe, expect, it } from "vitest";
import { mostRecentScheduleTime, nextScheduleDelay, parseSchedule, type Schedule } from "./cronjob-schedule";

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

function sched(spec: string, tz?: string): Schedule {
  const p = parseSchedule(spec, tz);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

describe("parseSchedule", () => {
  it.each([
    ["*/1 * * * *", undefined, T0, "2026-01-01T00:01:00.000Z"],
    ["*/1 * * * *", undefined, T0 + 59_500, "2026-01-01T00:01:00.000Z"],
    ["*/1 * * * *", undefined, T0 + 60_000, "2026-01-01T00:02:00.000Z"],
    ["*/15 9-17 * * 1-5", undefined, T0, "2026-01-01T09:00:00.000Z"],
    ["0 0 * * sun", undefined, T0, "2026-01-04T00:00:00.000Z"],
    ["0 0 ? * *", undefined, T0, "2026-01-02T00:00:00.000Z"],
    ["@hourly", undefined, T0, "2026-01-01T01:00:00.000Z"],
    ["@daily", undefined, T0, "2026-01-02T00:00:00.000Z"],
    ["@every 90s", undefined, T0 + 500, "2026-01-01T00:01:30.000Z"],
    ["0 9 * * *", "Asia/Seoul", T0, "2026-01-02T00:00:00.000Z"],
    ["0 9 * * *", "America/New_York", T0, "2026-01-01T14:00:00.000Z"],
    ["TZ=Asia/Seoul 0 9 * * *", undefined, T0, "2026-01-02T00:00:00.000Z"],
    // Day-of-month and day-of-week both restricted: either matches (Vixie cron).
    ["0 0 13 * 5", undefined, T0, "2026-01-02T00:00:00.000Z"],
  ])("%s (%s) after %s", (spec, tz, after, want) => {
    expect(iso(sched(spec, tz).next(after))).toBe(want);
  });

  it.each([
    ["* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]"],
    ["61 * * * *", undefined],
    ["0 0 L * *", undefined],
    ["0 0 * * 5#2", undefined],
    ["@fortnightly", "unrecognized descriptor: @fortnightly"],
  ])("rejects %s", (spec, message) => {
    const p = parseSchedule(spec);
    expect(p.ok).toBe(false);
    if (!p.ok && message) expect(p.error).toBe(message);
  });

  it("rejects an unknown time zone", () => {
    expect(parseSchedule("* * * * *", "Mars/Olympus").ok).toBe(false);
  });
});

describe("mostRecentScheduleTime", () => {
  const every = sched("* * * * *");
  it.each([
    ["before the first activation", undefined, 30, undefined, "none"],
    ["exactly at the first activation", undefined, 60, 60, "none"],
    ["between the first and second", undefined, 90, 60, "none"],
    ["three missed", undefined, 200, 180, "few"],
    ["after the last schedule", 120, 150, undefined, "none"],
  ])("%s", (_n, last, nowS, want, missed) => {
    const r = mostRecentScheduleTime(every, T0, last === undefined ? undefined : T0 + last * 1000, T0 + nowS * 1000);
    expect(r.mostRecent === undefined ? undefined : (r.mostRecent - T0) / 1000).toBe(want);
    expect(r.missed).toBe(missed);
  });

  it("reports many missed past 100 and still finds the most recent", () => {
    const r = mostRecentScheduleTime(every, T0, undefined, T0 + 200 * 60_000 + 5_000);
    expect(r.missed).toBe("many");
    expect(iso(r.mostRecent)).toBe("2026-01-01T03:20:00.000Z");
  });

  it("startingDeadlineSeconds hides older activations", () => {
    const r = mostRecentScheduleTime(every, T0, undefined, T0 + 200 * 60_000 + 5_000, 30);
    expect(iso(r.mostRecent)).toBe("2026-01-01T03:20:00.000Z");
    expect(r.missed).toBe("none");
  });

  it("an impossible date is an error", () => {
    const r = mostRecentScheduleTime(sched("59 23 31 2 *"), T0, undefined, T0 + 1000);
    expect(r.error).toBe("time difference between two schedules is less than 1 second");
  });
});

describe("nextScheduleDelay", () => {
  it("is 100 ms after the next activation", () => {
    expect(nextScheduleDelay(sched("*/1 * * * *"), T0, undefined, T0)).toBe(60_100);
    expect(nextScheduleDelay(sched("*/1 * * * *"), T0, T0 + 60_000, T0 + 60_100)).toBe(60_000);
  });
});
