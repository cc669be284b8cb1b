/**
 * One node's kubelet: registers the node and posts its status (heartbeat every 10 s), admits
 * the pods bound to it and runs a pod worker for each, runs the eviction manager, and enforces
 * activeDeadlineSeconds. When the node's machine goes down the kubelet stops with it (no
 * status, no heartbeat, every container gone); when it comes back the kubelet restarts, reports
 * Ready again, and re-creates its pods' sandboxes and containers.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { memoryBytes as memoryBytesOf } from "../api/quantity";
import type { Recorder } from "../api/events";
import type { ObjectStore } from "../api/store";
import type { Stored } from "../api/types";
import type { Timer } from "../clock/clock";
import type { ComponentContext } from "../sim/component";
import { admitPod } from "./admission";
import { crashLoopBackOff, type Backoff } from "./backoff";
import type { Volume } from "./behaviour/fs";
import type { Listener, NetClient } from "./behaviour/net-types";
import { EVICTION_MONITOR_MS, evictionMessage, isCriticalPod, MemoryPressureState, rankMemoryPressure, type PodUsage } from "./eviction";
import { ImageManager } from "./image-manager";
import type { NodeServices } from "./node-services";
import { NODE_STATUS_UPDATE_MS, nodeIP, registerNodeStatus } from "./node-status";
import { podIPFor } from "./pod-ip";
import { PodWorker } from "./pod-worker";
import { EV, MSG } from "./reasons";
import { containerStats, type ContainerStats, type NodeStats } from "./stats";

export const KUBELET = "kubelet";

/** What all nodes' kubelets share: data outliving pods, the pod network, kube-proxy's generator. */
export interface ClusterServices {
  persistentVolume(key: string): Volume;
  network(namespace: string, self: Listener): NetClient;
}

export class NodeKubelet implements NodeServices {
  readonly store: ObjectStore;
  readonly recorder: Recorder;
  readonly images: ImageManager;
  crashBackoff: Backoff = crashLoopBackOff();
  readonly epochMs: number;
  readonly workers = new Map<string, PodWorker>();
  private running = false;
  private timers: Timer[] = [];
  private readonly pressure = new MemoryPressureState();
  private memoryPressure = false;
  private boots = 0;
  private readonly pending = new Set<string>();

  constructor(private readonly ctx: ComponentContext, readonly nodeName: string, private readonly index: number, private readonly cluster: ClusterServices) {
    this.store = ctx.store;
    this.recorder = ctx.recorder({ component: KUBELET, host: nodeName });
    this.images = new ImageManager({ now: () => ctx.now(), after: (ms, l, r) => this.after(ms, l, r), recorder: this.recorder });
    // Virtual time 0 as unix ms (for `date` inside containers).
    this.epochMs = Date.parse(ctx.timestamp(0 as never));
  }

  now(): number { return this.ctx.now(); }
  timestamp(ms: number): string { return this.ctx.timestamp(ms as never); }
  up(): boolean { return this.running; }

  /** Timers die with the kubelet: a stopped node runs nothing. */
  after(ms: number, label: string, run: () => void): Timer {
    return this.ctx.after(ms, label, () => { if (this.running) run(); });
  }

  private every(ms: number, label: string, run: () => void): void {
    const tick = () => {
      if (!this.running) return;
      run();
      this.timers.push(this.ctx.after(ms, label, tick));
    };
    this.timers.push(this.ctx.after(ms, label, tick));
  }

  hostIP(): string { return nodeIP(this.store.get("Node", undefined, this.nodeName)); }
  persistentVolume(key: string): Volume { return this.cluster.persistentVolume(key); }
  network(namespace: string, self: Listener): NetClient { return this.cluster.network(namespace, self); }
  forget(uid: string): void { this.workers.delete(uid); }

  allocateIP(uid: string): string {
    const used = new Set<string>();
    for (const w of this.workers.values()) if (w.uid !== uid && w.runtime.sandbox) used.add(w.runtime.sandbox.ip);
    for (const p of this.store.list("Pod")) if (p.spec?.nodeName === this.nodeName && p.status?.podIP && p.metadata.uid !== uid) used.add(p.status.podIP);
    return podIPFor(this.store.get("Node", undefined, this.nodeName)?.spec?.podCIDR, used);
  }

