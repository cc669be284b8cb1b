/**
 * The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go), on virtual time.
 *
 * - activeQ: pods to try, highest priority first, then the longest waiting (PrioritySort).
 * - backoffQ: pods waiting out their back-off: 1 s, doubling per failed attempt, at most 10 s
 *   (podInitialBackoffSeconds / podMaxBackoffSeconds). When activeQ is empty the scheduler takes
 *   from backoffQ without waiting (SchedulerPopFromBackoffQ, on by default since v1.33); pods that
 *   failed with an error wait their back-off in full.
 * - unschedulable pods: left alone until a cluster event one of the plugins that rejected them says
 *   may help (queueing hints), or until they have waited podMaxInUnschedulablePodsDuration (5 min),
 *   checked every 30 s.
 * Events that happen while a pod is being scheduled are replayed against it when it fails.
 */
import { Heap } from "../clock/heap";
import type { PodInfo } from "./pod-info";
import type { ClusterEvent, EnqueuePlugin } from "./types";

export const DEFAULT_POD_INITIAL_BACKOFF_MS = 1_000;
export const DEFAULT_POD_MAX_BACKOFF_MS = 10_000;
export const DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
/** flushUnschedulablePodsLeftover runs every 30 s; flushBackoffQCompleted every 1 s. */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;
export const BACKOFF_FLUSH_PERIOD_MS = 1_000;

type Location = "active" | "backoff" | "errorBackoff" | "unschedulable" | "inFlight";

export interface QueuedPod {
  pod: PodInfo;
  /** When the pod was added, or last failed (virtual ms). */
  timestamp: number;
  seq: number;
  attempts: number;
  unschedulableCount: number;
  consecutiveErrors: number;
  unschedulablePlugins: ReadonlySet<string>;
  /** Waiting for spec.schedulingGates to be removed (SchedulingGates PreEnqueue). */
  gated: boolean;
  location: Location;
  token: number;
}

interface Entry {
  qp: QueuedPod;
  token: number;
}

export interface QueueOptions {
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxInUnschedulableMs?: number;
}

type Strategy = "skip" | "afterBackoff";

export class SchedulingQueue {
  private readonly byUid = new Map<string, QueuedPod>();
  private readonly unschedulable = new Map<string, QueuedPod>();
  private readonly active = new Heap<Entry>((a, b) => {
    const x = a.qp, y = b.qp;
    if (x.pod.priority !== y.pod.priority) return x.pod.priority > y.pod.priority;
    if (x.timestamp !== y.timestamp) return x.timestamp < y.timestamp;
    return x.seq < y.seq;
  });
  private readonly backoff = new Heap<Entry>((a, b) => this.backoffLess(a.qp, b.qp));
  private readonly errorBackoff = new Heap<Entry>((a, b) => this.backoffLess(a.qp, b.qp));
  private counts = { active: 0, backoff: 0, errorBackoff: 0 };
  private seq = 0;
  private inFlight: { uid: string; events: ClusterEvent[] } | undefined;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxInUnschedulableMs: number;

  constructor(
    private readonly now: () => number,
    private readonly plugins: ReadonlyMap<string, EnqueuePlugin>,
    opts: QueueOptions = {},
  ) {
    this.initialBackoffMs = opts.initialBackoffMs ?? DEFAULT_POD_INITIAL_BACKOFF_MS;
    this.maxBackoffMs = opts.maxBackoffMs ?? DEFAULT_POD_MAX_BACKOFF_MS;
    this.maxInUnschedulableMs = opts.maxInUnschedulableMs ?? DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MS;
  }

  private backoffLess(x: QueuedPod, y: QueuedPod): boolean {
    const ex = this.backoffExpiration(x), ey = this.backoffExpiration(y);
    if (ex !== ey) return ex < ey;
    if (x.pod.priority !== y.pod.priority) return x.pod.priority > y.pod.priority;
    return x.seq < y.seq;
  }

  /** calculateBackoffDuration: initial × 2^(failures−1), capped; no failures, no back-off. */
  backoffDuration(qp: QueuedPod): number {
    const failures = qp.consecutiveErrors > 0 ? qp.consecutiveErrors : qp.unschedulableCount;
    if (failures === 0) return 0;
    let d = this.initialBackoffMs;
    for (let i = 1; i < failures; i++) {
      if (d > this.maxBackoffMs - d) return this.maxBackoffMs;
      d += d;
    }
    return d;
  }

