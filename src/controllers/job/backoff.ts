/**
 * The Job pod-failure back-off (pkg/controller/job/backoff_utils.go): after consecutive pod
 * failures, replacement pods wait 10 s, 20 s, 40 s … capped at 10 minutes, counted from the moment
 * the last failed pod finished. A success resets the count.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { Millis } from "../../clock/time";
import { podCondition } from "../pod-util";

/** DefaultJobPodFailureBackOff. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff (the docs say six minutes; the v1.36 code says ten). */
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime?: Millis;
}

export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0 };

/** Parses the API's timestamps into virtual time. */
export type ParseTime = (ts: string | undefined) => Millis | undefined;

/**
 * getFinishedTime: the latest container finishedAt when every container terminated, else the
 * Ready=False transition, else deletionTimestamp minus grace, else creation.
 */
export function podFinishedTime(pod: Pod, parse: ParseTime): Millis {
  let latest: Millis | undefined;
  let allTerminated = (pod.status?.containerStatuses ?? []).length > 0;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const t = parse(cs.state?.terminated?.finishedAt);
    if (t === undefined) {
      allTerminated = false;
      break;
    }
    if (latest === undefined || t > latest) latest = t;
  }
  if (allTerminated && latest !== undefined) return latest;
  const ready = podCondition(pod, "Ready");
  if (ready?.status === "False") {
    const t = parse(ready.lastTransitionTime);
    if (t !== undefined) return t;
  }
  const del = parse(pod.metadata?.deletionTimestamp);
  if (del !== undefined) return (del - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000) as Millis;
  return parse(pod.metadata?.creationTimestamp) ?? (0 as Millis);
}

/**
 * newBackoffRecord: folds the pods that finished since the last sync into the record. A success
 * resets the count to the failures that finished after the last success.
 */
export function nextBackoffRecord(prev: BackoffRecord, newSucceeded: readonly Pod[], newFailed: readonly Pod[], parse: ParseTime): BackoffRecord {
  const failedTimes = newFailed.map((p) => podFinishedTime(p, parse)).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return prev;
    return { failuresAfterLastSuccess: prev.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes[failedTimes.length - 1] };
  }
  const lastSuccess = Math.max(...newSucceeded.map((p) => podFinishedTime(p, parse)));
  let failures = 0;
  let lastFailureTime: Millis | undefined;
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    const t = failedTimes[i]!;
    if (t <= lastSuccess) break;
    lastFailureTime ??= t;
    failures++;
  }
  return lastFailureTime === undefined ? { failuresAfterLastSuccess: failures } : { failuresAfterLastSuccess: failures, lastFailureTime };
}

/** The back-off for the n-th consecutive failure: 10 s doubling, capped. */
export function backoffDuration(failures: number): number {
  let d = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_JOB_POD_FAILURE_BACKOFF_MS) return MAX_JOB_POD_FAILURE_BACKOFF_MS;
  }
  return d;
}

/** getRemainingTimeForFailuresCount: ms still to wait before a replacement pod may be created. */
export function remainingBackoff(record: BackoffRecord, now: Millis): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const d = backoffDuration(record.failuresAfterLastSuccess);
  const elapsed = now - record.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
