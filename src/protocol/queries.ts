/**
 * The answers to the UI's read-only questions about the live cluster that its mirror of the
 * objects cannot answer by itself: the scheduler's recorded attempts and the "why?" explanations
 * (src/explain), computed by the worker at the current instant.
 */
import type { EvictionExplanation, NotReadyExplanation, RolloutExplanation } from "../explain";
import type { ScheduleAttempt } from "../scheduler/explain";

export interface ExplainReport {
  /** The scheduler's attempts for a pod, oldest first (empty for other kinds, or a pod bound by nodeName). */
  attempts: ScheduleAttempt[];
  /** For a pod: why it is not Ready (or that it is). */
  notReady?: NotReadyExplanation;
  /** For a pod: why it was evicted (cause "not-evicted" when it was not). */
  eviction?: EvictionExplanation;
  /** For a Deployment: why its rollout is waiting. */
  rollout?: RolloutExplanation | { error: string };
  /** Set when no scenario is loaded. */
  error?: string;
}
