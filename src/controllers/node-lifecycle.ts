/**
 * The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 *
 * - Every 5 s (node-monitor-period) it checks each node's heartbeat: once nothing was heard for
 *   50 s (node-monitor-grace-period; 60 s startup grace for a node that never reported) every
 *   kubelet condition becomes Unknown ("NodeStatusUnknown", "Kubelet stopped posting node
 *   status."), the node gets a NodeNotReady event and its pods are marked not Ready.
 * - On the next pass the node is queued for the NoExecute taint `node.kubernetes.io/unreachable`
 *   (`not-ready` for Ready=False), added under a per-zone rate limit (0.1 node/s; none at all
 *   when every zone is fully disrupted, and none in a partially disrupted zone of a small
 *   cluster), and removed when the node is Ready again.
 * - On every node change it keeps the NoSchedule taints that mirror conditions
 *   (not-ready, unreachable, memory-pressure, disk-pressure, pid-pressure, network-unavailable)
 *   and spec.unschedulable (cordon) in step.
 * The heartbeat is the Ready condition's lastHeartbeatTime (see kubelet/node-status.ts).
 */
import type { Node, NodeCondition, Taint } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import type { Stored } from "../api/types";
import type { Timer } from "../clock/clock";
import type { Component, ComponentContext } from "../sim/component";

export const NODE_CONTROLLER = "node-controller";
export const NODE_MONITOR_PERIOD_MS = 5000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const NODE_STARTUP_GRACE_MS = 60_000;
const EVICTION_QPS = 0.1;
const SECONDARY_EVICTION_QPS = 0.01;
const LARGE_CLUSTER_THRESHOLD = 50;
const UNHEALTHY_ZONE_THRESHOLD = 0.55;

export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";

/** nodeConditionToTaintKeyStatusMap and the unschedulable taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
  DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
  NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
  PIDPressure: { True: "node.kubernetes.io/pid-pressure" },
};
const CONDITION_TAINT_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), "node.kubernetes.io/unschedulable"]);

type ZoneState = "Initial" | "Normal" | "FullDisruption" | "PartialDisruption";

interface Health {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition as last observed (heartbeat and transition times). */
  saved?: NodeCondition;
}

/** A zone's rate-limited queue of nodes to taint (RateLimitedTimedQueue with a token bucket, burst 1). */
class ZoneTainter {
  queue: string[] = [];
  /** UniqueQueue's set: a node is queued once, until markNodeAsReachable removes it. */
  readonly seen = new Set<string>();
  qps = EVICTION_QPS;
  private tokens = 1;
  private last = 0;

  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens >= 1 - 1e-9) { this.tokens -= 1; return true; }
    return false;
  }

  /** When the next token is there. */
  nextToken(now: number): number | undefined {
    if (this.qps <= 0) return undefined;
    return now + Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }

  /** SwapLimiter: a fresh bucket at the new rate, drained when the old one was empty. */
  swap(qps: number, now: number): void {
    if (qps === this.qps) return;
    const had = this.tryAccept(now);
    this.qps = qps;
    this.tokens = had ? 1 : 0;
    this.last = now;
  }
}

export const nodeLifecycleControllerFactory = (): Component => new NodeLifecycleController();

export function zoneKey(n: Node): string {
  const l = n.metadata?.labels ?? {};
  return `${l["topology.kubernetes.io/region"] ?? ""}:\u0000:${l["topology.kubernetes.io/zone"] ?? ""}`;
}

function condition(n: Node, type: string): NodeCondition | undefined {
  return n.status?.conditions?.find((c) => c.type === type);
}

