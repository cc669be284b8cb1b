/**
 * CronJob schedules as kube-controller-manager reads them (robfig/cron v3 ParseStandard): five
 * fields (minute hour day-of-month month day-of-week) with ranges, lists, steps, names and `?`,
 * the @yearly … @hourly macros, and @every <duration>; day-of-month and day-of-week combine with
 * OR as in Vixie cron. The syntax is checked with robfig's rules and wording (scenario/cron.ts);
 * activations are computed by croner, a maintained cron library. `next(t)` is robfig's
 * Schedule.Next: the first activation strictly after t, to the second.
 *
 * mostRecentScheduleTime and nextScheduleTimeDuration follow pkg/controller/cronjob/utils.go.
 * Times are unix milliseconds.
 */
import { Cron } from "croner";
import { parseDuration } from "../clock/time";
import { cronScheduleError } from "../scenario/cron";

export interface Schedule {
  /** The next activation strictly after `t`, or undefined when there is none. */
  next(t: number): number | undefined;
}

export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; error: string };

/** nextScheduleDelta: requeues land 100 ms after the scheduled instant. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** Whether an IANA time zone name is known (time.LoadLocation). */
export function isValidTimeZone(tz: string): boolean {
  if (tz === "" || tz === "UTC" || tz === "Local") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses `schedule` in `timeZone` (UTC when unset, the simulated controller manager's zone). */
export function parseSchedule(schedule: string, timeZone?: string): ParsedSchedule {
  let spec = schedule.trim();
  let tz = timeZone;
  // robfig accepts a leading TZ= / CRON_TZ= (the controller warns about it before parsing).
  const m = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(spec);
  if (m) {
    tz = m[1];
    spec = m[2]!.trim();
  }
  if (tz !== undefined && !isValidTimeZone(tz)) return { ok: false, error: `provided bad location ${tz}: unknown time zone ${tz}` };
  // robfig's own syntax check and wording first; croner then computes the activations.
  const syntax = cronScheduleError(spec);
  if (syntax !== undefined) return { ok: false, error: syntax };
  if (spec.startsWith("@every ")) {
    const d = parseDuration(spec.slice("@every ".length));
    if (d === undefined) return { ok: false, error: `failed to parse duration ${spec}` };
    // ConstantDelaySchedule: at least one second, whole seconds, from the start of the current second.
    const delay = Math.max(1000, Math.floor(d / 1000) * 1000);
    return { ok: true, schedule: { next: (t) => Math.floor(t / 1000) * 1000 + delay } };
  }
  let cron: Cron;
  try {
    cron = new Cron(spec, { mode: "5-part", paused: true, ...(tz && tz !== "Local" ? { timezone: tz } : {}) });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return {
    ok: true,
    schedule: {
      next: (t) => {
        const d = cron.nextRun(new Date(t));
        return d ? d.getTime() : undefined;
      },
    },
  };
}

export type MissedSchedules = "none" | "few" | "many";

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: MissedSchedules;
  error?: string;
}

/**
 * mostRecentScheduleTime: from the last schedule time (or creation), the latest activation not
 * after `now`, and whether any (or more than 100) were missed. With `startingDeadlineSeconds`,
 * nothing older than now minus the deadline counts.
 */
export function mostRecentScheduleTime(
  sched: Schedule, created: number, lastSchedule: number | undefined, now: number, startingDeadlineSeconds?: number,
): MostRecent {
  let earliest = lastSchedule ?? created;
  if (startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - startingDeadlineSeconds * 1000);
  const t1 = sched.next(earliest);
  const t2 = t1 === undefined ? undefined : sched.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, missed: "none" };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: "none" };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: "none", error: "time difference between two schedules is less than 1 second" };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const from = t1! + (missedCount - 2) * between * 1000;
  for (let t = sched.next(from); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? "many" : missedCount > 0 ? "few" : "none";
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: ms from `now` until 100 ms after the next activation. */
export function nextScheduleDelay(sched: Schedule, created: number, lastSchedule: number | undefined, now: number): number {
  const r = mostRecentScheduleTime(sched, created, lastSchedule, now);
  let base: number;
  if (r.error !== undefined) base = now;
  else if (r.mostRecent !== undefined) base = r.mostRecent;
  else base = r.missed === "none" ? r.earliest : now;
  const next = sched.next(base);
  // A schedule with no future activation is looked at again in a day rather than never.
  return next === undefined ? 86_400_000 : next + NEXT_SCHEDULE_DELTA_MS - now;
}
