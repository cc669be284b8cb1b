/**
 * The default-scheduler component: watches pods, nodes and the few objects its plugins read, keeps
 * the scheduler cache and the scheduling queue, and schedules one pod per step of virtual time
 * (taking no virtual time itself). A success binds the pod and records "Scheduled"; a failure runs
 * preemption, records "FailedScheduling" and sets PodScheduled=False; the pod waits in the queue
 * until a cluster event may help. Every attempt is kept for `explain`.
 */
import type { Stored } from "../api/types";
import type { Recorder } from "../api/events";
import type { Timer } from "../clock/clock";
import { ms } from "../clock/time";
import type { Component, ComponentContext } from "../sim/component";
import { bindPod, clearNominatedNodeName, evictVictim, markUnschedulable, SCHEDULER_NAME } from "./api-writes";
import { SchedulerCache } from "./cache";
import { truncateMessage } from "./diagnosis";
import { ExplainHistory, type ScheduleAttempt } from "./explain";
import { Framework, type CycleResult } from "./framework";
import type { NodeInfo } from "./node-info";
import { PodInfo } from "./pod-info";
import { DefaultPreemption } from "./plugins/default-preemption";
import { defaultProfile } from "./plugins/registry";
import { PriorityClasses } from "./priority";
import { BACKOFF_FLUSH_PERIOD_MS, SchedulingQueue, UNSCHEDULABLE_FLUSH_PERIOD_MS, type QueuedPod, type QueueOptions } from "./queue";
import { NodeChange, type ClusterEvent, type EnqueuePlugin } from "./types";

export interface SchedulerOptions extends QueueOptions {
  /** Record every attempt for explain (default true). */
  explain?: boolean;
  /** KubeSchedulerConfiguration percentageOfNodesToScore; 0 (default) = adaptive. */
  percentageOfNodesToScore?: number;
}

/** What the Simulation asks a component that can explain scheduling. */
export interface Explainer {
  explain(namespace: string, name: string): ScheduleAttempt[];
}

export function isExplainer(c: unknown): c is Explainer {
  return typeof (c as Partial<Explainer>)?.explain === "function";
}

