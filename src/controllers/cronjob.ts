/**
 * The CronJob controller (kube-controller-manager's cronjob-controller, v2:
 * pkg/controller/cronjob/cronjob_controllerv2.go): at each scheduled time it creates a Job named
 * `<cronjob>-<minutes since the epoch>`, honouring concurrencyPolicy, startingDeadlineSeconds,
 * suspend and the history limits, and requeues itself 100 ms after the next activation. Only the
 * most recent missed activation is started. Times inside are unix ms (the scenario's epoch makes
 * them reproducible).
 */
import type { CronJob, CronJobStatus, Job } from "kubernetes-types/batch/v1";
import type { ObjectReference } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import type { Stored } from "../api/types";
import type { Millis } from "../clock/time";
import { Controller, done, keyOf, splitKey, type ControllerSpec, type ReconcileResult } from "../runtime/controller";
import type { Component, ComponentContext } from "../sim/component";
import { isValidTimeZone, mostRecentScheduleTime, nextScheduleDelay, parseSchedule, type Schedule } from "./cronjob-schedule";
import { controllerOf, isControlledBy, newControllerRef } from "./pod-util";
import { finishedCondition } from "./job/util";

export const CRONJOB_CONTROLLER = "cronjob-controller";
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/** SetDefaults_CronJob. */
const DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT = 3;
const DEFAULT_FAILED_JOBS_HISTORY_LIMIT = 1;

export const cronJobControllerFactory = (): Component => new Controller(cronJobControllerSpec());

export function cronJobControllerSpec(): ControllerSpec {
  return {
    name: CRONJOB_CONTROLLER,
    watch(ctx, enqueue, enqueueAfter) {
      ctx.store.watch("CronJob", (ev) => {
        const cj = ev.object;
        if (ev.type === "DELETED") return;
        if (ev.type === "MODIFIED" && ev.old && (ev.old.spec?.schedule !== cj.spec?.schedule || ev.old.spec?.timeZone !== cj.spec?.timeZone)) {
          // updateCronJob: a new schedule requeues for its next activation.
          const parsed = parseSchedule(cj.spec?.schedule ?? "", cj.spec?.timeZone);
          if (!parsed.ok) return;
          const now = unixMs(ctx);
          enqueueAfter(keyOf(cj), nextScheduleDelay(parsed.schedule, created(ctx, cj), lastSchedule(ctx, cj), now));
          return;
        }
        enqueue(keyOf(cj));
      });
      ctx.store.watch("Job", (ev) => {
        const ref = controllerOf(ev.object);
        if (ref?.kind !== "CronJob") return;
        const cj = ctx.store.get("CronJob", ev.object.metadata.namespace, ref.name);
        if (cj && cj.metadata.uid === ref.uid) enqueue(keyOf(cj));
      });
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const cj = ctx.store.get("CronJob", namespace, name);
      if (!cj) return done;
      const rec = ctx.recorder({ component: CRONJOB_CONTROLLER });
      const jobs = ctx.store.list("Job", namespace).filter((j) => controllerOf(j)?.name === cj.metadata.name);
      const status: CronJobStatus = structuredClone(cj.status ?? {});
      const cleaned = cleanupFinishedJobs(ctx, rec, cj, status, jobs);
      const { requeueAfter, update, error } = syncCronJob(ctx, rec, cj, status, jobs);
      if (cleaned || update) {
        const next = JSON.parse(JSON.stringify(status)) as CronJobStatus;
        ctx.store.mutate("CronJob", namespace, name, (d) => {
          if (d.metadata.uid !== cj.metadata.uid) return false;
          d.status = next;
        });
      }
      if (requeueAfter !== undefined) return { requeueAfter: Math.max(0, requeueAfter) };
      return error !== undefined ? { error } : done;
    },
  };
}

interface SyncResult {
  requeueAfter?: number;
  update: boolean;
  error?: string;
}

