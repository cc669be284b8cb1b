/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * spec.ttlSecondsAfterFinished is deleted, with Foreground propagation, that many seconds after
 * the time of its Complete or Failed condition. It records no events.
 */
import type { Component } from "../../sim/component";
import { Controller, done, keyOf, splitKey, type ControllerSpec } from "../../runtime/controller";
import { finishedCondition } from "./util";

export const TTL_AFTER_FINISHED_CONTROLLER = "ttl-after-finished-controller";

export const ttlAfterFinishedControllerFactory = (): Component => new Controller(ttlAfterFinishedControllerSpec());

export function ttlAfterFinishedControllerSpec(): ControllerSpec {
  return {
    name: TTL_AFTER_FINISHED_CONTROLLER,
    watch(ctx, enqueue) {
      ctx.store.watch("Job", (ev) => {
        if (ev.type === "DELETED") return;
        const job = ev.object;
        if (job.metadata.deletionTimestamp || job.spec?.ttlSecondsAfterFinished === undefined) return;
        if (finishedCondition(job)) enqueue(keyOf(job));
      });
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const job = ctx.store.get("Job", namespace, name);
      const ttl = job?.spec?.ttlSecondsAfterFinished;
      if (!job || ttl === undefined || job.metadata.deletionTimestamp) return done;
      const finishedAt = ctx.fromTimestamp(finishedCondition(job)?.lastTransitionTime);
      if (finishedAt === undefined) return done;
      const left = finishedAt + ttl * 1000 - ctx.now();
      if (left > 0) return { requeueAfter: left };
      ctx.store.delete("Job", namespace, name, { propagationPolicy: "Foreground" });
      return done;
    },
  };
}