const sameJSON = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class Scheduler implements Component, Explainer {
  readonly name = SCHEDULER_NAME;
  private ctx!: ComponentContext;
  private recorder!: Recorder;
  private cache!: SchedulerCache;
  private queue!: SchedulingQueue;
  private framework!: Framework;
  private readonly priorities = new PriorityClasses();
  private readonly services = new Map<string, Map<string, Stored<"Service">>>();
  private readonly nominated = new Map<string, Map<string, PodInfo>>();
  private nominatedCount = 0;
  private readonly history = new ExplainHistory();
  private cyclePending = false;
  private backoffTimer: { at: number; timer: Timer } | undefined;
  private unschedulableTimer: Timer | undefined;
  private preemption!: DefaultPreemption;

  constructor(private readonly options: SchedulerOptions = {}) {}

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.recorder = ctx.recorder({ component: SCHEDULER_NAME });
    const store = ctx.store;
    this.cache = new SchedulerCache({
      services: (ns) => [...(this.services.get(ns)?.values() ?? [])],
      replicaSet: (ns, name) => store.get("ReplicaSet", ns, name),
      statefulSet: (ns, name) => store.get("StatefulSet", ns, name),
    });
    const tieBreak = ctx.random("tie-break");
    const preemptRandom = ctx.random("preemption");
    this.preemption = new DefaultPreemption({
      snapshot: this.cache,
      runFilters: (state, pod, node) => this.framework.runFilters(state, pod, node),
      addPod: (state, pod, p, node) => this.framework.addPod(state, pod, p, node),
      removePod: (state, pod, p, node) => this.framework.removePod(state, pod, p, node),
      intn: (n) => preemptRandom.intn(n),
      pdbs: () => store.list("PodDisruptionBudget"),
      nominatedPods: (node) => [...(this.nominated.get(node)?.values() ?? [])],
      evict: (preemptor, victim, node) => this.evict(preemptor, victim, node),
      clearNomination: (pods) => { for (const p of pods) clearNominatedNodeName(store, p.pod); },
    }, { now: () => ctx.now(), parse: (ts) => ctx.fromTimestamp(ts) });
    const profile = defaultProfile(this.cache, this.preemption);
    const nominator = {
      nominatedPods: (node: string) => [...(this.nominated.get(node)?.values() ?? [])],
      size: () => this.nominatedCount,
    };
    this.framework = new Framework(profile, this.cache, nominator, (n) => tieBreak.intn(n), {
      record: this.options.explain ?? true,
      percentageOfNodesToScore: this.options.percentageOfNodesToScore,
    });
    const enqueue = new Map<string, EnqueuePlugin>(profile.enqueue.map((p) => [p.name, p]));
    this.queue = new SchedulingQueue(() => ctx.now(), enqueue, this.options);

    store.watch("Namespace", (ev) => {
      if (ev.type === "DELETED") this.cache.removeNamespace(ev.object.metadata.name);
      else this.cache.setNamespace(ev.object.metadata.name, ev.object.metadata.labels);
    });
    store.watch("PriorityClass", (ev) => {
      if (ev.type === "DELETED") this.priorities.delete(ev.object.metadata.name);
      else this.priorities.set(ev.object);
    });
    store.watch("Service", (ev) => {
      const ns = ev.object.metadata.namespace ?? "default";
      let m = this.services.get(ns);
      if (!m) this.services.set(ns, (m = new Map()));
      if (ev.type === "DELETED") m.delete(ev.object.metadata.name);
      else m.set(ev.object.metadata.name, ev.object);
    });
    store.watch("Node", (ev) => this.onNode(ev.type, ev.object, ev.old));
    store.watch("Pod", (ev) => this.onPod(ev.type, ev.object));
  }

  explain(namespace: string, name: string): ScheduleAttempt[] {
    return this.history.attempts(`${namespace}/${name}`);
  }

  // ---- watch handlers: update the cache and the queue, never the store ----

  private podInfo(pod: Stored<"Pod">): PodInfo {
    const r = this.priorities.resolve(pod);
    return new PodInfo(pod, r.priority, r.preemptionPolicy);
  }

  private onNode(type: string, node: Stored<"Node">, old: Stored<"Node"> | undefined): void {
    let ev: ClusterEvent | undefined;
    if (type === "ADDED") ev = { kind: "NodeAdd", node: this.cache.addNode(node) };
    else if (type === "DELETED") {
      const ni = this.cache.removeNode(node.metadata.name);
      if (ni) ev = { kind: "NodeDelete", node: ni };
    } else {
      const changes = old ? nodeChanges(old, node) : NodeChange.Label | NodeChange.Taint | NodeChange.Allocatable;
      const relevant = (changes & (NodeChange.Label | NodeChange.Taint | NodeChange.Allocatable)) !== 0;
      const u = this.cache.updateNode(node, relevant);
      if (relevant) ev = { kind: "NodeUpdate", old: u.old, node: u.node, changes };
    }
    if (ev) this.event(ev);
  }

  private onPod(type: string, pod: Stored<"Pod">): void {
    const uid = pod.metadata.uid;
    this.unnominate(uid);
    if (type === "DELETED") {
      const removed = this.cache.removeAssignedPod(uid);
      if (removed) this.event({ kind: "AssignedPodDelete", pod: removed.info, node: removed.node });
      else this.queue.delete(uid);
      return this.wake();
    }
    const phase = pod.status?.phase;
    const terminal = phase === "Succeeded" || phase === "Failed";
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      this.queue.delete(uid);
      const prev = this.cache.assignedPod(uid);
      if (terminal) {
        // A pod that finished frees its node, as the informer's terminal-pod filter makes it look deleted.
        const removed = this.cache.removeAssignedPod(uid);
        if (removed) this.event({ kind: "AssignedPodDelete", pod: removed.info, node: removed.node });
        return this.wake();
      }
      const info = this.podInfo(pod);
      this.cache.setAssignedPod(info, nodeName);
      const node = this.cache.get(nodeName);
      if (!node) return;
      if (!prev) this.event({ kind: "AssignedPodAdd", pod: info, node });
      else {
        const labelsChanged = !sameJSON(prev.labels, info.labels);
        const scaleDown = info.requests.cpu < prev.requests.cpu || info.requests.memory < prev.requests.memory;
        if (labelsChanged || scaleDown) this.event({ kind: "AssignedPodUpdate", old: prev, pod: info, node, labelsChanged, scaleDown });
      }
      return this.wake();
    }
    const mine = (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
    if (!mine || terminal || pod.metadata.deletionTimestamp) {
      this.queue.delete(uid);
      return;
    }
    const info = this.podInfo(pod);
    const nominated = pod.status?.nominatedNodeName;
    if (nominated) this.nominate(info, nominated);
    if (this.queue.has(uid)) this.queue.update(info);
    else this.queue.add(info);
    this.wake();
  }

  private nominate(p: PodInfo, node: string): void {
    let m = this.nominated.get(node);
    if (!m) this.nominated.set(node, (m = new Map()));
    if (!m.has(p.uid)) this.nominatedCount++;
    m.set(p.uid, p);
  }

  private unnominate(uid: string): void {
    if (this.nominatedCount === 0) return;
    for (const [node, m] of this.nominated) {
      if (m.delete(uid)) {
        this.nominatedCount--;
        if (m.size === 0) this.nominated.delete(node);
        return;
      }
    }
  }

  private event(ev: ClusterEvent): void {
    if (this.queue.onEvent(ev) > 0) this.wake();
  }

  // ---- the scheduling loop on virtual time ----

  /** Makes sure a cycle is due if anything waits, and the queue's flush timers are set. */
  private wake(): void {
    if (!this.cyclePending && this.queue.hasWork) {
      this.cyclePending = true;
      this.ctx.after(0, "default-scheduler: schedule next pod", () => this.runCycle());
    }
    this.armFlushTimers();
  }

  private armFlushTimers(): void {
    const expiry = this.queue.nextBackoffExpiry();
    if (expiry !== undefined) {
      // flushBackoffQCompleted runs on 1 s ticks.
      const at = Math.max(this.ctx.now(), Math.ceil(expiry / BACKOFF_FLUSH_PERIOD_MS) * BACKOFF_FLUSH_PERIOD_MS);
      if (!this.backoffTimer || at < this.backoffTimer.at) {
        this.backoffTimer?.timer.cancel();
        this.backoffTimer = {
          at,
          timer: this.ctx.at(ms(at), "default-scheduler: flush backoffQ", () => {
            this.backoffTimer = undefined;
            this.queue.flushBackoffCompleted();
            this.wake();
          }),
        };
      }
    }
    if (!this.unschedulableTimer && this.queue.unschedulableCount > 0) {
      // flushUnschedulablePodsLeftover runs every 30 s since the scheduler started (t = 0).
      const at = (Math.floor(this.ctx.now() / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
      this.unschedulableTimer = this.ctx.at(ms(at), "default-scheduler: flush unschedulable pods", () => {
        this.unschedulableTimer = undefined;
        this.queue.flushUnschedulableLeftover();
        this.wake();
      });
    }
  }

  private runCycle(): void {
    this.cyclePending = false;
    const qp = this.queue.pop();
    if (!qp) return this.wake();
    const { namespace, name, uid } = qp.pod;
    const stored = this.ctx.store.get("Pod", namespace, name);
    if (!stored || stored.metadata.uid !== uid || stored.spec?.nodeName) {
      this.queue.done(uid);
      return this.wake();
    }
    const result = this.framework.schedule(qp.pod);
    const ts = this.ctx.timestamp(this.ctx.now());
    if (result.selected) {
      this.queue.done(uid);
      if (bindPod(this.ctx.store, stored, result.selected, ts)) {
        this.recorder.event(stored, "Normal", "Scheduled", `Successfully assigned ${namespace}/${name} to ${result.selected}`);
      }
    } else {
      this.fail(qp, stored, result, ts);
    }
    if (result.capture) {
      const cand = this.preemption.lastCandidate;
      if (!result.selected && cand && result.nominatedNodeName === cand.node) {
        result.capture.nominatedNode = cand.node;
        result.capture.victims = cand.victims.map((v) => v.key);
      }
      this.history.add(qp.pod.key, result.capture, this.ctx.now() / 1000);
    }
    this.preemption.lastCandidate = undefined;
    this.wake();
  }

  /** handleSchedulingFailure. */
  private fail(qp: QueuedPod, stored: Stored<"Pod">, result: CycleResult, ts: string): void {
    const message = result.message ?? "";
    // The pod may have been bound or deleted meanwhile (preemption writes happen in the cycle).
    const current = this.ctx.store.get("Pod", stored.metadata.namespace, stored.metadata.name);
    if (!current || current.metadata.uid !== stored.metadata.uid || current.spec?.nodeName) {
      this.queue.done(stored.metadata.uid);
      return;
    }
    this.queue.addUnschedulable(qp, result.unschedulablePlugins, result.error === true);
    this.recorder.event(current, "Warning", "FailedScheduling", truncateMessage(message));
    markUnschedulable(this.ctx.store, current, message, result.nominatedNodeName, ts);
  }

  private evict(preemptor: PodInfo, victim: PodInfo, node: string): void {
    const v = this.ctx.store.get("Pod", victim.namespace, victim.name);
    if (!v || v.metadata.uid !== victim.uid) return;
    evictVictim(this.ctx.store, v, this.ctx.timestamp(this.ctx.now()));
    this.recorder.event(v, "Normal", "Preempted", `Preempted by pod ${preemptor.uid} on node ${node}`);
  }
}

/** NodeSchedulingPropertiesChange, for the changes plugins care about. */
function nodeChanges(old: Stored<"Node">, node: Stored<"Node">): number {
  let c = 0;
  if (!sameJSON(old.metadata.labels ?? {}, node.metadata.labels ?? {})) c |= NodeChange.Label;
  if (!sameJSON(old.spec?.taints ?? [], node.spec?.taints ?? []) || !!old.spec?.unschedulable !== !!node.spec?.unschedulable) c |= NodeChange.Taint;
  if (!sameJSON(old.status?.allocatable ?? old.status?.capacity, node.status?.allocatable ?? node.status?.capacity)) c |= NodeChange.Allocatable;
  return c;
}

export type { NodeInfo };

/** The component factory registered in src/sim/components.ts. */
export const schedulerFactory = (options?: SchedulerOptions): (() => Component) => () => new Scheduler(options);
