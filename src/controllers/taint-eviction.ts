/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): pods on a node
 * with NoExecute taints they do not tolerate are deleted at once; pods tolerating them for
 * tolerationSeconds are deleted that long after the controller saw the taint (the shortest
 * tolerationSeconds among the tolerations used); a toleration without tolerationSeconds keeps the
 * pod forever. Removing the taint cancels pending deletions. A deletion first adds the
 * DisruptionTarget condition (DeletionByTaintManager), then deletes the pod gracefully.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import type { Timer } from "../clock/clock";
import { toleratesTaint } from "../scheduler/taints";
import type { Component, ComponentContext } from "../sim/component";

export const TAINT_EVICTION_CONTROLLER = "taint-eviction-controller";

export const taintEvictionControllerFactory = (): Component => new TaintEvictionController();

const noExecute = (taints: readonly Taint[] | undefined): Taint[] => (taints ?? []).filter((t) => t.effect === "NoExecute");

/** v1helper.GetMatchingTolerations: whether every taint is tolerated, and the first toleration used for each. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime: ms until eviction, 0 for at once, -1 for never. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

class TaintEvictionController implements Component {
  readonly name = TAINT_EVICTION_CONTROLLER;
  private ctx!: ComponentContext;
  private rec!: Recorder;
  private readonly tainted = new Map<string, Taint[]>();
  private readonly work = new Map<string, { createdAt: number; timer: Timer }>();

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.rec = ctx.recorder({ component: TAINT_EVICTION_CONTROLLER });
    ctx.store.watch("Node", (ev) => {
      const before = JSON.stringify(noExecute(ev.old?.spec?.taints));
      const after = ev.type === "DELETED" ? "[]" : JSON.stringify(noExecute(ev.object.spec?.taints));
      if (ev.type === "MODIFIED" && before === after) return;
      const name = ev.object.metadata.name;
      ctx.after(0, `${this.name} node ${name}`, () => this.handleNode(name));
    });
    ctx.store.watch("Pod", (ev) => {
      const old = ev.old, pod = ev.object;
      if (ev.type === "MODIFIED" && old && JSON.stringify(old.spec?.tolerations) === JSON.stringify(pod.spec?.tolerations) && old.spec?.nodeName === pod.spec?.nodeName) return;
      const { namespace, name } = pod.metadata;
      ctx.after(0, `${this.name} pod ${namespace}/${name}`, () => this.handlePod(namespace!, name));
    });
  }

  private handleNode(name: string): void {
    const node = this.ctx.store.get("Node", undefined, name);
    const taints = noExecute(node?.spec?.taints);
    if (taints.length === 0) this.tainted.delete(name);
    else this.tainted.set(name, taints);
    if (!node) return;
    const pods = this.ctx.store.list("Pod").filter((p) => p.spec?.nodeName === name);
    for (const p of pods) {
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      if (taints.length === 0) this.cancel(key);
      else this.processPod(key, p.spec?.tolerations, taints);
    }
  }

  private handlePod(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const pod = this.ctx.store.get("Pod", namespace, name);
    if (!pod) return this.cancel(key);
    const taints = pod.spec?.nodeName ? this.tainted.get(pod.spec.nodeName) : undefined;
    if (!taints) return;
    this.processPod(key, pod.spec?.tolerations, taints);
  }

  private processPod(key: string, tolerations: readonly Toleration[] | undefined, taints: readonly Taint[]): void {
    const now: number = this.ctx.now();
    if (taints.length === 0) return this.cancel(key);
    const { all, used } = matchingTolerations(taints, tolerations);
    if (!all) {
      this.cancel(key);
      return this.schedule(key, now, now);
    }
    const min = minTolerationMs(used);
    if (min < 0) return this.cancel(key);
    let created: number = now;
    const existing = this.work.get(key);
    if (existing) {
      created = existing.createdAt;
      if (created + min < now + min) return;
      this.cancel(key);
    }
    this.schedule(key, created, now + min);
  }

  private schedule(key: string, createdAt: number, fireAt: number): void {
    const timer = this.ctx.at(fireAt as never, `${this.name} evict ${key}`, () => {
      this.work.delete(key);
      this.evict(key);
    });
    this.work.set(key, { createdAt, timer });
  }

  private cancel(key: string): void {
    const w = this.work.get(key);
    if (!w) return;
    w.timer.cancel();
    this.work.delete(key);
    const [namespace, name] = key.split("/") as [string, string];
    this.rec.event({ apiVersion: "v1", kind: "Pod", metadata: { namespace, name } }, "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${key}`);
  }

  private evict(key: string): void {
    const [namespace, name] = key.split("/") as [string, string];
    this.rec.event({ apiVersion: "v1", kind: "Pod", metadata: { namespace, name } }, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${key}`);
    const ts = this.ctx.timestamp(this.ctx.now() as never);
    const res = this.ctx.store.mutate("Pod", namespace, name, (p) => {
      const conds = p.status?.conditions ?? [];
      if (conds.some((c) => c.type === "DisruptionTarget" && c.status === "True")) return false;
      p.status = { ...p.status, conditions: [...conds, { type: "DisruptionTarget", status: "True", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint", lastTransitionTime: ts, lastProbeTime: null as unknown as undefined }] };
    });
    if (res.ok) this.ctx.store.delete("Pod", namespace, name);
  }
}
