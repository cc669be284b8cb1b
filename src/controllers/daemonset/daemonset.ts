/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go, update.go, v1.36): one pod
 * per node that should run it, created with a node affinity pinning it to that node (the default
 * scheduler binds it), the automatic tolerations, and the `controller-revision-hash` /
 * `pod-template-generation` labels. It follows nodes as they come, go and change labels or
 * taints, deletes failed daemon pods with a per-node back-off (1 s doubling to 15 min), and rolls
 * out template changes node by node, at most maxUnavailable unavailable at a time.
 *
 * Not modelled: RollingUpdate with maxSurge > 0 (treated as maxSurge 0), ControllerRevision
 * objects (the hash is computed from the template), and status conditions.
 */
import type { DaemonSet, DaemonSetStatus } from "kubernetes-types/apps/v1";
import type { Node, Pod } from "kubernetes-types/core/v1";
import type { Recorder } from "../../api/events";
import { compileSelector, isSelectorError } from "../../api/selector";
import type { Stored } from "../../api/types";
import { claimObjects } from "../../runtime/controller-ref";
import { Controller, done, keyOf, splitKey, unixNow, type ControllerSpec, type ReconcileResult } from "../../runtime/controller";
import { computeHash } from "../../runtime/hash";
import type { Component, ComponentContext } from "../../sim/component";
import { controllerOf, isPodAvailable, isPodReady, podFromTemplate } from "../pod-util";
import { daemonPodTolerations, nodeShouldRunDaemonPod, pinToNode, targetNodeName } from "./predicates";

export const DAEMONSET_CONTROLLER = "daemonset-controller";
export const REVISION_HASH_LABEL = "controller-revision-hash";
export const TEMPLATE_GENERATION_LABEL = "pod-template-generation";
/** BurstReplicas. */
const BURST_REPLICAS = 250;
/** failedPodsBackoff: flowcontrol.NewBackOff(1 s, 15 min). */
const FAILED_POD_BACKOFF_INITIAL_MS = 1_000;
const FAILED_POD_BACKOFF_MAX_MS = 900_000;

type DS = Stored<"DaemonSet">;
type PodObj = Stored<"Pod">;

/** client-go's flowcontrol.Backoff for one key: the delay doubles on each Next within 2 × max of the last. */
class FailedPodBackoff {
  private readonly entries = new Map<string, { delay: number; lastUpdate: number }>();

  isInBackoff(key: string, now: number): boolean {
    const e = this.entries.get(key);
    return e !== undefined && now - e.lastUpdate < e.delay;
  }

  get(key: string): number {
    return this.entries.get(key)?.delay ?? 0;
  }

  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * FAILED_POD_BACKOFF_MAX_MS) this.entries.set(key, { delay: FAILED_POD_BACKOFF_INITIAL_MS, lastUpdate: now });
    else this.entries.set(key, { delay: Math.min(e.delay * 2, FAILED_POD_BACKOFF_MAX_MS), lastUpdate: now });
  }
}

export const daemonSetControllerFactory = (): Component => new Controller(daemonSetControllerSpec());

export function daemonSetControllerSpec(): ControllerSpec {
  const backoff = new FailedPodBackoff();
  return {
    name: DAEMONSET_CONTROLLER,
    watch(ctx, enqueue) {
      ctx.store.watch("DaemonSet", (ev) => {
        if (ev.type !== "DELETED") enqueue(keyOf(ev.object));
      });
      ctx.store.watch("Pod", (ev) => {
        const ref = controllerOf(ev.object);
        if (ref?.kind === "DaemonSet") enqueue(`${ev.object.metadata.namespace}/${ref.name}`);
      });
      ctx.store.watch("Node", (ev) => {
        for (const ds of ctx.store.list("DaemonSet")) {
          if (ev.type === "MODIFIED" && ev.old) {
            // updateNode: only a change in where the set should run matters.
            const was = nodeShouldRunDaemonPod(ev.old, ds), now = nodeShouldRunDaemonPod(ev.object, ds);
            if (was.shouldRun !== now.shouldRun || was.shouldContinueRunning !== now.shouldContinueRunning) enqueue(keyOf(ds));
          } else if (ev.type === "DELETED" || nodeShouldRunDaemonPod(ev.object, ds).shouldRun) {
            enqueue(keyOf(ds));
          }
        }
      });
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const ds = ctx.store.get("DaemonSet", namespace, name);
      if (!ds) return done;
      return syncDaemonSet(ctx, ctx.recorder({ component: DAEMONSET_CONTROLLER }), backoff, ds);
    },
  };
}

