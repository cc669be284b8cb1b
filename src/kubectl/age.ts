/**
 * Human-readable durations exactly as kubectl prints them (AGE, LAST SEEN, DURATION, "(45s ago)").
 * Port of k8s.io/apimachinery/pkg/util/duration `HumanDuration` and of the printers'
 * `translateTimestampSince`, on the virtual clock instead of time.Since.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * `duration.HumanDuration`: ~2–3 significant figures ("45s", "3m12s", "10m", "2d3h", "5d", "2y30d").
 * Up to 2 s in the future is treated as clock skew ("0s"); further is "<invalid>".
 */
export function formatAge(ms: number): string {
  // Go truncates toward zero: int(d.Seconds()).
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Unix milliseconds of an RFC 3339 timestamp; undefined when absent or unparsable. */
export function parseTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const v = Date.parse(ts);
  return Number.isNaN(v) ? undefined : v;
}

/** `translateTimestampSince`: the age of a timestamp at `nowMs`, "<unknown>" when it is missing. */
export function ageSince(ts: string | undefined | null, nowMs: number): string {
  const t = parseTimestamp(ts);
  return t === undefined ? "<unknown>" : formatAge(nowMs - t);
}
