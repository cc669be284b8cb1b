/**
 * Checks on workload kinds (pkg/apis/apps/validation, pkg/apis/batch/validation) that the schema
 * cannot express: selectors that must match their template, rollout parameters, restart policies,
 * cron schedules. Run on defaulted objects, as the API server does.
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job, JobSpec } from "kubernetes-types/batch/v1";
import { compileSelector, isSelectorError, validateLabelSelector } from "../api/selector";
import { child, forbidden, fromMessage, invalid, MSG, path, required, type FieldError, type FieldPath } from "./field";
import { cronScheduleError } from "./cron";
import { labelsAt } from "./validate-meta";
import { validatePodSpec, validateSimAnnotationsAt, type PodContext } from "./validate-pod";

const PERCENT_ERR = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function nonNegative(v: number | undefined, at: FieldPath): FieldError[] {
  return v !== undefined && v < 0 ? [invalid(at, v, MSG.nonNegative)] : [];
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent; returns the errors and the numeric value. */
function intOrPercent(v: number | string | undefined, at: FieldPath, notOver100: boolean): { errs: FieldError[]; value: number } {
  if (v === undefined) return { errs: [], value: 0 };
  if (typeof v === "number") return { errs: nonNegative(v, at), value: v };
  if (!/^[0-9]+%$/.test(v)) return { errs: [invalid(at, v, PERCENT_ERR)], value: 0 };
  const value = Number(v.slice(0, -1));
  return { errs: notOver100 && value > 100 ? [invalid(at, v, "must not be greater than 100%")] : [], value };
}

/**
 * The selector's own checks, then ValidatePodTemplateSpecForReplicaSet's: the template's labels
 * must be selected by it (otherwise the controller would never see the pods it creates).
 */
function selectorAndTemplate(
  selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, at: FieldPath, emptyWhat: string | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  const selPath = child(at, "selector");
  if (!selector) return [required(selPath)];
  errs.push(...validateLabelSelector(selector, selPath.text).map((m) => fromMessage(m)));
  if (emptyWhat && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid(selPath, selector, `empty selector is invalid for ${emptyWhat}`));
  }
  const compiled = compileSelector(selector, selPath.text);
  const labels = template?.metadata?.labels;
  if (errs.length === 0 && !isSelectorError(compiled) && !compiled.empty && !compiled.matches(labels ?? {})) {
    errs.push(invalid(path(...at.segments, "template", "metadata", "labels"), labels ?? {}, "`selector` does not match template `labels`"));
  }
  return errs;
}

function template(t: PodTemplateSpec | undefined, at: FieldPath, context: PodContext, claimNames: readonly string[] = []): FieldError[] {
  if (!t) return [required(at)];
  const errs: FieldError[] = [];
  const labels = t.metadata?.labels;
  if (labels) errs.push(...labelsAt(labels, path(...at.segments, "metadata", "labels")));
  if (!t.spec) errs.push(required(child(at, "spec")));
  else errs.push(...validatePodSpec(t.spec, child(at, "spec"), context, claimNames));
  errs.push(...validateSimAnnotationsAt(t.metadata?.annotations, t.spec, path(...at.segments, "metadata", "annotations")));
  return errs;
}

