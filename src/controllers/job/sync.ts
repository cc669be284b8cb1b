/**
 * syncJob (pkg/controller/job/job_controller.go, v1.36): count finished pods, decide whether the
 * Job has failed or completed, create or delete pods (respecting the pod-failure back-off), and
 * write the status.
 *
 * The real controller writes status in several steps (uncountedTerminatedPods, then the counters
 * once the tracking finalizers are gone, then the terminal condition); here one sync removes the
 * finalizers first and writes the final status once, so status.uncountedTerminatedPods is always
 * empty between syncs. The terminal condition is still preceded by FailureTarget /
 * SuccessCriteriaMet and waits for terminating pods, as with the JobManagedBy and
 * JobPodReplacementPolicy gates on.
 */
import type { Job, JobCondition, JobStatus } from "kubernetes-types/batch/v1";
import type { Pod } from "kubernetes-types/core/v1";
import type { Recorder } from "../../api/events";
import type { Stored } from "../../api/types";
import type { Millis } from "../../clock/time";
import { done, type ReconcileResult } from "../../runtime/controller";
import type { ComponentContext } from "../../sim/component";
import { compareActivePods, isControlledBy, isPodActive, isPodReady, podFromTemplate } from "../pod-util";
import { nextBackoffRecord, remainingBackoff, NO_BACKOFF, type BackoffRecord } from "./backoff";
import {
  COMPLETION_INDEX_ANNOTATION, COMPLETION_INDEX_ENV, completionIndex, duplicatedIndexPods, firstPendingIndexes,
  generateNameWithIndex, hasIndex, intervalsString, isIndexedJob, parseIntervals, UNKNOWN_INDEX, withIndexes, type Intervals,
} from "./indexed";
import { matchPodFailurePolicy } from "./pod-failure-policy";
import { DEFAULT_BACKOFF_LIMIT, findCondition, hasTrackingFinalizer, JOB_TRACKING_FINALIZER } from "./util";

/** syncJobBatchPeriod: pod events and status updates are batched into one sync a second later. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface JobSyncDeps {
  readonly ctx: ComponentContext;
  readonly rec: Recorder;
  /** The controller's in-memory podBackoffStore, by job key. */
  readonly backoffs: Map<string, BackoffRecord>;
}

interface Cond {
  type: string;
  reason: string;
  message: string;
}

/** State of one sync, as upstream's syncJobCtx. */
interface SyncCtx {
  readonly job: Stored<"Job">;
  readonly key: string;
  readonly pods: Stored<"Pod">[];
  activePods: Stored<"Pod">[];
  active: number;
  ready: number;
  terminating: number;
  succeeded: number;
  succeededIndexes: Intervals;
  record: BackoffRecord;
  requeue: number[];
}

const isTerminal = (p: Pod): boolean => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

/** podReplacementPolicy Failed (or a podFailurePolicy): replacements wait until a pod is fully terminated. */
function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === "Failed" || job.spec?.podFailurePolicy !== undefined;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return p.metadata?.deletionTimestamp !== undefined && p.status?.phase !== "Succeeded";
}

/** The Job's completions as the API server defaults them (both unset ⇒ 1; parallelism alone ⇒ work queue). */
function completionsOf(job: Job): number | undefined {
  return job.spec?.completions ?? (job.spec?.parallelism === undefined ? 1 : undefined);
}

