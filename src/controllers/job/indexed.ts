/**
 * Indexed Jobs (pkg/controller/job/indexed_job_utils.go): each pod carries a completion index;
 * the Job's status.completedIndexes lists the succeeded ones as ordered intervals ("0-2,4,6,7").
 */
import type { Job } from "kubernetes-types/batch/v1";
import type { Pod } from "kubernetes-types/core/v1";
import { compareActivePods } from "../pod-util";

export const COMPLETION_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
export const COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
export const UNKNOWN_INDEX = -1;
/** names.MaxGeneratedNameLength: the longest generateName the API server keeps. */
const MAX_GENERATED_NAME_LENGTH = 58;

export interface Interval {
  readonly first: number;
  readonly last: number;
}

export type Intervals = readonly Interval[];

export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === "Indexed";
}

/** getCompletionIndex: the annotation as a non-negative integer, else UNKNOWN_INDEX. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_INDEX;
  const i = Number(v);
  return i < 0 ? UNKNOWN_INDEX : i;
}

/** parseIndexesFromString: "1,3-5" → intervals, ignoring bad parts and indexes ≥ completions. */
export function parseIntervals(text: string | undefined, completions: number): Interval[] {
  const out: Interval[] = [];
  if (!text) return out;
  for (const part of text.split(",")) {
    const [a, b] = part.split("-");
    const first = Number(a);
    if (!/^\d+$/.test(a ?? "") || first >= completions) continue;
    let last = first;
    if (b !== undefined) {
      if (!/^\d+$/.test(b)) continue;
      last = Math.min(Number(b), completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) out[out.length - 1] = { first: prev.first, last };
    else out.push({ first, last });
  }
  return out;
}

/** withOrderedIndexes: the union of the intervals and the (sorted) indexes. */
export function withIndexes(intervals: Intervals, indexes: readonly number[]): Interval[] {
  const all = [...intervals.map((iv) => ({ ...iv })), ...indexes.map((i) => ({ first: i, last: i }))].sort((x, y) => x.first - y.first);
  const out: Interval[] = [];
  for (const iv of all) {
    const prev = out[out.length - 1];
    if (prev && prev.last >= iv.first - 1) {
      if (iv.last > prev.last) out[out.length - 1] = { first: prev.first, last: iv.last };
    } else out.push(iv);
  }
  return out;
}

export function totalOf(intervals: Intervals): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

export function hasIndex(intervals: Intervals, ix: number): boolean {
  return intervals.some((iv) => iv.first <= ix && ix <= iv.last);
}

/** orderedIntervals.String: two consecutive indexes print as "a,b", longer runs as "a-b". */
export function intervalsString(intervals: Intervals): string {
  return intervals.map((iv) => (iv.last > iv.first ? `${iv.first}${iv.last === iv.first + 1 ? "," : "-"}${iv.last}` : `${iv.first}`)).join(",");
}

/** firstPendingIndexes: the lowest `count` indexes below `completions` neither succeeded nor in `taken`. */
export function firstPendingIndexes(succeeded: Intervals, taken: readonly number[], count: number, completions: number): number[] {
  const nonPending = withIndexes(succeeded, taken);
  const out: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without an index or out of range, and all but one pod
 * of each repeated index (the best by ActivePods order is kept), go to `rm`.
 */
export function duplicatedIndexPods(pods: readonly Pod[], completions: number): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const left: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === UNKNOWN_INDEX || ix >= completions) {
      rm.push(p);
      continue;
    }
    const list = byIndex.get(ix) ?? [];
    list.push(p);
    byIndex.set(ix, list);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const same = [...byIndex.get(ix)!].sort(compareActivePods);
    rm.push(...same.slice(0, -1));
    left.push(same[same.length - 1]!);
  }
  return { rm, left };
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix stays within 58 characters. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}
