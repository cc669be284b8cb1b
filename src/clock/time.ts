/**
 * Virtual time. The engine counts whole milliseconds since the scenario started (t = 0), so that
 * repeated additions never drift; public surfaces (CLI JSON, the engine API) speak seconds.
 */
export type Millis = number & { readonly __unit: "ms" };

export const ms = (n: number): Millis => Math.round(n) as Millis;
export const seconds = (s: number): Millis => Math.round(s * 1000) as Millis;
export const toSeconds = (t: Millis): number => t / 1000;

/** Virtual time 0 is a fixed instant on a whole minute unless the Scenario says otherwise. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0);

/** RFC 3339 timestamp (second precision, as the API server writes) of a virtual instant. */
export function timestamp(epochMs: number, t: Millis): string {
  return new Date(epochMs + Math.floor(t / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parses the API's RFC 3339 timestamps back to virtual time. Undefined if absent or malformed. */
export function fromTimestamp(epochMs: number, ts: string | undefined): Millis | undefined {
  if (!ts) return undefined;
  const v = Date.parse(ts);
  return Number.isNaN(v) ? undefined : ((v - epochMs) as Millis);
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;

/**
 * Parses a Go-style duration ("90s", "1m30s", "2h", "500ms") or a bare number of seconds.
 * Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string | number): Millis | undefined {
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? seconds(text) : undefined;
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return seconds(Number(s));
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(DURATION_PART)) {
    const n = Number(m[1]);
    switch (m[2]) {
      case "h": total += n * 3_600_000; break;
      case "m": total += n * 60_000; break;
      case "s": total += n * 1000; break;
      case "ms": total += n; break;
    }
  }
  return ms(total);
}