function syncDaemonSet(ctx: ComponentContext, rec: Recorder, backoff: FailedPodBackoff, ds: DS): ReconcileResult {
  const sel = compileSelector(ds.spec?.selector);
  if (isSelectorError(sel)) return done;
  const nodes = ctx.store.list("Node");
  const hash = computeHash(ds.spec!.template, ds.status?.collisionCount);
  const claimed = claimObjects(ctx.store, ds, "Pod", sel, ctx.store.list("Pod", ds.metadata.namespace));
  let error = claimed.error;
  const requeue: number[] = [];
  if (!ds.metadata.deletionTimestamp) {
    const byNode = podsByNode(claimed.claimed);
    const { create, remove } = manage(ctx, rec, backoff, ds, nodes, byNode, requeue);
    error ??= syncNodes(ctx, rec, ds, remove, create, hash);
    if ((ds.spec?.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") {
      const fresh = podsByNode(ctx.store.list("Pod", ds.metadata.namespace).filter((p) => controllerOf(p)?.uid === ds.metadata.uid));
      error ??= syncNodes(ctx, rec, ds, rollingUpdate(ctx, ds, nodes, fresh, hash), [], hash);
    }
  }
  const fresh = podsByNode(ctx.store.list("Pod", ds.metadata.namespace).filter((p) => controllerOf(p)?.uid === ds.metadata.uid));
  const status = buildStatus(ctx, ds, nodes, fresh, hash);
  writeStatus(ctx, ds, status);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && status.numberReady !== status.numberAvailable) requeue.push(minReady * 1000);
  if (error !== undefined) return { error };
  return requeue.length ? { requeueAfter: Math.min(...requeue) } : done;
}

/** getNodesToDaemonPods: pods grouped by target node, leaving out terminal pods already being deleted. */
function podsByNode(pods: readonly PodObj[]): Map<string, PodObj[]> {
  const out = new Map<string, PodObj[]>();
  for (const p of pods) {
    const phase = p.status?.phase;
    if ((phase === "Succeeded" || phase === "Failed") && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p);
    if (!node) continue;
    out.set(node, [...(out.get(node) ?? []), p]);
  }
  return out;
}

