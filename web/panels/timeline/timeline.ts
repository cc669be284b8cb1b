/** Playback choices, the virtual clock's display, and the scrubber's arithmetic. */
import { forEachMarker, type Markers } from "../../state/markers";

/** Speeds offered, in virtual seconds per wall second (the engine accepts 0.5× to 1000×). */
export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 100, 1000] as const;

/** Virtual seconds as a reader wants them: "12.0s", "2m 05.0s", "1h 02m 05.0s". */
export function formatVirtualTime(seconds: number): string {
  const tenths = Math.floor(Math.max(0, seconds) * 10 + 1e-6);
  const s = (tenths % 600) / 10;
  const totalMinutes = Math.floor(tenths / 600);
  const m = totalMinutes % 60;
  const h = Math.floor(totalMinutes / 60);
  const sec = s.toFixed(1);
  if (h > 0) return `${h}h ${pad2(m)}m ${sec.padStart(4, "0")}s`;
  if (totalMinutes > 0) return `${m}m ${sec.padStart(4, "0")}s`;
  return `${sec}s`;
}

/** A short tick label: "0s", "45s", "2m", "1m30s", "1h5m". */
export function formatTick(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

const NICE_ENDS = [10, 20, 30, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * The scrubber's end: the furthest time known (the horizon, or now) with a little room to run
 * forward, rounded up to a round number of seconds or minutes.
 */
export function scrubberEnd(horizon: number, time: number): number {
  const known = Math.max(horizon, time) * 1.1;
  for (const end of NICE_ENDS) if (end >= known) return end;
  return Math.ceil(known / 86400) * 86400;
}

/** Tick positions for a scrubber ending at `end`: about five, on round values. */
export function ticks(end: number): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200];
  const step = steps.find((s) => end / s <= 6) ?? Math.ceil(end / 6);
  const out: number[] = [];
  for (let x = 0; x <= end + 1e-9; x += step) out.push(x);
  return out;
}

/** Time under a pointer at `fraction` (0–1) of the track, on tenths of a second. */
export function timeAt(fraction: number, end: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * end * 10) / 10;
}

export interface MarkerBins {
  normal: number[];
  warning: number[];
}

/** Event counts per bin: `bins` equal slices of [0, end]. */
export function binMarkers(markers: Markers, end: number, bins: number): MarkerBins {
  const normal = new Array<number>(bins).fill(0);
  const warning = new Array<number>(bins).fill(0);
  if (end <= 0 || bins <= 0) return { normal, warning };
  forEachMarker(markers, (m) => {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((m.time / end) * bins)));
    if (m.warning) warning[i]!++;
    else normal[i]!++;
  });
  return { normal, warning };
}