  /** Starts (or restarts, after the machine came back) the kubelet. */
  boot(): void {
    if (this.running || !this.ctx.machines.isUp(this.nodeName) || !this.store.get("Node", undefined, this.nodeName)) return;
    this.running = true;
    const restart = this.boots++ > 0;
    this.crashBackoff = crashLoopBackOff();
    this.pressure.reset();
    this.memoryPressure = false;
    const node = this.store.get("Node", undefined, this.nodeName)!;
    if (restart) {
      this.recorder.event(node, "Normal", EV.Starting, MSG.startingKubelet);
      this.recorder.event(node, "Warning", "Rebooted", `Node ${this.nodeName} has been rebooted, boot id: ${bootID(this.nodeName, this.boots)}`);
    }
    this.postStatus();
    this.every(NODE_STATUS_UPDATE_MS, `kubelet ${this.nodeName}: node status`, () => this.postStatus());
    this.every(EVICTION_MONITOR_MS, `kubelet ${this.nodeName}: eviction manager`, () => this.evictionCycle());
    for (const w of this.workers.values()) w.resume();
    for (const p of this.store.list("Pod")) if (p.spec?.nodeName === this.nodeName) this.handlePod(p.metadata.namespace!, p.metadata.name, p.metadata.uid);
  }

  /** The machine went down. */
  shutdown(): void {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) t.cancel();
    this.timers = [];
    for (const w of this.workers.values()) w.halt();
    this.images.forgetAll();
  }

  /** Posts the node status: conditions (with their events on transitions) and a fresh heartbeat. */
  postStatus(): void {
    const ts = this.timestamp(this.now());
    const before = this.store.get("Node", undefined, this.nodeName);
    if (!before) return;
    const wasReady = before.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
    const wasPressure = before.status?.conditions?.find((c) => c.type === "MemoryPressure")?.status === "True";
    const res = this.store.mutate("Node", undefined, this.nodeName, (n) => registerNodeStatus(n, this.index, ts, { memory: this.memoryPressure }));
    if (!res.ok) return;
    if (wasPressure !== this.memoryPressure && (wasPressure || this.memoryPressure)) {
      this.recorder.event(res.object, "Normal", this.memoryPressure ? "NodeHasInsufficientMemory" : "NodeHasSufficientMemory", MSG.nodeStatus(this.nodeName, this.memoryPressure ? "NodeHasInsufficientMemory" : "NodeHasSufficientMemory"));
    }
    if (!wasReady) this.recorder.event(res.object, "Normal", EV.NodeReady, MSG.nodeStatus(this.nodeName, EV.NodeReady));
  }

  /** A watch saw the pod change: handle it after the current event. */
  podEvent(pod: Stored<"Pod">): void {
    if (!this.running) return;
    const { namespace, name, uid } = pod.metadata;
    if (this.pending.has(uid)) return;
    this.pending.add(uid);
    this.after(0, `kubelet ${this.nodeName}: pod ${namespace}/${name}`, () => {
      this.pending.delete(uid);
      this.handlePod(namespace!, name, uid);
    });
  }

  /** The pod left the API. */
  podRemoved(uid: string): void {
    const w = this.workers.get(uid);
    if (w && !w.termination.finished) w.termination.orphaned();
    this.workers.delete(uid);
  }

  private active(except: string): Pod[] {
    const out: Pod[] = [];
    for (const w of this.workers.values()) {
      if (w.uid === except || w.termination.finished) continue;
      out.push(w.pod);
    }
    return out;
  }

  private handlePod(namespace: string, name: string, uid: string): void {
    if (!this.running) return;
    const pod = this.store.get("Pod", namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.spec?.nodeName !== this.nodeName) return;
    const w = this.workers.get(uid);
    if (w) return w.requestSync();
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return;
    const node = this.store.get("Node", undefined, this.nodeName)!;
    if (!pod.metadata.deletionTimestamp) {
      const verdict = admitPod(pod, node, this.active(uid), this.memoryPressure);
      if (!verdict.admit) return this.reject(pod, verdict.reason, verdict.message);
    }
    const worker = new PodWorker(this, pod);
    this.workers.set(uid, worker);
    worker.start();
    const deadline = pod.spec?.activeDeadlineSeconds;
    if (deadline !== undefined) {
      const started = this.ctx.fromTimestamp(pod.status?.startTime) ?? this.now();
      this.after(Math.max(0, started + deadline * 1000 - this.now()), `kubelet ${this.nodeName}: active deadline ${namespace}/${name}`, () => {
        if (this.workers.get(uid) !== worker || worker.termination.active || worker.termination.finished) return;
        this.recorder.event(worker.pod, "Normal", EV.DeadlineExceeded, MSG.deadline);
        worker.statusReason = { reason: EV.DeadlineExceeded, message: MSG.deadline };
        worker.termination.begin(worker.pod.spec?.terminationGracePeriodSeconds ?? 30, "evicted");
        worker.termination.step();
      });
    }
  }

  /** rejectPod: the pod fails with the admission reason and never runs here. */
  private reject(pod: Stored<"Pod">, reason: string, message: string): void {
    this.recorder.event(pod, "Warning", reason, message);
    const ts = this.timestamp(this.now());
    this.store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
      if (p.metadata.uid !== pod.metadata.uid) return false;
      p.status = { ...p.status, phase: "Failed", reason, message: MSG.rejected(message), startTime: p.status?.startTime ?? ts };
    });
  }

  /** One pod's running containers' usage; undefined when the kubelet is down or does not run the pod. */
  podStats(uid: string): ContainerStats[] | undefined {
    const w = this.workers.get(uid);
    if (!this.running || !w || w.termination.finished) return undefined;
    return containerStats(w.runtime);
  }

  /** The node's usage; undefined when the kubelet is down. */
  nodeStats(): NodeStats | undefined {
    if (!this.running) return undefined;
    let cpuMilli = 0, memoryBytes = 0;
    for (const w of this.workers.values()) {
      if (w.termination.finished) continue;
      for (const c of containerStats(w.runtime)) { cpuMilli += c.cpuMilli; memoryBytes += c.memoryBytes; }
    }
    return { cpuMilli, memoryBytes };
  }

  private evictionCycle(): void {
    const node = this.store.get("Node", undefined, this.nodeName);
    if (!node) return;
    const allocatable = this.memoryOf(node.status?.allocatable?.memory ?? node.status?.capacity?.memory);
    const usages: Array<PodUsage & { worker: PodWorker }> = [];
    for (const w of this.workers.values()) {
      if (w.termination.finished) continue;
      const containers = containerStats(w.runtime).map((c) => ({ name: c.name, memory: c.memoryBytes }));
      usages.push({ worker: w, pod: w.pod, memory: containers.reduce((s, c) => s + c.memory, 0), containers });
    }
    const available = allocatable - usages.reduce((s, u) => s + u.memory, 0);
    const { met, pressure } = this.pressure.observe(available, this.now());
    if (pressure !== this.memoryPressure) {
      this.memoryPressure = pressure;
      this.postStatus();
    }
    if (!met) return;
    this.recorder.event(node, "Warning", EV.EvictionThresholdMet, "Attempting to reclaim memory");
    const candidates = usages.filter((u) => !u.worker.termination.active && !isCriticalPod(u.pod));
    const victim = rankMemoryPressure(candidates)[0] as (PodUsage & { worker: PodWorker }) | undefined;
    if (victim) this.evict(victim.worker, evictionMessage(victim, available));
  }

  private memoryOf(v: string | number | undefined): number {
    return v === undefined ? 0 : memoryBytesOf(v);
  }

  /** evictPod: hard eviction, grace period 0; the pod stays in the API as Failed / Evicted. */
  evict(w: PodWorker, message: string): void {
    this.recorder.event(w.pod, "Warning", EV.Evicted, message);
    const ts = this.timestamp(this.now());
    this.store.mutate("Pod", w.namespace, w.name, (p) => {
      if (p.metadata.uid !== w.uid) return false;
      const conds = (p.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget");
      conds.unshift({ type: "DisruptionTarget", status: "True", reason: "TerminationByKubelet", message, lastTransitionTime: ts, lastProbeTime: null as unknown as undefined });
      p.status = { ...p.status, conditions: conds };
    });
    w.statusReason = { reason: "Evicted", message };
    w.termination.begin(0, "evicted");
    w.termination.step();
  }
}


/** A stable boot id per node and boot, as /proc/sys/kernel/random/boot_id reports one. */
function bootID(node: string, boot: number): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let k = 0; out.length < 32; k++) {
    const s = `${node}#${boot}#${k}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20, 32)}`;
}
