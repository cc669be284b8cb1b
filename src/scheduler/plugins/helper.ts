/**
 * Helpers shared by plugins (pkg/scheduler/framework/plugins/helper).
 */
import { MAX_NODE_SCORE } from "../types";

/**
 * DefaultNormalizeScore: scales scores so the highest becomes `max` (all zero stays zero, or
 * becomes `max` everywhere when `reverse`); with `reverse`, a high raw score becomes a low one.
 * Integer arithmetic as in Go.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((max * scores[i]!) / maxCount);
    if (reverse) s = max - s;
    scores[i] = s;
  }
}

/** Go's integer division of non-negative or mixed-sign int64 values (truncates toward zero). */
export const idiv = (a: number, b: number): number => Math.trunc(a / b);
