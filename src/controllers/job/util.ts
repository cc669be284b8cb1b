/**
 * Job facts shared by the Job, CronJob and TTL controllers: names, labels, finished-ness, and the
 * API server's Job defaulting that needs the Job's uid (a generated selector).
 */
import type { Job, JobCondition } from "kubernetes-types/batch/v1";
import type { Pod } from "kubernetes-types/core/v1";

export const JOB_CONTROLLER = "job-controller";
/** batch.JobTrackingFinalizer: kept on every Job pod until the controller has counted it. */
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
export const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
const LEGACY_JOB_NAME_LABEL = "job-name";
const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
/** SetDefaults_Job: backoffLimit when neither it nor backoffLimitPerIndex is set. */
export const DEFAULT_BACKOFF_LIMIT = 6;

export function findCondition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** getFinishedStatus: the Complete or Failed condition that is True, if any. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return pod.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

/**
 * The Job strategy's generateSelector (pkg/registry/batch/job/strategy.go): unless manualSelector,
 * the selector is the Job's uid and the pod template carries the uid and name labels (current and
 * legacy keys); SetDefaults_Job gives a Job without labels its template's labels. Returns the
 * fields to write, or undefined when the Job already has them.
 */
export function generatedSelector(job: Job): { selector: NonNullable<Job["spec"]>["selector"]; templateLabels: Record<string, string>; jobLabels?: Record<string, string> } | undefined {
  if (!job.spec || job.spec.manualSelector || job.spec.selector) return undefined;
  const uid = job.metadata?.uid ?? "";
  const name = job.metadata?.name ?? "";
  const templateLabels = {
    ...job.spec.template?.metadata?.labels,
    [CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [LEGACY_JOB_NAME_LABEL]: name,
  };
  // Labels copied from the template by defaulting follow it (upstream shares the map, and defaults
  // again on every read), so they gain the generated labels too.
  const own = job.metadata?.labels ?? {};
  const copied = JSON.stringify(own) === JSON.stringify(job.spec.template?.metadata?.labels ?? {});
  const hasLabels = Object.keys(own).length > 0 && !copied;
  return {
    selector: { matchLabels: { [CONTROLLER_UID_LABEL]: uid } },
    templateLabels,
    ...(hasLabels ? {} : { jobLabels: { ...templateLabels } }),
  };
}
