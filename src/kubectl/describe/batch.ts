/** `kubectl describe` of Jobs and CronJobs (describeJob, describeCronJob in describe.go). */
import type { CronJob, Job, JobTemplateSpec } from "kubernetes-types/batch/v1";
import type { Event } from "kubernetes-types/core/v1";
import { formatAge, parseTimestamp } from "../age";
import { selectorString } from "../labels";
import { describePodTemplate } from "./containers";
import { describeEvents } from "./events";
import {
  goBool, LEVEL_0, printAnnotationsMultiline, printBoolPtr, printController, printLabelsMultiline, rfc1123z, tabbedString,
  type PrefixWriter,
} from "./writer";

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return "<none>";
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ",") break;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: Job, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = job.spec;
    const st = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", job.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", job.metadata?.annotations);
    const controlledBy = printController(job.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec?.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, spec?.completions !== undefined && spec.completions !== null ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
    if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec?.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${goBool(spec.suspend)}\n`);
    if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec?.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    const start = parseTimestamp(st.startTime), end = parseTimestamp(st.completionTime);
    if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${formatAge(end - start)}\n`);
    if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    w.write(LEVEL_0, st.ready === undefined || st.ready === null
      ? `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`
      : `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec?.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes)}\n`);
    describePodTemplate(w, spec?.template);
    if (events) describeEvents(w, events, nowMs);
  });
}

function describeJobTemplate(w: PrefixWriter, t: JobTemplateSpec | undefined): void {
  const spec = t?.spec;
  w.write(LEVEL_0, spec?.selector ? `Selector:\t${selectorString(spec.selector)}\n` : "Selector:\t<unset>\n");
  w.write(LEVEL_0, spec?.parallelism !== undefined ? `Parallelism:\t${spec.parallelism}\n` : "Parallelism:\t<unset>\n");
  w.write(LEVEL_0, spec?.completions !== undefined ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(cj: CronJob, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cj.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ""}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? "<unset>"}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? "<unset>"}\n`);
    w.write(LEVEL_0, spec?.startingDeadlineSeconds !== undefined && spec.startingDeadlineSeconds !== null
      ? `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds}s\n` : "Starting Deadline Seconds:\t<unset>\n");
    describeJobTemplate(w, spec?.jobTemplate);
    w.write(LEVEL_0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : "Last Schedule Time:\t<unset>\n");
    w.write(LEVEL_0, "Active Jobs:\t");
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine("<none>");
    else w.writeLine(active.map((j) => j.name ?? "").join(", "));
    if (events) describeEvents(w, events, nowMs);
  });
}
