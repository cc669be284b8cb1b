/**
 * The Job controller (kube-controller-manager's job-controller): watches Jobs and their pods and
 * runs syncJob for each changed Job. Pod events are batched into one sync a second later, as
 * upstream's syncJobBatchPeriod does; Job creation and spec changes sync at once.
 *
 * Keys are "namespace/name" for Jobs and "pod:namespace/name" for pods whose tracking finalizer
 * must be dropped because their Job is gone or finished (upstream's orphan queue).
 */
import type { Component, ComponentContext } from "../../sim/component";
import type { Stored } from "../../api/types";
import { Controller, done, keyOf, splitKey, type ControllerSpec, type ReconcileResult } from "../../runtime/controller";
import { controllerOf } from "../pod-util";
import type { BackoffRecord } from "./backoff";
import { removeTrackingFinalizer, syncJob, SYNC_JOB_BATCH_PERIOD_MS } from "./sync";
import { generatedSelector, hasTrackingFinalizer, isJobFinished, JOB_CONTROLLER } from "./util";

const ORPHAN_PREFIX = "pod:";

export const jobControllerFactory = (): Component => new Controller(jobControllerSpec());

export function jobControllerSpec(): ControllerSpec {
  const backoffs = new Map<string, BackoffRecord>();
  return {
    name: JOB_CONTROLLER,
    watch(ctx, enqueue, enqueueAfter) {
      ctx.store.watch("Job", (ev) => {
        const key = keyOf(ev.object);
        if (ev.type === "MODIFIED" && ev.old?.metadata.generation === ev.object.metadata.generation) enqueueAfter(key, SYNC_JOB_BATCH_PERIOD_MS);
        else enqueue(key);
        // cleanupPodFinalizers: a deleted or finished Job's pods are released by the orphan path.
        if (ev.type === "DELETED" || isJobFinished(ev.object)) {
          for (const p of ctx.store.list("Pod", ev.object.metadata.namespace)) {
            if (controllerOf(p)?.uid === ev.object.metadata.uid && hasTrackingFinalizer(p)) enqueue(ORPHAN_PREFIX + keyOf(p));
          }
        }
      });
      ctx.store.watch("Pod", (ev) => {
        const pod = ev.object;
        if (ev.type === "DELETED") {
          const job = owningJob(ctx, pod);
          if (job && !isJobFinished(job)) enqueueAfter(keyOf(job), SYNC_JOB_BATCH_PERIOD_MS);
          return;
        }
        const job = owningJob(ctx, pod);
        if (job && !isJobFinished(job)) enqueueAfter(keyOf(job), SYNC_JOB_BATCH_PERIOD_MS);
        else if (hasTrackingFinalizer(pod)) enqueue(ORPHAN_PREFIX + keyOf(pod));
      });
    },
    reconcile(ctx, key) {
      if (key.startsWith(ORPHAN_PREFIX)) return syncOrphanPod(ctx, key.slice(ORPHAN_PREFIX.length));
      const { namespace, name } = splitKey(key);
      const job = ctx.store.get("Job", namespace, name);
      if (!job || isJobFinished(job)) {
        backoffs.delete(key);
        return done;
      }
      const rec = ctx.recorder({ component: JOB_CONTROLLER });
      if (job.spec?.managedBy !== undefined && job.spec.managedBy !== "kubernetes.io/job-controller") return done;
      const mode = job.spec?.completionMode;
      if (mode !== undefined && mode !== "NonIndexed" && mode !== "Indexed") {
        rec.event(job, "Warning", "UnknownCompletionMode", "Skipped Job sync because completion mode is unknown");
        return done;
      }
      if (applyGeneratedSelector(ctx, job)) return done;
      return syncJob({ ctx, rec, backoffs }, job, key);
    },
  };
}

/** The Job that controls the pod, if it still exists with the same uid. */
function owningJob(ctx: ComponentContext, pod: Stored<"Pod">): Stored<"Job"> | undefined {
  const ref = controllerOf(pod);
  if (ref?.kind !== "Job") return undefined;
  const job = ctx.store.get("Job", pod.metadata.namespace, ref.name);
  return job?.metadata.uid === ref.uid ? job : undefined;
}

/**
 * The API server generates a Job's selector from its uid when the Job is created; the store
 * assigns uids after defaulting, so the controller writes the generated selector on first sight.
 * True when it wrote (the update event brings the Job back).
 */
function applyGeneratedSelector(ctx: ComponentContext, job: Stored<"Job">): boolean {
  const gen = generatedSelector(job);
  if (!gen) return false;
  ctx.store.mutate("Job", job.metadata.namespace, job.metadata.name, (j) => {
    j.spec!.selector = gen.selector;
    j.spec!.template.metadata = { ...j.spec!.template.metadata, labels: gen.templateLabels };
    if (gen.jobLabels) j.metadata.labels = gen.jobLabels;
  });
  return true;
}

/** syncOrphanPod: drop the tracking finalizer of a pod whose Job is gone or finished. */
function syncOrphanPod(ctx: ComponentContext, podKey: string): ReconcileResult {
  const { namespace, name } = splitKey(podKey);
  const pod = ctx.store.get("Pod", namespace, name);
  if (!pod || !hasTrackingFinalizer(pod)) return done;
  const ref = controllerOf(pod);
  if (ref) {
    if (ref.kind !== "Job" || ref.apiVersion !== "batch/v1") return done;
    const job = owningJob(ctx, pod);
    if (job && !isJobFinished(job)) return done;
  }
  removeTrackingFinalizer(ctx, pod);
  return done;
}
