/**
 * The reconcile contract (controller-runtime's Reconciler): a controller is a function from a key
 * ("namespace/name") to a result, level-triggered. It reads the current state from the store,
 * acts, and says when to look again; retries and back-off belong to the runtime.
 */
import type { Kind } from "../api/types";
import type { Millis } from "../clock/time";
import type { Component, ComponentContext } from "../sim/component";
import { WorkQueue } from "./workqueue";

export type ReconcileResult =
  /** Done; look again only when something changes. */
  | { requeueAfter?: undefined; error?: undefined }
  /** Done for now; look again after this many ms of virtual time (a deadline, a back-off). */
  | { requeueAfter: number; error?: undefined }
  /** Failed (a conflict, a missing object): retried with rate-limited back-off. */
  | { error: string; requeueAfter?: undefined };

export const done: ReconcileResult = {};

export interface ControllerSpec {
  /** As kube-controller-manager names it: "replicaset-controller", "deployment-controller", … */
  name: string;
  /**
   * Registers watches that enqueue keys: called once at start. `enqueueAfter` queues a key after a
   * delay of virtual time (the Job controller's 1 s batching of pod events).
   */
  watch(ctx: ComponentContext, enqueue: (key: string) => void, enqueueAfter: (key: string, delayMs: number) => void): void;
  reconcile(ctx: ComponentContext, key: string, queue: WorkQueue): ReconcileResult;
}

/** Hosts one ControllerSpec as a Component with its own work queue. */
export class Controller implements Component {
  readonly name: string;
  private queue!: WorkQueue;

  constructor(private readonly spec: ControllerSpec) {
    this.name = spec.name;
  }

  start(ctx: ComponentContext): void {
    this.queue = new WorkQueue(ctx, this.name, (key) => {
      const res = this.spec.reconcile(ctx, key, this.queue);
      if (res.error !== undefined) {
        this.queue.addRateLimited(key);
        return;
      }
      this.queue.forget(key);
      if (res.requeueAfter !== undefined) this.queue.addAfter(key, res.requeueAfter);
    });
    this.spec.watch(ctx, (key) => this.queue.add(key), (key, delayMs) => this.queue.addAfter(key, delayMs));
  }
}

/** "namespace/name" of an object, the key controllers queue. */
export function keyOf(o: { metadata?: { namespace?: string; name?: string } }): string {
  return o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : `${o.metadata?.name ?? ""}`;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf("/");
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Enqueues the owner (of kind `ownerKind`) of an object that changed, as controllers watch their children. */
export function enqueueOwner(ownerKind: Kind, o: { metadata?: { namespace?: string; ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }> } }, enqueue: (key: string) => void): void {
  const ref = o.metadata?.ownerReferences?.find((r) => r.controller && r.kind === ownerKind);
  if (ref) enqueue(o.metadata?.namespace ? `${o.metadata.namespace}/${ref.name}` : ref.name);
}

/**
 * The virtual clock as unix ms (virtual time 0 is the scenario's epoch): the time base of the
 * RFC 3339 timestamps in objects, for comparisons like podutil.IsPodAvailable.
 */
export function unixNow(ctx: Pick<ComponentContext, "now" | "timestamp">): number {
  return Date.parse(ctx.timestamp(0 as Millis)) + ctx.now();
}