export function validateDeployment(d: Deployment): FieldError[] {
  const at = path("spec");
  const spec = d.spec;
  if (!spec) return [required(at)];
  const errs = [
    ...nonNegative(spec.replicas, child(at, "replicas")),
    ...selectorAndTemplate(spec.selector, spec.template, at, "deployment"),
    ...template(spec.template, child(at, "template"), "Workload"),
    ...nonNegative(spec.minReadySeconds, child(at, "minReadySeconds")),
    ...nonNegative(spec.revisionHistoryLimit, child(at, "revisionHistoryLimit")),
  ];
  const strategy = spec.strategy ?? {};
  const sp = child(at, "strategy");
  if (strategy.type === "Recreate" && strategy.rollingUpdate) {
    errs.push(forbidden(child(sp, "rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === "RollingUpdate" && strategy.rollingUpdate) {
    errs.push(...rollingUpdate(strategy.rollingUpdate, child(sp, "rollingUpdate")));
  }
  if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errs.push(invalid(child(at, "progressDeadlineSeconds"), spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
  }
  return errs;
}

/** ValidateRollingUpdateDeployment (also used for DaemonSets, which have the same two fields). */
function rollingUpdate(ru: { maxSurge?: number | string; maxUnavailable?: number | string }, at: FieldPath): FieldError[] {
  const unavailable = intOrPercent(ru.maxUnavailable, child(at, "maxUnavailable"), true);
  const surge = intOrPercent(ru.maxSurge, child(at, "maxSurge"), false);
  const errs = [...unavailable.errs, ...surge.errs];
  if (unavailable.value === 0 && surge.value === 0) {
    errs.push(invalid(child(at, "maxUnavailable"), ru.maxUnavailable ?? 0, "may not be 0 when `maxSurge` is 0"));
  }
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const at = path("spec");
  const spec = rs.spec;
  if (!spec) return [required(at)];
  return [
    ...nonNegative(spec.replicas, child(at, "replicas")),
    ...nonNegative(spec.minReadySeconds, child(at, "minReadySeconds")),
    // Upstream's ReplicaSet validation reuses the Deployment wording.
    ...selectorAndTemplate(spec.selector, spec.template, at, "deployment"),
    ...template(spec.template, child(at, "template"), "Workload"),
  ];
}

export function validateStatefulSet(s: StatefulSet): FieldError[] {
  const at = path("spec");
  const spec = s.spec;
  if (!spec) return [required(at)];
  const errs = [
    ...nonNegative(spec.replicas, child(at, "replicas")),
    ...nonNegative(spec.minReadySeconds, child(at, "minReadySeconds")),
    ...selectorAndTemplate(spec.selector, spec.template, at, "statefulset"),
    ...template(spec.template, child(at, "template"), "Workload",
      (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? "").filter((n) => n !== "")),
  ];
  const us = spec.updateStrategy;
  const up = child(at, "updateStrategy");
  if (us?.type === "OnDelete" && us.rollingUpdate) {
    errs.push(invalid(child(up, "rollingUpdate"), us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  }
  if (us?.rollingUpdate) {
    errs.push(...nonNegative(us.rollingUpdate.partition, child(child(up, "rollingUpdate"), "partition")));
    const mu = us.rollingUpdate.maxUnavailable;
    const r = intOrPercent(mu, child(child(up, "rollingUpdate"), "maxUnavailable"), true);
    errs.push(...r.errs);
    if (mu !== undefined && r.errs.length === 0 && r.value === 0) {
      errs.push(invalid(child(child(up, "rollingUpdate"), "maxUnavailable"), mu, "cannot be 0"));
    }
  }
  return errs;
}

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const at = path("spec");
  const spec = ds.spec;
  if (!spec) return [required(at)];
  const errs = [
    ...nonNegative(spec.minReadySeconds, child(at, "minReadySeconds")),
    ...selectorAndTemplate(spec.selector, spec.template, at, "daemonset"),
    ...template(spec.template, child(at, "template"), "Workload"),
  ];
  const us = spec.updateStrategy;
  if (us?.type === "RollingUpdate" && us.rollingUpdate) {
    errs.push(...rollingUpdate(us.rollingUpdate, path("spec", "updateStrategy", "rollingUpdate")));
  }
  return errs;
}

function jobSpec(spec: JobSpec, at: FieldPath): FieldError[] {
  const errs = [
    ...nonNegative(spec.parallelism, child(at, "parallelism")),
    ...nonNegative(spec.completions, child(at, "completions")),
    ...nonNegative(spec.backoffLimit, child(at, "backoffLimit")),
    ...nonNegative(spec.ttlSecondsAfterFinished, child(at, "ttlSecondsAfterFinished")),
    ...template(spec.template, child(at, "template"), "Job"),
  ];
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalid(child(at, "activeDeadlineSeconds"), spec.activeDeadlineSeconds, "must be greater than 0"));
  }
  if (spec.completionMode === "Indexed" && spec.completions === undefined) {
    errs.push(required(child(at, "completions"), "when completion mode is Indexed"));
  }
  // With manualSelector the user owns the selector; without it the API server adds the same
  // controller-uid label to selector and template, so a user-written selector must still match.
  if (spec.manualSelector === true || spec.selector) {
    errs.push(...selectorAndTemplate(spec.selector, spec.template, at, undefined));
  }
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  return job.spec ? jobSpec(job.spec, path("spec")) : [required(path("spec"))];
}

export function validateCronJob(cj: CronJob): FieldError[] {
  const at = path("spec");
  const spec = cj.spec;
  if (!spec) return [required(at)];
  const errs: FieldError[] = [];
  const schedule = spec.schedule;
  const problem = cronScheduleError(schedule);
  if (problem) errs.push(invalid(child(at, "schedule"), schedule, problem));
  if (schedule.includes("TZ")) {
    errs.push(invalid(child(at, "schedule"), schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, child(at, "startingDeadlineSeconds")));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, child(at, "successfulJobsHistoryLimit")));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, child(at, "failedJobsHistoryLimit")));
  const jt = child(at, "jobTemplate");
  if (!spec.jobTemplate.spec) errs.push(required(child(jt, "spec")));
  else errs.push(...jobSpec(spec.jobTemplate.spec, child(jt, "spec")));
  return errs;
}
