/**
 * The scheduler alone on an object store and a virtual clock, with no kubelet or controllers: for
 * its tests and benchmarks. Nodes and pods are created as written (no API defaulting); pods are
 * scheduled as the clock runs.
 */
import type { Node, Pod, Taint } from "kubernetes-types/core/v1";
import { EventRecorder } from "../api/events";
import { ObjectStore } from "../api/store";
import type { Kind, KindMap, Stored } from "../api/types";
import { VirtualClock } from "../clock/clock";
import { Random } from "../clock/random";
import { fromTimestamp, timestamp, DEFAULT_EPOCH, type Millis } from "../clock/time";
import type { ComponentContext } from "../sim/component";
import { Machines } from "../sim/machines";
import { Scheduler, type SchedulerOptions } from "./scheduler";

export class SchedulerSandbox {
  readonly clock = new VirtualClock();
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly scheduler: Scheduler;

  constructor(options: SchedulerOptions = {}, seed = 1) {
    const uids = Random.fork(seed, "uids");
    const names = Random.fork(seed, "names");
    this.store = new ObjectStore({
      now: () => this.clock.now,
      timestamp: (t) => timestamp(DEFAULT_EPOCH, t),
      uid: () => uids.uuid(),
      nameSuffix: () => names.string(5, "bcdfghjklmnpqrstvwxz2456789"),
    });
    this.recorder = new EventRecorder(this.store, () => this.clock.now, (t) => timestamp(DEFAULT_EPOCH, t));
    for (const ns of ["default", "kube-system"]) this.store.create("Namespace", { metadata: { name: ns } });
    this.scheduler = new Scheduler(options);
    const ctx: ComponentContext = {
      store: this.store,
      machines: new Machines(),
      now: () => this.clock.now,
      timestamp: (t) => timestamp(DEFAULT_EPOCH, t),
      fromTimestamp: (ts) => fromTimestamp(DEFAULT_EPOCH, ts),
      after: (delay, label, run) => this.clock.after(delay, label, run),
      at: (t, label, run) => this.clock.at(t, label, run),
      random: (stream) => Random.fork(seed, `default-scheduler/${stream}`),
      recorder: (source) => this.recorder.for(source),
    };
    this.scheduler.start(ctx);
  }

  create<K extends Kind>(kind: K, obj: KindMap[K]): Stored<K> {
    const res = this.store.create(kind, obj);
    if (!res.ok) throw new Error(`create ${kind}: ${res.message}`);
    return res.object;
  }

  node(n: Node): Stored<"Node"> {
    return this.create("Node", n);
  }

  pod(p: Pod): Stored<"Pod"> {
    return this.create("Pod", p);
  }

  /** Runs every event due up to virtual ms `until` (all pending work when omitted); returns the steps. */
  run(until = Number.MAX_SAFE_INTEGER): number {
    let steps = 0;
    for (;;) {
      const next = this.clock.nextAt();
      if (next === undefined || next > until) break;
      this.clock.step();
      steps++;
    }
    if (until !== Number.MAX_SAFE_INTEGER) this.clock.advanceTo(until as Millis);
    return steps;
  }

  /** Runs the events due now, without advancing time. */
  settle(): number {
    return this.run(this.clock.now);
  }

  getPod(name: string, namespace = "default"): Stored<"Pod"> | undefined {
    return this.store.get("Pod", namespace, name);
  }

  events(reason?: string): Array<{ time: number; reason: string; object: string; message: string }> {
    return this.recorder.events
      .filter((e) => !reason || e.reason === reason)
      .map((e) => ({ time: e.time, reason: e.reason, object: e.involvedObject.name, message: e.message }));
  }
}

/** A node as a KWOK manifest would write it. */
export function makeNode(name: string, opts: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; images?: Array<{ names: string[]; sizeBytes: number }> } = {}): Node {
  const alloc = { cpu: opts.cpu ?? "4", memory: opts.memory ?? "32Gi", pods: opts.pods ?? "110" };
  return {
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...(opts.labels ?? {}) } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: alloc, allocatable: alloc, ...(opts.images ? { images: opts.images } : {}) },
  };
}

/** A pod with one container requesting `cpu` / `memory` (both optional). */
export function makePod(name: string, opts: { cpu?: string; memory?: string; labels?: Record<string, string>; namespace?: string; spec?: Partial<NonNullable<Pod["spec"]>>; image?: string } = {}): Pod {
  const requests: Record<string, string> = {};
  if (opts.cpu) requests.cpu = opts.cpu;
  if (opts.memory) requests.memory = opts.memory;
  return {
    metadata: { name, namespace: opts.namespace ?? "default", ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      containers: [{ name: "c", image: opts.image ?? "registry.k8s.io/pause:3.10", ...(Object.keys(requests).length ? { resources: { requests } } : {}) }],
      ...(opts.spec ?? {}),
    },
  };
}