export function syncJob(deps: JobSyncDeps, job: Stored<"Job">, key: string): ReconcileResult {
  const { ctx } = deps;
  const now = ctx.now();
  const spec = job.spec!;
  const status: JobStatus = job.status ?? {};
  const suspended = spec.suspend === true;
  const indexed = isIndexedJob(job);
  const completions = completionsOf(job);
  const validIndex = (p: Pod): boolean => !indexed || (completionIndex(p) !== UNKNOWN_INDEX && completionIndex(p) < (completions ?? 0));

  const pods = ctx.store.list("Pod", job.metadata.namespace).filter((p) => isControlledBy(p, job.metadata.uid));
  const activePods = pods.filter(isPodActive);
  const newSucceeded = pods.filter((p) => hasTrackingFinalizer(p) && validIndex(p) && p.status?.phase === "Succeeded");
  const newFailed = pods.filter((p) => hasTrackingFinalizer(p) && validIndex(p) && isPodFailed(p, job));
  const s: SyncCtx = {
    job, key, pods, activePods,
    active: activePods.length,
    ready: activePods.filter(isPodReady).length,
    terminating: pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length,
    succeeded: (status.succeeded ?? 0) + newSucceeded.length,
    succeededIndexes: [],
    record: nextBackoffRecord(deps.backoffs.get(key) ?? NO_BACKOFF, newSucceeded, newFailed, ctx.fromTimestamp),
    requeue: [],
  };
  const failed = (status.failed ?? 0) + newFailed.filter((p) => matchPodFailurePolicy(spec.podFailurePolicy, p).countFailed).length;
  let startTime = status.startTime;
  if (!startTime && !suspended) startTime = ctx.timestamp(now);

  let finished: Cond | undefined = trueCondition(job, "SuccessCriteriaMet");
  if (!finished) {
    const target = trueCondition(job, "FailureTarget");
    if (target) finished = { ...target, type: "Failed" };
    else {
      const msg = failJobMessage(job, pods);
      if (msg) finished = { type: "FailureTarget", reason: "PodFailurePolicy", message: msg };
    }
  }
  if (!finished) {
    const deadlineMs = spec.activeDeadlineSeconds !== undefined ? spec.activeDeadlineSeconds * 1000 : undefined;
    const started = ctx.fromTimestamp(startTime);
    if (failed > (spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT) || pastBackoffLimitOnFailure(job, pods)) {
      finished = { type: "FailureTarget", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" };
    } else if (deadlineMs !== undefined && started !== undefined && !suspended && now - started >= deadlineMs) {
      finished = { type: "FailureTarget", reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" };
    } else if (deadlineMs !== undefined && started !== undefined && !suspended) {
      s.requeue.push(deadlineMs - (now - started));
    }
  }

  let prevSucceededIndexes: Intervals = [];
  if (indexed) {
    prevSucceededIndexes = parseIntervals(status.completedIndexes, completions ?? 0);
    s.succeededIndexes = withIndexes(prevSucceededIndexes, newSucceeded.map(completionIndex));
    s.succeeded = s.succeededIndexes.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
  }

  const conditions: JobCondition[] = (status.conditions ?? []).map((c) => ({ ...c }));
  const ts = ctx.timestamp(now);
  if (finished) {
    deletePods(deps, s, activePods, false);
  } else {
    let manageCalled = false;
    if (!job.metadata.deletionTimestamp) {
      s.active = manageJob(deps, s, completions, suspended);
      manageCalled = true;
    }
    const complete = completions === undefined ? s.succeeded > 0 && s.active === 0 : s.succeeded >= completions && s.active === 0;
    if (complete) {
      finished = { type: "SuccessCriteriaMet", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" };
    } else if (manageCalled) {
      if (suspended) {
        if (ensureCondition(conditions, "Suspended", "True", "JobSuspended", "Job suspended", ts)) deps.rec.event(job, "Normal", "Suspended", "Job suspended");
      } else if (ensureCondition(conditions, "Suspended", "False", "JobResumed", "Job resumed", ts)) {
        deps.rec.event(job, "Normal", "Resumed", "Job resumed");
        // A resumed Job's activeDeadlineSeconds counts from the resume.
        startTime = ts;
      }
    }
  }

  // trackJobStatusAndRemoveFinalizers: count each finished pod once, then release it.
  const successFinish = finished?.type === "SuccessCriteriaMet";
  let addSucceeded = 0;
  let addFailed = 0;
  const newSucceededIndexes: number[] = [];
  const ordered = indexed ? [...pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : pods;
  const release: Stored<"Pod">[] = [];
  for (const p of ordered) {
    if (!hasTrackingFinalizer(p)) continue;
    const considerFailed = isPodFailed(p, job);
    if (!(job.metadata.deletionTimestamp || finished || p.status?.phase === "Succeeded" || considerFailed)) continue;
    release.push(p);
    const ix = completionIndex(p);
    if (p.status?.phase === "Succeeded") {
      if (!indexed) addSucceeded++;
      else if (ix !== UNKNOWN_INDEX && ix < (completions ?? 0) && !hasIndex(prevSucceededIndexes, ix)) newSucceededIndexes.push(ix);
    } else if (considerFailed || (finished && !successFinish)) {
      if (!indexed || (ix !== UNKNOWN_INDEX && ix < (completions ?? 0))) {
        if (matchPodFailurePolicy(spec.podFailurePolicy, p).countFailed) addFailed++;
      }
    }
  }
  for (const p of release) removeTrackingFinalizer(ctx, p);

  if (finished?.type === "FailureTarget") {
    conditions.push(newCondition(finished, ts));
    finished = { ...finished, type: "Failed" };
  }
  if (finished?.type === "SuccessCriteriaMet") {
    if (!conditions.some((c) => c.type === "SuccessCriteriaMet")) conditions.push(newCondition(finished, ts));
    finished = { ...finished, type: "Complete" };
  }
  let completionTime = status.completionTime;
  const finishNow = finished !== undefined && s.terminating === 0;
  if (finishNow) {
    ensureCondition(conditions, finished!.type, "True", finished!.reason, finished!.message, ts);
    if (finished!.type === "Complete") completionTime = ts;
  }

  const next: JobStatus = {
    ...status,
    startTime,
    conditions: conditions.length ? conditions : undefined,
    active: s.active || undefined,
    ready: s.ready,
    terminating: s.terminating,
    succeeded: (indexed ? withIndexes(s.succeededIndexes, newSucceededIndexes).reduce((n, iv) => n + iv.last - iv.first + 1, 0) : (status.succeeded ?? 0) + addSucceeded) || undefined,
    failed: (status.failed ?? 0) + addFailed || undefined,
    completionTime,
    uncountedTerminatedPods: {},
  };
  if (indexed) next.completedIndexes = intervalsString(withIndexes(s.succeededIndexes, newSucceededIndexes)) || undefined;
  writeStatus(ctx, job, next);
  deps.backoffs.set(key, s.record);

  if (finishNow) {
    if (finished!.type === "Complete") {
      if (completions !== undefined && (next.succeeded ?? 0) > completions) {
        deps.rec.event(job, "Warning", "TooManySucceededPods", "Too many succeeded pods running after completion count reached");
      }
      deps.rec.event(job, "Normal", "Completed", "Job completed");
    } else {
      deps.rec.event(job, "Warning", finished!.reason, finished!.message);
    }
  }
  return s.requeue.length ? { requeueAfter: Math.max(0, Math.min(...s.requeue)) } : done;
}

/** manageJob: the number of active pods after creating or deleting towards the wanted count. */
function manageJob(deps: JobSyncDeps, s: SyncCtx, completions: number | undefined, suspended: boolean): number {
  const { job } = s;
  const parallelism = job.spec?.parallelism ?? 1;
  if (suspended) {
    deletePods(deps, s, podsForRemoval(job, s.activePods, s.active, completions), true);
    return s.active;
  }
  let want: number;
  if (completions === undefined) want = s.succeeded > 0 ? s.active : parallelism;
  else want = Math.max(0, Math.min(completions - s.succeeded, parallelism));

  const rm = podsForRemoval(job, s.activePods, Math.max(0, s.active - want), completions).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (rm.length > 0) {
    deletePods(deps, s, rm, true);
    return s.active;
  }
  const terminating = onlyReplaceFailedPods(job) ? s.terminating : 0;
  let diff = want - terminating - s.active;
  if (diff <= 0) return s.active;
  const remaining = remainingBackoff(s.record, deps.ctx.now());
  if (remaining > 0) {
    s.requeue.push(Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS));
    // Upstream returns 0 active pods here, and the status shows it.
    return 0;
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] = [];
  if (isIndexedJob(job)) {
    const taken = s.activePods.map(completionIndex);
    if (onlyReplaceFailedPods(job)) taken.push(...s.pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).map(completionIndex));
    indexes = firstPendingIndexes(s.succeededIndexes, taken.filter((i) => i !== UNKNOWN_INDEX), diff, completions ?? 0);
    diff = indexes.length;
  }
  for (let i = 0; i < diff; i++) {
    if (createJobPod(deps, job, isIndexedJob(job) ? indexes[i] : undefined)) s.active++;
  }
  return s.active;
}

function createJobPod(deps: JobSyncDeps, job: Stored<"Job">, index: number | undefined): boolean {
  const template = structuredClone(job.spec!.template);
  const meta = (template.metadata ??= {});
  meta.finalizers = [...(meta.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER), JOB_TRACKING_FINALIZER];
  let generateName: string | undefined;
  if (index !== undefined) {
    meta.annotations = { ...meta.annotations, [COMPLETION_INDEX_ANNOTATION]: String(index) };
    meta.labels = { ...meta.labels, [COMPLETION_INDEX_ANNOTATION]: String(index) };
    const podSpec = template.spec!;
    for (const c of [...(podSpec.initContainers ?? []), ...podSpec.containers]) {
      if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) continue;
      c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX_ANNOTATION}']` } } }];
    }
    podSpec.hostname = `${job.metadata.name}-${index}`;
    generateName = generateNameWithIndex(job.metadata.name, index);
  }
  const pod = podFromTemplate(template, job, generateName ? { generateName } : {});
  const res = deps.ctx.store.create("Pod", pod);
  if (!res.ok) {
    deps.rec.event(job, "Warning", "FailedCreate", `Error creating: ${res.message}`);
    return false;
  }
  deps.rec.event(job, "Normal", "SuccessfulCreate", `Created pod: ${res.object.metadata.name}`);
  return true;
}

