/**
 * The Deployment controller (KK pkg/controller/deployment/deployment_controller.go): watches
 * Deployments, their ReplicaSets and (for Recreate) the deletion of their pods, and dispatches
 * each sync: deleted → status only; paused or a scaling event → scale; else the strategy's
 * rollout (rolling.ts, recreate.ts).
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Pod } from "kubernetes-types/core/v1";
import { compileSelector, isSelectorError } from "../../api/selector";
import type { KObject, Stored } from "../../api/types";
import { Controller, done, keyOf, splitKey, type ControllerSpec, type ReconcileResult } from "../../runtime/controller";
import { canonicalJSON } from "../../runtime/hash";
import type { Component, ComponentContext } from "../../sim/component";
import { controllerOf } from "../pod-util";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import {
  DEPLOYMENT_CONTROLLER, checkPausedConditions, isScalingEvent, replicaSetsForDeployment, syncScaling, syncStatusOnly,
  writeDeploymentStatus, type DeploymentSync, type DraftDeployment,
} from "./sync";
import type { RS } from "./util";

export { DEPLOYMENT_CONTROLLER };

type D = Stored<"Deployment">;

function deploymentOfReplicaSet(ctx: ComponentContext, rs: KObject): D | undefined {
  const ref = controllerOf(rs);
  if (!ref || ref.kind !== "Deployment") return undefined;
  const d = ctx.store.get("Deployment", rs.metadata?.namespace, ref.name);
  return d && d.metadata.uid === ref.uid ? d : undefined;
}

/** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan ReplicaSet's labels. */
function deploymentsSelecting(ctx: ComponentContext, rs: RS): D[] {
  return ctx.store.list("Deployment", rs.metadata.namespace).filter((d) => {
    const sel = compileSelector(d.spec?.selector);
    return !isSelectorError(sel) && !sel.empty && sel.matches(rs.metadata.labels);
  });
}

export const deploymentControllerSpec: ControllerSpec = {
  name: DEPLOYMENT_CONTROLLER,
  watch(ctx, enqueue) {
    ctx.store.watch("Deployment", (ev) => enqueue(keyOf(ev.object)));
    ctx.store.watch("ReplicaSet", (ev) => {
      const rs = ev.object;
      const cur = deploymentOfReplicaSet(ctx, rs);
      const old = ev.old ? deploymentOfReplicaSet(ctx, ev.old) : undefined;
      if (old && old.metadata.uid !== cur?.metadata.uid) enqueue(keyOf(old));
      if (cur) {
        enqueue(keyOf(cur));
        return;
      }
      if (ev.type === "DELETED" || controllerOf(rs)) return;
      const labelsChanged = canonicalJSON(ev.old?.metadata.labels) !== canonicalJSON(rs.metadata.labels);
      if (ev.type === "ADDED" || labelsChanged || (ev.old && controllerOf(ev.old))) {
        for (const d of deploymentsSelecting(ctx, rs)) enqueue(keyOf(d));
      }
    });
    ctx.store.watch("Pod", (ev) => {
      if (ev.type !== "DELETED") return;
      const ref = controllerOf(ev.object);
      if (!ref || ref.kind !== "ReplicaSet") return;
      const rs = ctx.store.get("ReplicaSet", ev.object.metadata.namespace, ref.name);
      const d = rs && rs.metadata.uid === ref.uid ? deploymentOfReplicaSet(ctx, rs) : undefined;
      if (!d || d.spec?.strategy?.type !== "Recreate") return;
      // A Recreate rollout waits for the last old pod to be gone.
      const pods = podMapFor(ctx, d, controlledReplicaSets(ctx, d));
      let n = 0;
      for (const list of pods.values()) n += list.length;
      if (n === 0) enqueue(keyOf(d));
    });
  },
  reconcile: (ctx, key) => syncDeployment(ctx, key),
};

export const deploymentControllerFactory = (): Component => new Controller(deploymentControllerSpec);

/** ReplicaSets a Deployment controls, without adopting or releasing (for watch handlers). */
function controlledReplicaSets(ctx: ComponentContext, d: D): RS[] {
  return ctx.store.list("ReplicaSet", d.metadata.namespace).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
}

/** getPodMapForDeployment: pods matching the selector, grouped by the controlling ReplicaSet's uid (terminating ones too). */
function podMapFor(ctx: ComponentContext, d: Deployment, rss: RS[]): Map<string, Pod[]> {
  const map = new Map<string, Pod[]>();
  for (const rs of rss) map.set(rs.metadata.uid, []);
  const sel = compileSelector(d.spec?.selector);
  if (isSelectorError(sel)) return map;
  for (const pod of ctx.store.list("Pod", d.metadata?.namespace)) {
    if (!sel.matches(pod.metadata.labels)) continue;
    const ref = controllerOf(pod);
    if (ref && map.has(ref.uid)) map.get(ref.uid)!.push(pod);
  }
  return map;
}

/** syncDeployment: one level-triggered pass over one Deployment. */
export function syncDeployment(ctx: ComponentContext, key: string): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const stored = ctx.store.get("Deployment", namespace, name);
  if (!stored) return done;
  const dc: DeploymentSync = { ctx, rec: ctx.recorder({ component: DEPLOYMENT_CONTROLLER }), stored };
  const d = structuredClone(stored) as DraftDeployment;

  const sel = d.spec?.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
    dc.rec.event(stored, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = { ...d.status, observedGeneration: d.metadata.generation };
      writeDeploymentStatus(dc, d);
    }
    return done;
  }

  const { rss, error } = replicaSetsForDeployment(dc);
  if (error !== undefined) return { error };
  const podMap = podMapFor(ctx, d, rss);

  let err: string | undefined;
  if (d.metadata.deletionTimestamp) {
    err = syncStatusOnly(dc, d, rss);
  } else {
    checkPausedConditions(dc, d);
    if (d.spec?.paused) {
      err = syncScaling(dc, d, rss);
    } else {
      const scaling = isScalingEvent(dc, d, rss);
      if (scaling.error !== undefined) err = scaling.error;
      else if (scaling.scaling) err = syncScaling(dc, d, rss);
      else if (d.spec?.strategy?.type === "Recreate") err = rolloutRecreate(dc, d, rss, podMap);
      else err = rolloutRolling(dc, d, rss);
    }
  }
  if (err !== undefined) return { error: err };
  return dc.requeueAfter !== undefined ? { requeueAfter: dc.requeueAfter } : done;
}