class NodeLifecycleController implements Component {
  readonly name = "node-lifecycle-controller";
  private ctx!: ComponentContext;
  private rec!: Recorder;
  private readonly health = new Map<string, Health>();
  private readonly known = new Set<string>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainters = new Map<string, ZoneTainter>();
  private readonly noScheduleQueued = new Set<string>();
  private taintTimer: Timer | undefined;

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.rec = ctx.recorder({ component: NODE_CONTROLLER });
    const tick = () => {
      this.monitorNodeHealth();
      ctx.after(NODE_MONITOR_PERIOD_MS, "node-lifecycle-controller monitor", tick);
    };
    ctx.after(0, "node-lifecycle-controller monitor", tick);
    ctx.store.watch("Node", (ev) => {
      if (ev.type === "DELETED") return;
      const name = ev.object.metadata.name;
      if (this.noScheduleQueued.has(name)) return;
      this.noScheduleQueued.add(name);
      ctx.after(0, `node-lifecycle-controller check taints of ${name}`, () => {
        this.noScheduleQueued.delete(name);
        this.noScheduleTaintingPass(name);
      });
    });
    ctx.store.watch("Pod", (ev) => {
      const node = ev.object.spec?.nodeName;
      if (ev.type === "DELETED" || !node || ev.old?.spec?.nodeName === node) return;
      const { namespace, name } = ev.object.metadata;
      ctx.after(0, `node-lifecycle-controller pod ${namespace}/${name}`, () => this.processPod(namespace!, name));
    });
  }

  private now(): number {
    return this.ctx.now();
  }

  private ts(): string {
    return this.ctx.timestamp(this.now() as never);
  }

  /** processPod: a pod newly assigned to a node that is not Ready is marked not Ready. */
  private processPod(namespace: string, name: string): void {
    const pod = this.ctx.store.get("Pod", namespace, name);
    const node = pod?.spec?.nodeName ? this.ctx.store.get("Node", undefined, pod.spec.nodeName) : undefined;
    if (!pod || !node || !this.health.has(node.metadata.name)) return;
    const ready = condition(node, "Ready");
    if (ready && ready.status !== "True") this.markPodsNotReady([pod]);
  }

  private monitorNodeHealth(): void {
    const nodes = this.ctx.store.list("Node");
    for (const n of nodes) {
      if (this.known.has(n.metadata.name)) continue;
      this.known.add(n.metadata.name);
      this.rec.event(n, "Normal", "RegisteredNode", `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`);
      this.tainterFor(n);
      this.markNodeAsReachable(n);
    }
    for (const k of [...this.known]) if (!nodes.some((n) => n.metadata.name === k)) this.known.delete(k);
    const zoneConds = new Map<string, Array<NodeCondition | undefined>>();
    for (const stale of nodes) {
      const { observed, current } = this.tryUpdateNodeHealth(stale);
      const node = this.ctx.store.get("Node", undefined, stale.metadata.name)!;
      const zone = zoneKey(node);
      if (node.metadata.labels?.["node.kubernetes.io/exclude-disruption"] === undefined) zoneConds.set(zone, [...(zoneConds.get(zone) ?? []), current]);
      if (!current) continue;
      this.processTaintBaseEviction(node, observed);
      if (current.status !== "True" && observed.status === "True") {
        this.rec.event(node, "Normal", "NodeNotReady", `Node ${node.metadata.name} status is now: NodeNotReady`);
        this.markPodsNotReady(this.ctx.store.list("Pod").filter((p) => p.spec?.nodeName === node.metadata.name));
      }
    }
    this.handleDisruption(zoneConds);
    this.noExecuteTaintingPass();
  }

  /** tryUpdateNodeHealth: the Ready condition seen before this pass, and after it. */
  private tryUpdateNodeHealth(node: Stored<"Node">): { observed: NodeCondition; current: NodeCondition | undefined } {
    const name = node.metadata.name;
    const created = this.ctx.fromTimestamp(node.metadata.creationTimestamp) ?? 0;
    let h = this.health.get(name);
    const current = condition(node, "Ready");
    let grace = NODE_MONITOR_GRACE_MS;
    let observed: NodeCondition;
    if (!current) {
      observed = { type: "Ready", status: "Unknown", lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
      grace = NODE_STARTUP_GRACE_MS;
      h ??= { probeTimestamp: created, readyTransitionTimestamp: created };
    } else {
      observed = { ...current };
      if (!h || !h.saved) h = { probeTimestamp: this.now(), readyTransitionTimestamp: this.now(), saved: current };
      else if (h.saved.lastHeartbeatTime !== current.lastHeartbeatTime) {
        const transition = h.saved.lastTransitionTime !== current.lastTransitionTime ? this.now() : h.readyTransitionTimestamp;
        h = { probeTimestamp: this.now(), readyTransitionTimestamp: transition, saved: current };
      }
    }
    this.health.set(name, h);
    if (this.now() <= h.probeTimestamp + grace) return { observed, current };
    const ts = this.ts();
    const res = this.ctx.store.mutate("Node", undefined, name, (n) => {
      const conds = [...(n.status?.conditions ?? [])];
      for (const type of ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"]) {
        const i = conds.findIndex((c) => c.type === type);
        if (i < 0) {
          conds.push({ type, status: "Unknown", reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status.", lastHeartbeatTime: n.metadata.creationTimestamp, lastTransitionTime: ts });
        } else if (conds[i]!.status !== "Unknown") {
          conds[i] = { ...conds[i]!, status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: ts };
        }
      }
      n.status = { ...n.status, conditions: conds };
    });
    const after = res.ok ? condition(res.object, "Ready") : current;
    if (after && JSON.stringify(after) !== JSON.stringify(current)) {
      this.health.set(name, { probeTimestamp: h.probeTimestamp, readyTransitionTimestamp: this.now(), ...(after ? { saved: after } : {}) });
    }
    return { observed, current: after };
  }

  private tainterFor(n: Node): ZoneTainter {
    const zone = zoneKey(n);
    let t = this.tainters.get(zone);
    if (!t) {
      this.tainters.set(zone, (t = new ZoneTainter()));
      this.zoneStates.set(zone, "Initial");
    }
    return t;
  }

  private processTaintBaseEviction(node: Stored<"Node">, observed: NodeCondition): void {
    const taints = node.spec?.taints ?? [];
    const has = (key: string) => taints.some((t) => t.key === key && t.effect === "NoExecute");
    switch (observed.status) {
      case "False":
        if (has(TAINT_UNREACHABLE)) this.swapNoExecute(node.metadata.name, TAINT_NOT_READY, TAINT_UNREACHABLE);
        else this.markForTainting(node);
        break;
      case "Unknown":
        if (has(TAINT_NOT_READY)) this.swapNoExecute(node.metadata.name, TAINT_UNREACHABLE, TAINT_NOT_READY);
        else this.markForTainting(node);
        break;
      case "True":
        this.markNodeAsReachable(node);
        break;
    }
  }

  private markForTainting(node: Stored<"Node">): void {
    const t = this.tainterFor(node);
    if (t.seen.has(node.metadata.name)) return;
    t.seen.add(node.metadata.name);
    t.queue.push(node.metadata.name);
  }

  private markNodeAsReachable(node: Stored<"Node">): void {
    const t = this.tainterFor(node);
    t.queue = t.queue.filter((n) => n !== node.metadata.name);
    t.seen.delete(node.metadata.name);
    const taints = node.spec?.taints ?? [];
    if (!taints.some((x) => x.effect === "NoExecute" && (x.key === TAINT_UNREACHABLE || x.key === TAINT_NOT_READY))) return;
    this.ctx.store.mutate("Node", undefined, node.metadata.name, (n) => {
      n.spec = { ...n.spec, taints: (n.spec?.taints ?? []).filter((x) => !(x.effect === "NoExecute" && (x.key === TAINT_UNREACHABLE || x.key === TAINT_NOT_READY))) };
    });
  }

  /** SwapNodeControllerTaint for the NoExecute pair. */
  private swapNoExecute(name: string, add: string, remove: string): void {
    const ts = this.ts();
    this.ctx.store.mutate("Node", undefined, name, (n) => {
      const kept = (n.spec?.taints ?? []).filter((x) => !(x.effect === "NoExecute" && (x.key === add || x.key === remove)));
      n.spec = { ...n.spec, taints: [...kept, { key: add, effect: "NoExecute", timeAdded: ts }] };
    });
  }

  /** doNoExecuteTaintingPass: taint queued nodes as each zone's rate limit allows. */
  private noExecuteTaintingPass(): void {
    this.taintTimer?.cancel();
    this.taintTimer = undefined;
    let next: number | undefined;
    for (const t of this.tainters.values()) {
      while (t.queue.length > 0) {
        if (!t.tryAccept(this.now())) {
          const at = t.nextToken(this.now());
          if (at !== undefined) next = next === undefined ? at : Math.min(next, at);
          break;
        }
        const name = t.queue.shift()!;
        const node = this.ctx.store.get("Node", undefined, name);
        const ready = node ? condition(node, "Ready") : undefined;
        if (ready?.status === "False") this.swapNoExecute(name, TAINT_NOT_READY, TAINT_UNREACHABLE);
        else if (ready?.status === "Unknown") this.swapNoExecute(name, TAINT_UNREACHABLE, TAINT_NOT_READY);
      }
    }
    if (next !== undefined) this.taintTimer = this.ctx.at(next as never, "node-lifecycle-controller tainting", () => this.noExecuteTaintingPass());
  }

  /** ComputeZoneState and handleDisruption. */
  private handleDisruption(zoneConds: Map<string, Array<NodeCondition | undefined>>): void {
    const fresh = new Map<string, ZoneState>();
    let allFully = true;
    for (const [zone, conds] of zoneConds) {
      const ready = conds.filter((c) => c?.status === "True").length;
      const notReady = conds.length - ready;
      const state: ZoneState = ready === 0 && notReady > 0 ? "FullDisruption"
        : notReady > 2 && notReady / conds.length >= UNHEALTHY_ZONE_THRESHOLD ? "PartialDisruption" : "Normal";
      if (state !== "FullDisruption") allFully = false;
      fresh.set(zone, state);
    }
    let allWasFully = true;
    for (const [zone, s] of this.zoneStates) {
      if (!zoneConds.has(zone)) { this.zoneStates.delete(zone); continue; }
      if (s !== "FullDisruption") { allWasFully = false; break; }
    }
    if (allFully && allWasFully) return;
    const now = this.now();
    if (allFully) {
      for (const n of this.ctx.store.list("Node")) this.markNodeAsReachable(n);
      for (const [zone, t] of this.tainters) { t.swap(0, now); this.zoneStates.set(zone, "FullDisruption"); }
      return;
    }
    for (const [zone, state] of fresh) {
      if (!allWasFully && this.zoneStates.get(zone) === state) continue;
      const size = zoneConds.get(zone)?.length ?? 0;
      const qps = state === "PartialDisruption" ? (size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0) : EVICTION_QPS;
      this.tainters.get(zone)?.swap(qps, now);
      this.zoneStates.set(zone, state);
    }
    if (allWasFully) for (const h of this.health.values()) { h.probeTimestamp = now; h.readyTransitionTimestamp = now; }
  }

  /** MarkPodsNotReady (controller_utils.go). */
  private markPodsNotReady(pods: ReadonlyArray<Stored<"Pod">>): void {
    const ts = this.ts();
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
      if (!ready || ready.status === "False") continue;
      const res = this.ctx.store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
        if (p.metadata.uid !== pod.metadata.uid) return false;
        p.status = { ...p.status, conditions: (p.status?.conditions ?? []).map((c) => (c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: ts } : c)) };
      });
      if (res.ok) this.rec.event(res.object, "Warning", "NodeNotReady", "Node is not ready");
    }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints that mirror the node's conditions and cordon. */
  private noScheduleTaintingPass(name: string): void {
    const node = this.ctx.store.get("Node", undefined, name);
    if (!node) return;
    const want: string[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) want.push(key);
    }
    if (node.spec?.unschedulable) want.push("node.kubernetes.io/unschedulable");
    const have = (node.spec?.taints ?? []).filter((t) => t.effect === "NoSchedule" && CONDITION_TAINT_KEYS.has(t.key)).map((t) => t.key);
    const add = want.filter((k) => !have.includes(k));
    const remove = have.filter((k) => !want.includes(k));
    if (add.length === 0 && remove.length === 0) return;
    const ts = this.ts();
    this.ctx.store.mutate("Node", undefined, name, (n) => {
      const kept = (n.spec?.taints ?? []).filter((t) => !(t.effect === "NoSchedule" && remove.includes(t.key)));
      const added: Taint[] = add.map((key) => ({ key, effect: "NoSchedule", timeAdded: ts }));
      n.spec = { ...n.spec, taints: [...kept, ...added] };
    });
  }
}