/** activePodsForRemoval: duplicated or invalid indexes first, then the ActivePods order. */
function podsForRemoval(job: Job, pods: readonly Stored<"Pod">[], atLeast: number, completions: number | undefined): Stored<"Pod">[] {
  let rm: Stored<"Pod">[] = [];
  let left: Stored<"Pod">[] = [...pods];
  if (isIndexedJob(job)) {
    const split = duplicatedIndexPods(pods, completions ?? 0);
    rm = split.rm as Stored<"Pod">[];
    left = split.left as Stored<"Pod">[];
  }
  if (rm.length < atLeast) rm.push(...left.sort(compareActivePods).slice(0, atLeast - rm.length));
  return rm;
}

/**
 * deleteJobPods (release: drop the tracking finalizer first, for suspension and scale-down) or
 * deleteActivePods (keep it, for a finished Job: the pods are counted as they go).
 */
function deletePods(deps: JobSyncDeps, s: SyncCtx, pods: readonly Stored<"Pod">[], release: boolean): void {
  for (const p of pods) {
    if (release) removeTrackingFinalizer(deps.ctx, p);
    const res = deps.ctx.store.delete("Pod", p.metadata.namespace, p.metadata.name);
    if (!res.ok && res.reason !== "NotFound") {
      deps.rec.event(s.job, "Warning", "FailedDelete", `Error deleting: ${res.message}`);
      continue;
    }
    deps.rec.event(s.job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
    s.active--;
    s.terminating++;
    if (isPodReady(p)) s.ready--;
  }
}

export function removeTrackingFinalizer(ctx: ComponentContext, p: Stored<"Pod">): void {
  ctx.store.mutate("Pod", p.metadata.namespace, p.metadata.name, (d) => {
    if (d.metadata.uid !== p.metadata.uid || !hasTrackingFinalizer(d)) return false;
    const rest = d.metadata.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER);
    if (rest.length) d.metadata.finalizers = rest;
    else delete d.metadata.finalizers;
  });
}

