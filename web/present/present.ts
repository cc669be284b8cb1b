/**
 * Instructor mode's logic, free of React: which key does what (a presenter's remote sends
 * PageDown / PageUp, and arrow keys), and the trail of positions stepped through so that "back"
 * returns to where the class just was.
 */
export type PresentKey = "forward" | "back" | "laser" | "exit";

/** The key's meaning in presentation mode, unless focus is somewhere that types. */
export function presentKey(key: string, typing: boolean): PresentKey | undefined {
  if (key === "Escape") return "exit";
  if (typing) return undefined;
  switch (key) {
    case "PageDown":
    case "ArrowRight":
    case "ArrowDown":
      return "forward";
    case "PageUp":
    case "ArrowLeft":
    case "ArrowUp":
      return "back";
    case "l":
    case "L":
      return "laser";
    default:
      return undefined;
  }
}

/** Virtual times visited by "forward", newest last; "back" seeks to the newest one and drops it. */
export const TRAIL_LIMIT = 500;

export function pushTrail(trail: readonly number[], time: number): number[] {
  return trail.at(-1) === time ? [...trail] : [...trail, time].slice(-TRAIL_LIMIT);
}

export function popTrail(trail: readonly number[]): { trail: number[]; time: number | undefined } {
  return { trail: trail.slice(0, -1), time: trail.at(-1) };
}

/** Reasons offered for "predict, then run": the ones this cluster has produced first, then common ones. */
export const COMMON_REASONS = [
  "Scheduled", "FailedScheduling", "Pulling", "Pulled", "Created", "Started", "Killing", "Unhealthy", "BackOff",
  "SuccessfulCreate", "SuccessfulDelete", "ScalingReplicaSet", "Evicted", "Preempted", "NodeNotReady", "Completed", "SawCompletedJob",
] as const;

export function reasonChoices(seen: Iterable<string>): string[] {
  const out: string[] = [];
  for (const r of seen) if (!out.includes(r)) out.push(r);
  for (const r of COMMON_REASONS) if (!out.includes(r)) out.push(r);
  return out;
}
