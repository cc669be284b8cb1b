/**
 * The syntax check a CronJob's schedule goes through: robfig/cron v3 ParseStandard (five fields or
 * an @descriptor), with its error wording, which the API server returns as
 * `spec.schedule: Invalid value: "<schedule>": <error>`.
 */
import { parseDuration } from "../clock/time";

interface Bounds { min: number; max: number; names?: readonly string[] }

const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** mustParseInt / parseIntOrName. */
function parseIntOrName(expr: string, b: Bounds): number | string {
  const byName = b.names?.indexOf(expr.toLowerCase()) ?? -1;
  if (byName >= 0) return byName + b.min;
  if (!/^[+-]?\d+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  const n = Number(expr);
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

/** getRange: one comma-separated part of a field. */
function rangeError(expr: string, b: Bounds): string | undefined {
  const [lowAndHigh = "", step, ...moreSlashes] = expr.split("/");
  if (moreSlashes.length > 0) return `too many slashes: ${expr}`;
  const parts = lowAndHigh.split("-");
  let start: number;
  let end: number;
  if (parts[0] === "*" || parts[0] === "?") {
    if (parts.length > 1) return `too many hyphens: ${expr}`;
    start = b.min;
    end = b.max;
  } else {
    if (parts.length > 2) return `too many hyphens: ${expr}`;
    const s = parseIntOrName(parts[0]!, b);
    if (typeof s === "string") return s;
    const e = parts.length === 2 ? parseIntOrName(parts[1]!, b) : s;
    if (typeof e === "string") return e;
    start = s;
    end = e;
  }
  if (step !== undefined) {
    const n = parseIntOrName(step, { min: 0, max: 0 });
    if (typeof n === "string") return n;
    if (n <= 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

/** Undefined when the schedule parses; otherwise the parser's error. */
export function cronScheduleError(schedule: string): string | undefined {
  const spec = schedule.trim();
  if (spec.length === 0) return "empty spec string";
  if (spec.startsWith("@")) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith("@every ")) {
      return parseDuration(spec.slice("@every ".length)) === undefined ? `failed to parse duration ${spec}` : undefined;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
  for (let i = 0; i < 5; i++) {
    for (const part of fields[i]!.split(",")) {
      const err = rangeError(part, FIELDS[i]!);
      if (err) return err;
    }
  }
  return undefined;
}