/** pastBackoffLimitOnFailure: restartPolicy OnFailure counts container restarts of live pods. */
function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const cs of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function failJobMessage(job: Job, pods: readonly Pod[]): string | undefined {
  if (!job.spec?.podFailurePolicy) return undefined;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p);
    if (m.failJobMessage) return m.failJobMessage;
  }
  return undefined;
}

function trueCondition(job: Job, type: string): Cond | undefined {
  const c = findCondition(job, type);
  return c?.status === "True" ? { type, reason: c.reason ?? "", message: c.message ?? "" } : undefined;
}

function newCondition(c: Cond, ts: string): JobCondition {
  return { type: c.type, status: "True", lastProbeTime: ts, lastTransitionTime: ts, reason: c.reason, message: c.message };
}

/** ensureJobConditionStatus: sets or updates the condition; a False condition is never added fresh. True when changed. */
function ensureCondition(list: JobCondition[], type: string, status: string, reason: string, message: string, ts: string): boolean {
  const i = list.findIndex((c) => c.type === type);
  const next: JobCondition = { type, status, lastProbeTime: ts, lastTransitionTime: ts, reason, message };
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === status && c.reason === reason && c.message === message) return false;
    list[i] = next;
    return true;
  }
  if (status === "False") return false;
  list.push(next);
  return true;
}

function writeStatus(ctx: ComponentContext, job: Stored<"Job">, next: JobStatus): void {
  const clean = JSON.parse(JSON.stringify(next)) as JobStatus;
  ctx.store.mutate("Job", job.metadata.namespace, job.metadata.name, (j) => {
    if (j.metadata.uid !== job.metadata.uid) return false;
    j.status = clean;
  });
}

export type { Millis };
