/** Playback choices and the virtual clock's display. */

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

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