function syncCronJob(ctx: ComponentContext, rec: Recorder, cj: Stored<"CronJob">, status: CronJobStatus, jobs: Stored<"Job">[]): SyncResult {
  const now = unixMs(ctx);
  let update = false;
  const active = (): ObjectReference[] => (status.active ??= []);
  const inActive = (uid: string) => active().some((r) => r.uid === uid);
  const dropActive = (uid: string | undefined) => {
    status.active = active().filter((r) => r.uid !== uid);
  };

  for (const j of jobs) {
    const finished = finishedCondition(j);
    const found = inActive(j.metadata.uid);
    if (!found && !finished) {
      rec.event(cj, "Warning", "UnexpectedJob", `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
    } else if (found && finished) {
      dropActive(j.metadata.uid);
      rec.event(cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, status: ${finished.type}`);
      update = true;
    } else if (finished?.type === "Complete") {
      const completed = j.status?.completionTime;
      if (completed && (!status.lastSuccessfulTime || completed > status.lastSuccessfulTime)) {
        status.lastSuccessfulTime = completed;
        update = true;
      }
    }
  }
  for (const ref of [...active()]) {
    if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
    if (ctx.store.get("Job", ref.namespace, ref.name ?? "")) continue;
    rec.event(cj, "Normal", "MissingJob", `Active job went missing: ${ref.name}`);
    dropActive(ref.uid);
    update = true;
  }
  if (status.active?.length === 0) delete status.active;

  if (cj.metadata.deletionTimestamp) return { update };
  const spec = cj.spec!;
  if (spec.timeZone !== undefined && !isValidTimeZone(spec.timeZone)) {
    rec.event(cj, "Warning", "UnknownTimeZone", `invalid timeZone: "${spec.timeZone}": unknown time zone ${spec.timeZone}`);
    return { update };
  }
  if (spec.suspend) return { update };
  if (spec.schedule.includes("TZ")) {
    rec.event(cj, "Warning", "UnsupportedSchedule", `CRON_TZ or TZ used in schedule "${spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
  }
  const parsed = parseSchedule(spec.schedule, spec.schedule.includes("TZ") ? undefined : spec.timeZone);
  if (!parsed.ok) {
    rec.event(cj, "Warning", "UnparseableSchedule", `unparseable schedule: "${spec.schedule}" : ${parsed.error}`);
    return { update };
  }
  const sched = parsed.schedule;
  const createdAt = created(ctx, cj);
  const requeue = () => nextScheduleDelay(sched, createdAt, unixOf(ctx, status.lastScheduleTime), now);

  // nextScheduleTime: the most recent unmet activation, within startingDeadlineSeconds.
  const recent = mostRecentScheduleTime(sched, createdAt, unixOf(ctx, status.lastScheduleTime), now, spec.startingDeadlineSeconds);
  const scheduled = recent.mostRecent !== undefined && recent.mostRecent <= now ? recent.mostRecent : undefined;
  if (scheduled !== undefined && recent.missed === "many") {
    rec.event(cj, "Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
  }
  if (recent.error !== undefined && scheduled === undefined) {
    rec.event(cj, "Warning", "InvalidSchedule", `invalid schedule: ${spec.schedule} : ${recent.error}`);
    return { update };
  }
  if (scheduled === undefined) return { requeueAfter: requeue(), update };

  if (spec.startingDeadlineSeconds !== undefined && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
    rec.event(cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    return { requeueAfter: requeue(), update };
  }
  const jobName = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
  if (active().some((r) => r.name === jobName && r.namespace === cj.metadata.namespace) || unixOf(ctx, status.lastScheduleTime) === scheduled) {
    return { requeueAfter: requeue(), update };
  }
  const policy = spec.concurrencyPolicy ?? "Allow";
  if (policy === "Forbid" && active().length > 0) {
    rec.event(cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    return { requeueAfter: requeue(), update };
  }
  if (policy === "Replace") {
    for (const ref of [...active()]) {
      const job = ctx.store.get("Job", ref.namespace, ref.name ?? "");
      if (!job) {
        rec.event(cj, "Warning", "FailedGet", `Get job: jobs.batch "${ref.name}" not found`);
        return { update, error: `jobs.batch "${ref.name}" not found` };
      }
      if (!deleteJob(ctx, rec, cj, status, job)) return { update, error: `could not replace job ${job.metadata.namespace}/${job.metadata.name}` };
      update = true;
    }
  }

  const res = ctx.store.create("Job", jobFromTemplate(cj, jobName, scheduled));
  let job: Stored<"Job">;
  if (!res.ok && res.reason === "AlreadyExists") {
    const existing = ctx.store.get("Job", cj.metadata.namespace, jobName);
    if (!existing || !isControlledBy(existing, cj.metadata.uid) || inActive(existing.metadata.uid)) return { update };
    job = existing;
  } else if (!res.ok) {
    rec.event(cj, "Warning", "FailedCreate", `Error creating job: ${res.message}`);
    return { update, error: res.message };
  } else {
    job = res.object;
    rec.event(cj, "Normal", "SuccessfulCreate", `Created job ${job.metadata.name}`);
  }
  active().push({
    kind: "Job", namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid,
    apiVersion: "batch/v1", resourceVersion: job.metadata.resourceVersion,
  });
  status.lastScheduleTime = ctx.timestamp((scheduled - epochOf(ctx)) as Millis);
  return { requeueAfter: requeue(), update: true };
}

/** getJobFromTemplate2: the template's labels and annotations, the scheduled-time annotation, our controllerRef. */
function jobFromTemplate(cj: Stored<"CronJob">, name: string, scheduled: number): Job {
  const tpl = cj.spec!.jobTemplate;
  return {
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...tpl.metadata?.labels },
      annotations: { ...tpl.metadata?.annotations, [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, cj.spec!.timeZone) },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: structuredClone(tpl.spec ?? { template: { spec: { containers: [] } } }),
  };
}

/** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs. */
function cleanupFinishedJobs(ctx: ComponentContext, rec: Recorder, cj: Stored<"CronJob">, status: CronJobStatus, jobs: Stored<"Job">[]): boolean {
  const succeeded = jobs.filter((j) => finishedCondition(j)?.type === "Complete");
  const failed = jobs.filter((j) => finishedCondition(j)?.type === "Failed");
  let update = false;
  for (const [list, limit] of [
    [succeeded, cj.spec?.successfulJobsHistoryLimit ?? DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT],
    [failed, cj.spec?.failedJobsHistoryLimit ?? DEFAULT_FAILED_JOBS_HISTORY_LIMIT],
  ] as const) {
    const extra = list.length - limit;
    if (extra <= 0) continue;
    const oldest = [...list].sort(byJobStartTime).slice(0, extra);
    for (const j of oldest) if (deleteJob(ctx, rec, cj, status, j)) update = true;
  }
  return update;
}

/** byJobStartTime: jobs without a start time last, ties by name. RFC 3339 UTC timestamps compare as strings. */
function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime, sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa === sb) return (a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1;
  return sa! < sb! ? -1 : 1;
}

/** deleteJob: delete (background propagation), drop from the active list, record it. */
function deleteJob(ctx: ComponentContext, rec: Recorder, cj: Stored<"CronJob">, status: CronJobStatus, job: Stored<"Job">): boolean {
  const res = ctx.store.delete("Job", job.metadata.namespace, job.metadata.name, { propagationPolicy: "Background" });
  if (!res.ok) {
    rec.event(cj, "Warning", "FailedDelete", `Deleted job: ${res.message}`);
    return false;
  }
  status.active = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
  if (status.active.length === 0) delete status.active;
  rec.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`);
  return true;
}

// ---- time ----

function epochOf(ctx: ComponentContext): number {
  return Date.parse(ctx.timestamp(0 as Millis));
}

function unixMs(ctx: ComponentContext): number {
  return epochOf(ctx) + ctx.now();
}

function unixOf(ctx: ComponentContext, ts: string | undefined): number | undefined {
  const t = ctx.fromTimestamp(ts);
  return t === undefined ? undefined : epochOf(ctx) + t;
}

function created(ctx: ComponentContext, cj: CronJob): number {
  return unixOf(ctx, cj.metadata?.creationTimestamp) ?? unixMs(ctx);
}

function lastSchedule(ctx: ComponentContext, cj: CronJob): number | undefined {
  return unixOf(ctx, cj.status?.lastScheduleTime);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** Go's time.RFC1123Z of a UTC instant: "Thu, 01 Jan 2026 00:01:00 +0000". */
export function rfc1123z(t: number): string {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Go's time.RFC3339 of an instant in a time zone: "2026-01-01T09:01:00+09:00", or "…Z" in UTC. */
export function rfc3339In(t: number, timeZone: string | undefined): string {
  const tz = timeZone && timeZone !== "Local" ? timeZone : "UTC";
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "longOffset",
  }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const offset = get("timeZoneName").replace(/^GMT/, "");
  const zone = offset === "" || offset === "+00:00" ? "Z" : offset;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${zone}`;
}

export type { ReconcileResult, Schedule };