/** podByCreationTimestampAndPhase: bound first, then oldest, then by name. */
function byCreation(a: Pod, b: Pod): number {
  const an = Boolean(a.spec?.nodeName), bn = Boolean(b.spec?.nodeName);
  if (an !== bn) return an ? -1 : 1;
  const at = a.metadata?.creationTimestamp ?? "", bt = b.metadata?.creationTimestamp ?? "";
  if (at !== bt) return at < bt ? -1 : 1;
  return (a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1;
}

/** manage / podsShouldBeOnNode: which nodes need a pod and which pods must go. */
function manage(
  ctx: ComponentContext, rec: Recorder, backoff: FailedPodBackoff, ds: DS, nodes: readonly Stored<"Node">[],
  byNode: Map<string, PodObj[]>, requeue: number[],
): { create: string[]; remove: PodObj[] } {
  const create: string[] = [];
  const remove: PodObj[] = [];
  const now = ctx.now();
  for (const node of nodes) {
    const name = node.metadata.name;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const pods = byNode.get(name);
    if (shouldRun && !pods) {
      create.push(name);
    } else if (shouldContinueRunning && pods) {
      const running: PodObj[] = [];
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === "Failed") {
          const key = `${ds.metadata.namespace}/${ds.metadata.name}/${name}`;
          if (backoff.isInBackoff(key, now)) {
            requeue.push(backoff.get(key));
            continue;
          }
          backoff.next(key, now);
          rec.event(ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`);
          remove.push(p);
        } else if (p.status?.phase === "Succeeded") {
          rec.event(ds, "Normal", "SucceededDaemonPod", `Found succeeded daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to delete it`);
          remove.push(p);
        } else {
          running.push(p);
        }
      }
      // Without surge, only the oldest pod on a node stays.
      if (running.length > 1) remove.push(...running.sort(byCreation).slice(1));
    } else if (!shouldContinueRunning && pods) {
      remove.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
    }
  }
  // getUnscheduledPodsWithoutNode: unbound pods aimed at nodes that no longer exist.
  const names = new Set(nodes.map((n) => n.metadata.name));
  for (const [node, pods] of byNode) {
    if (names.has(node)) continue;
    remove.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp));
  }
  return { create, remove };
}

/** syncNodes: delete, then create one pod per node (burst-limited), with the current hash. */
function syncNodes(ctx: ComponentContext, rec: Recorder, ds: DS, remove: readonly PodObj[], create: readonly string[], hash: string): string | undefined {
  let error: string | undefined;
  for (const p of remove.slice(0, BURST_REPLICAS)) {
    const res = ctx.store.delete("Pod", p.metadata.namespace, p.metadata.name);
    if (!res.ok) {
      if (res.reason === "NotFound") continue;
      rec.event(ds, "Warning", "FailedDelete", `Error deleting: ${res.message}`);
      error ??= res.message;
      continue;
    }
    rec.event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
  }
  for (const node of create.slice(0, BURST_REPLICAS)) {
    const template = structuredClone(ds.spec!.template);
    const spec = template.spec!;
    spec.tolerations = daemonPodTolerations(spec);
    spec.affinity = pinToNode(spec.affinity, node);
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1), [REVISION_HASH_LABEL]: hash },
    };
    const res = ctx.store.create("Pod", podFromTemplate(template, ds));
    if (!res.ok) {
      rec.event(ds, "Warning", "FailedCreate", `Error creating: ${res.message}`);
      return error ?? res.message;
    }
    rec.event(ds, "Normal", "SuccessfulCreate", `Created pod: ${res.object.metadata.name}`);
  }
  return error;
}

/** IsPodUpdated: the revision hash or the template generation matches. */
function isPodUpdated(p: Pod, hash: string, generation: number | undefined): boolean {
  const labels = p.metadata?.labels ?? {};
  return labels[REVISION_HASH_LABEL] === hash || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation));
}

/** maxUnavailable (int or percentage of the desired count, rounded up); 1 when it resolves to 0. */
function resolveMaxUnavailable(ds: DaemonSet, desired: number): number {
  const v = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  const n = typeof v === "number" ? v : Math.ceil((Number.parseInt(v, 10) / 100) * desired);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** rollingUpdate (maxSurge 0): old pods to delete, the unavailable ones first, within maxUnavailable. */
function rollingUpdate(ctx: ComponentContext, ds: DS, nodes: readonly Stored<"Node">[], byNode: Map<string, PodObj[]>, hash: string): PodObj[] {
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  const maxUnavailable = resolveMaxUnavailable(ds, desired);
  const nowMs = unixNow(ctx);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let unavailable = 0;
  const replace: PodObj[] = [];
  const candidates: PodObj[] = [];
  for (const node of [...byNode.keys()].sort()) {
    const live = byNode.get(node)!.filter((p) => !p.metadata.deletionTimestamp);
    const fresh = live.filter((p) => isPodUpdated(p, hash, ds.metadata.generation));
    const old = live.filter((p) => !isPodUpdated(p, hash, ds.metadata.generation));
    if (fresh.length > 1 || old.length > 1 || (fresh.length === 0) === (old.length === 0)) {
      unavailable++;
      continue;
    }
    if (fresh.length === 1) {
      if (!isPodAvailable(fresh[0]!, minReady, nowMs)) unavailable++;
      continue;
    }
    if (!isPodAvailable(old[0]!, minReady, nowMs)) replace.push(old[0]!);
    else if (unavailable < maxUnavailable) candidates.push(old[0]!);
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  return [...replace, ...candidates.slice(0, remaining)];
}

function buildStatus(ctx: ComponentContext, ds: DS, nodes: readonly Node[], byNode: Map<string, PodObj[]>, hash: string): DaemonSetStatus {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  const nowMs = unixNow(ctx);
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = byNode.get(node.metadata?.name ?? "");
    if (!shouldRun) {
      if (pods?.length) misscheduled++;
      continue;
    }
    desired++;
    if (!pods?.length) continue;
    current++;
    const pod = [...pods].sort(byCreation)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, nowMs)) available++;
    }
    if (isPodUpdated(pod, hash, ds.metadata.generation)) updated++;
  }
  return {
    observedGeneration: ds.metadata.generation,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
}

function writeStatus(ctx: ComponentContext, ds: DS, status: DaemonSetStatus): void {
  const clean = { ...status } as Record<string, unknown>;
  // As the API serializes them: these counters are omitempty.
  for (const k of ["updatedNumberScheduled", "numberAvailable", "numberUnavailable"]) if (clean[k] === 0) delete clean[k];
  ctx.store.mutate("DaemonSet", ds.metadata.namespace, ds.metadata.name, (d) => {
    if (d.metadata.uid !== ds.metadata.uid) return false;
    d.status = { ...(clean as unknown as DaemonSetStatus), ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}) };
  });
}