  backoffExpiration(qp: QueuedPod): number {
    return qp.timestamp + this.backoffDuration(qp);
  }

  private isBackingOff(qp: QueuedPod): boolean {
    return this.backoffExpiration(qp) > this.now();
  }

  private place(qp: QueuedPod, where: Location): void {
    if (qp.location === "unschedulable") this.unschedulable.delete(qp.pod.uid);
    else if (qp.location === "active" || qp.location === "backoff" || qp.location === "errorBackoff") this.counts[qp.location]--;
    qp.location = where;
    qp.token++;
    const e = { qp, token: qp.token };
    switch (where) {
      case "active": this.active.push(e); this.counts.active++; break;
      case "backoff": this.backoff.push(e); this.counts.backoff++; break;
      case "errorBackoff": this.errorBackoff.push(e); this.counts.errorBackoff++; break;
      case "unschedulable": this.unschedulable.set(qp.pod.uid, qp); break;
      case "inFlight": break;
    }
  }

  private static gated(pod: PodInfo): boolean {
    return (pod.pod.spec?.schedulingGates ?? []).length > 0;
  }

  has(uid: string): boolean {
    return this.byUid.has(uid);
  }

  /** A new pending pod. */
  add(pod: PodInfo): void {
    if (this.byUid.has(pod.uid)) return this.update(pod);
    const qp: QueuedPod = {
      pod, timestamp: this.now(), seq: this.seq++, attempts: 0, unschedulableCount: 0, consecutiveErrors: 0,
      unschedulablePlugins: new Set(), gated: SchedulingQueue.gated(pod), location: "unschedulable", token: 0,
    };
    this.byUid.set(pod.uid, qp);
    this.place(qp, qp.gated ? "unschedulable" : "active");
  }

  /** A pending pod changed: a change to its spec or labels may make it schedulable. */
  update(pod: PodInfo): void {
    const qp = this.byUid.get(pod.uid);
    if (!qp) return this.add(pod);
    const old = qp.pod;
    qp.pod = pod;
    if (qp.location !== "unschedulable") return;
    if (qp.gated) {
      qp.gated = SchedulingQueue.gated(pod);
      if (!qp.gated) this.place(qp, "active");
      return;
    }
    if (schedulingPropertiesChanged(old, pod)) this.requeue(qp, "afterBackoff");
  }

  delete(uid: string): void {
    const qp = this.byUid.get(uid);
    if (!qp) return;
    this.byUid.delete(uid);
    if (qp.location === "unschedulable") this.unschedulable.delete(uid);
    else if (qp.location !== "inFlight") this.counts[qp.location]--;
    qp.location = "inFlight";
    qp.token++;
    if (this.inFlight?.uid === uid) this.inFlight = undefined;
  }

  /** Pods ready to be tried: activeQ, or backoffQ when activeQ is empty. */
  get hasWork(): boolean {
    return this.counts.active > 0 || this.counts.backoff > 0;
  }

