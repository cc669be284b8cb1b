/**
 * The rows of the event list, as `kubectl events` prints them: LAST SEEN TYPE REASON OBJECT MESSAGE,
 * oldest first. The engine's event log has one entry per occurrence; like the API server's Event
 * objects, repeats of one event fold into one row whose LAST SEEN reads "5s (x3 over 40s)".
 */
import type { EventRecord } from "../../../src/api/events";
import { formatAge } from "../../../src/kubectl/age";

/** kubectl's column headers (Kubernetes' words: never translated). */
export const EVENT_COLUMNS = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"] as const;

/** The newest rows the list shows. */
export const EVENT_ROW_LIMIT = 200;

export interface EventRow {
  key: string;
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  warning: boolean;
}

interface Folded {
  key: string;
  first: number;
  last: number;
  count: number;
  rec: EventRecord;
}

/** Events carry second-precision timestamps (RFC 3339), so ages count whole virtual seconds. */
function timestampMs(epochMs: number, time: number): number {
  return epochMs + Math.floor(time) * 1000;
}

function dedupKey(e: EventRecord): string {
  const o = e.involvedObject;
  return [e.source, e.host ?? "", o.kind, o.namespace ?? "", o.name, e.type, e.reason, e.message].join("\u0000");
}

/**
 * Folds the log into rows at virtual "now" (`nowMs`, unix ms). A record with count 1 is a new Event
 * object; a higher count updates the latest row of the same event.
 */
export function eventRows(log: readonly EventRecord[], epochMs: number, nowMs: number, limit = EVENT_ROW_LIMIT): EventRow[] {
  const rows: Folded[] = [];
  const latest = new Map<string, Folded>();
  const keysUsed = new Map<string, number>();
  for (const rec of log) {
    const key = dedupKey(rec);
    const at = timestampMs(epochMs, rec.time);
    const open = latest.get(key);
    if (open && rec.count > 1) {
      open.last = at;
      open.count = rec.count;
      open.rec = rec;
      continue;
    }
    // A row's React key stays the same while the log grows or is trimmed at the front.
    const base = `${rec.time}|${key}`;
    const seen = keysUsed.get(base) ?? 0;
    keysUsed.set(base, seen + 1);
    const row: Folded = { key: seen === 0 ? base : `${base}#${seen}`, first: at, last: at, count: rec.count, rec };
    rows.push(row);
    latest.set(key, row);
  }
  // `kubectl events` sorts by last seen; the sort is stable, so equal times keep log order.
  rows.sort((a, b) => a.last - b.last);
  return rows.slice(-limit).map((r) => ({
    key: r.key,
    lastSeen: r.count > 1
      ? `${formatAge(nowMs - r.last)} (x${r.count} over ${formatAge(nowMs - r.first)})`
      : formatAge(nowMs - r.first),
    type: r.rec.type,
    reason: r.rec.reason,
    object: `${r.rec.involvedObject.kind}/${r.rec.involvedObject.name}`,
    message: r.rec.message.trim(),
    warning: r.rec.type === "Warning",
  }));
}