  get sizes(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.counts.active, backoff: this.counts.backoff + this.counts.errorBackoff, unschedulable: this.unschedulable.size };
  }

  private popFrom(h: Heap<Entry>, where: Location): QueuedPod | undefined {
    for (;;) {
      const e = h.pop();
      if (!e) return undefined;
      if (e.qp.location === where && e.qp.token === e.token) return e.qp;
    }
  }

  /** Pop: the head of activeQ, else of backoffQ. The pod is in flight until `done` or a requeue. */
  pop(): QueuedPod | undefined {
    const qp = this.popFrom(this.active, "active") ?? this.popFrom(this.backoff, "backoff");
    if (!qp) return undefined;
    this.counts[qp.location as "active" | "backoff"]--;
    qp.location = "inFlight";
    qp.token++;
    qp.attempts++;
    this.inFlight = { uid: qp.pod.uid, events: [] };
    return qp;
  }

  /** The pod left the queue for good (bound, or gone). */
  done(uid: string): void {
    if (this.inFlight?.uid === uid) this.inFlight = undefined;
    const qp = this.byUid.get(uid);
    if (qp && qp.location === "inFlight") this.byUid.delete(uid);
  }

  /**
   * AddUnschedulableIfNotPresent: the pod failed. With no rejecting plugin (an error) it backs off
   * and retries; otherwise it waits in the unschedulable pool unless an event that happened during
   * its cycle may already have helped.
   */
  addUnschedulable(qp: QueuedPod, plugins: ReadonlySet<string>, error: boolean): void {
    const events = this.inFlight?.uid === qp.pod.uid ? this.inFlight.events : [];
    this.inFlight = undefined;
    if (!this.byUid.has(qp.pod.uid)) return;
    if (error) qp.consecutiveErrors++;
    else {
      qp.unschedulableCount++;
      qp.consecutiveErrors = 0;
    }
    qp.timestamp = this.now();
    qp.unschedulablePlugins = plugins;
    if (plugins.size === 0) {
      this.place(qp, error ? "errorBackoff" : this.isBackingOff(qp) ? "backoff" : "active");
      return;
    }
    let strategy: Strategy = "skip";
    for (const ev of events) if ((strategy = this.worth(qp, ev)) !== "skip") break;
    if (strategy === "skip") this.place(qp, "unschedulable");
    else this.requeue(qp, strategy);
  }

  private requeue(qp: QueuedPod, strategy: Strategy): void {
    if (strategy === "skip") return;
    this.place(qp, this.isBackingOff(qp) ? "backoff" : "active");
  }

  /** isPodWorthRequeuing. */
  private worth(qp: QueuedPod, ev: ClusterEvent): Strategy {
    if (qp.unschedulablePlugins.size === 0 || ev.kind === "UnschedulableTimeout") return "afterBackoff";
    for (const name of qp.unschedulablePlugins) {
      if (this.plugins.get(name)?.queueingHint(ev, qp.pod) === "Queue") return "afterBackoff";
    }
    return "skip";
  }

  /** A cluster event: requeue the unschedulable pods it may help; remember it for the pod in flight. */
  onEvent(ev: ClusterEvent): number {
    if (this.inFlight) this.inFlight.events.push(ev);
    if (this.unschedulable.size === 0) return 0;
    let moved = 0;
    for (const qp of [...this.unschedulable.values()]) {
      if (qp.gated) continue;
      const s = this.worth(qp, ev);
      if (s === "skip") continue;
      this.requeue(qp, s);
      moved++;
    }
    return moved;
  }

  /** The earliest time a pod in a backoff queue completes its back-off. */
  nextBackoffExpiry(): number | undefined {
    let t: number | undefined;
    for (const h of [this.backoff, this.errorBackoff]) {
      const e = this.peekValid(h, h === this.backoff ? "backoff" : "errorBackoff");
      if (e) {
        const x = this.backoffExpiration(e);
        if (t === undefined || x < t) t = x;
      }
    }
    return t;
  }

  private peekValid(h: Heap<Entry>, where: Location): QueuedPod | undefined {
    for (;;) {
      const e = h.peek();
      if (!e) return undefined;
      if (e.qp.location === where && e.qp.token === e.token) return e.qp;
      h.pop();
    }
  }

  /** flushBackoffQCompleted: pods whose back-off has run out go to activeQ. */
  flushBackoffCompleted(): number {
    let moved = 0;
    for (const [h, where] of [[this.backoff, "backoff"], [this.errorBackoff, "errorBackoff"]] as const) {
      for (;;) {
        const qp = this.peekValid(h, where);
        if (!qp || this.isBackingOff(qp)) break;
        h.pop();
        this.place(qp, "active");
        moved++;
      }
    }
    return moved;
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for longer than the maximum are retried. */
  flushUnschedulableLeftover(): number {
    const now = this.now();
    let moved = 0;
    for (const qp of [...this.unschedulable.values()]) {
      if (qp.gated || now - qp.timestamp <= this.maxInUnschedulableMs) continue;
      this.requeue(qp, "afterBackoff");
      moved++;
    }
    return moved;
  }

  get unschedulableCount(): number {
    return this.unschedulable.size;
  }
}

/**
 * isPodUpdated with the queueing hints' view: anything but status and bookkeeping metadata
 * (resourceVersion, generation, managed fields, finalizers) counts.
 */
function schedulingPropertiesChanged(a: PodInfo, b: PodInfo): boolean {
  const strip = (p: PodInfo) => JSON.stringify({ spec: p.pod.spec, labels: p.pod.metadata.labels, annotations: p.pod.metadata.annotations });
  return strip(a) !== strip(b);
}
