/**
 * A small cluster for controller unit tests: the object store, virtual clock, event recorder and
 * seeded generator a Simulation wires, without scenario parsing, plus a stand-in kubelet that
 * binds pods and moves them through their phases on a fixed timetable. Tests drive pod status
 * with it (or by hand) so that controller logic is pinned independently of the real kubelet.
 */
import type { ContainerStatus, Node, Pod, PodCondition } from "kubernetes-types/core/v1";
import { EventRecorder, type EventRecord } from "../api/events";
import { NAME_SUFFIX_ALPHABET, ObjectStore } from "../api/store";
import type { Kind, KindMap, Stored } from "../api/types";
import { VirtualClock } from "../clock/clock";
import { Random } from "../clock/random";
import { DEFAULT_EPOCH, fromTimestamp, seconds, timestamp, type Millis } from "../clock/time";
import type { Component, ComponentContext } from "../sim/component";
import { Machines } from "../sim/machines";

export class TestEnv {
  readonly clock = new VirtualClock();
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly machines = new Machines();

  constructor(readonly seed = 1, readonly epochMs = DEFAULT_EPOCH) {
    const uids = Random.fork(seed, "uids");
    const names = Random.fork(seed, "names");
    this.store = new ObjectStore({
      now: () => this.clock.now,
      timestamp: (t) => timestamp(epochMs, t),
      uid: () => uids.uuid(),
      nameSuffix: () => names.string(5, NAME_SUFFIX_ALPHABET),
    });
    this.recorder = new EventRecorder(this.store, () => this.clock.now, (t) => timestamp(epochMs, t));
    for (const ns of ["default", "kube-system"]) this.store.create("Namespace", { metadata: { name: ns } });
  }

  context(name: string): ComponentContext {
    return {
      store: this.store,
      machines: this.machines,
      now: () => this.clock.now,
      timestamp: (t) => timestamp(this.epochMs, t),
      fromTimestamp: (ts) => fromTimestamp(this.epochMs, ts),
      after: (delay, label, run) => this.clock.after(delay, label, run),
      at: (t, label, run) => this.clock.at(t, label, run),
      random: (stream) => Random.fork(this.seed, `${name}/${stream}`),
      recorder: (source) => this.recorder.for(source),
    };
  }

  start(...components: Component[]): this {
    for (const c of components) c.start(this.context(c.name));
    return this;
  }

  /** Virtual seconds now. */
  get time(): number {
    return this.clock.now / 1000;
  }

  /** Runs every event due up to virtual second `t` (absolute), then sets the clock there. */
  runUntil(t: number): this {
    const until = seconds(t);
    for (let steps = 0; ; steps++) {
      const next = this.clock.nextAt();
      if (next === undefined || next > until) break;
      if (steps > 1_000_000) throw new Error("TestEnv.runUntil: runaway event loop");
      this.clock.step();
    }
    this.clock.advanceTo(until);
    return this;
  }

  /** Runs for `s` more virtual seconds. */
  runFor(s: number): this {
    return this.runUntil(this.time + s);
  }

  create<K extends Kind>(kind: K, obj: KindMap[K]): Stored<K> {
    const res = this.store.create(kind, obj);
    if (!res.ok) throw new Error(`TestEnv.create ${kind}: ${res.message}`);
    return res.object;
  }

  get<K extends Kind>(kind: K, name: string, namespace = "default"): Stored<K> | undefined {
    return this.store.get(kind, namespace, name);
  }

  list<K extends Kind>(kind: K, namespace = "default"): Stored<K>[] {
    return this.store.list(kind, namespace);
  }

  podNames(namespace = "default"): string[] {
    return this.list("Pod", namespace).map((p) => p.metadata.name);
  }

  /** "Reason: message" of events about one object (all objects when name is omitted). */
  events(kind?: string, name?: string): EventRecord[] {
    return this.recorder.events.filter((e) => (!kind || e.involvedObject.kind === kind) && (!name || e.involvedObject.name === name));
  }

  messages(kind?: string, name?: string): string[] {
    return this.events(kind, name).map((e) => `${e.reason}: ${e.message}`);
  }

  addNode(name: string, extra: Partial<Node> = {}): Stored<"Node"> {
    return this.create("Node", {
      ...extra,
      metadata: { ...extra.metadata, name, labels: { "kubernetes.io/hostname": name, ...extra.metadata?.labels } },
      status: {
        capacity: { cpu: "4", memory: "16Gi", pods: "110" },
        allocatable: { cpu: "4", memory: "16Gi", pods: "110" },
        conditions: [{ type: "Ready", status: "True" }],
        ...extra.status,
      },
    });
  }

  /** Writes a pod's phase the way a kubelet reports it (Running → Ready; terminal → containers terminated). */
  setPodPhase(name: string, phase: "Pending" | "Running" | "Succeeded" | "Failed", opts: { ready?: boolean; exitCode?: number; namespace?: string } = {}): void {
    const ns = opts.namespace ?? "default";
    const ts = timestamp(this.epochMs, this.clock.now);
    const res = this.store.mutate("Pod", ns, name, (p) => applyPhase(p, phase, ts, opts.ready ?? phase === "Running", opts.exitCode));
    if (!res.ok) throw new Error(`TestEnv.setPodPhase ${name}: ${res.message}`);
  }

  setPodReady(name: string, ready: boolean, namespace = "default"): void {
    const ts = timestamp(this.epochMs, this.clock.now);
    this.store.mutate("Pod", namespace, name, (p) => setCondition((p.status ??= {}), "Ready", ready ? "True" : "False", ts));
  }
}

function setCondition(st: NonNullable<Pod["status"]>, type: string, status: string, ts: string): void {
  const conds: PodCondition[] = [...(st.conditions ?? [])];
  const i = conds.findIndex((c) => c.type === type);
  const next: PodCondition = { type, status, lastTransitionTime: ts };
  if (i < 0) conds.push(next);
  else if (conds[i]!.status !== status) conds[i] = next;
  st.conditions = conds;
}

type MutablePod = { -readonly [K in keyof Pod]: Pod[K] };

function applyPhase(p: MutablePod, phase: string, ts: string, ready: boolean, exitCode: number | undefined): void {
  const st = (p.status ??= {});
  st.phase = phase;
  st.podIP ??= podIPOf(p);
  st.startTime ??= ts;
  const names = (p.spec?.containers ?? []).map((c) => c.name);
  if (phase === "Succeeded" || phase === "Failed") {
    const code = exitCode ?? (phase === "Succeeded" ? 0 : 1);
    st.containerStatuses = names.map((name): ContainerStatus => ({
      name, image: "", imageID: "", ready: false, restartCount: 0,
      state: { terminated: { exitCode: code, reason: code === 0 ? "Completed" : "Error", startedAt: st.startTime, finishedAt: ts } },
    }));
    setCondition(st, "Ready", "False", ts);
    return;
  }
  st.containerStatuses = names.map((name): ContainerStatus => ({
    name, image: "", imageID: "", ready, restartCount: 0,
    state: phase === "Running" ? { running: { startedAt: ts } } : { waiting: { reason: "ContainerCreating" } },
  }));
  setCondition(st, "Ready", ready ? "True" : "False", ts);
}

/** A stable pod IP from the pod's uid (tests only need distinct, reproducible addresses). */
function podIPOf(p: Pod): string {
  let h = 0;
  for (const ch of p.metadata?.uid ?? p.metadata?.name ?? "") h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.244.${(h >>> 8) % 250}.${(h % 250) + 2}`;
}

export interface FakeKubeletOptions {
  /** Seconds from creation until a bound pod is Running (and Ready). */
  startAfter?: number;
  /** Seconds of running after which every container exits, and with which code; never when omitted. */
  exitAfter?: { seconds: number; code: number };
}

/**
 * A stand-in for the scheduler and kubelet: binds each new pod (to the node its DaemonSet affinity
 * names, else to the first node), starts it after `startAfter` seconds, optionally makes it exit,
 * and removes deleted pods at once (grace 0, the store keeps it while finalizers remain).
 */
export class FakeKubelet implements Component {
  readonly name = "fake-kubelet";
  constructor(private readonly opts: FakeKubeletOptions = {}) {}

  start(ctx: ComponentContext): void {
    const seen = new Set<string>();
    ctx.store.watch("Pod", (ev) => {
      const pod = ev.object;
      const { namespace, name, uid } = pod.metadata;
      if (ev.type === "DELETED") return;
      if (pod.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) {
        ctx.after(0, `fake-kubelet kill ${name}`, () => this.kill(ctx, namespace!, name, uid));
        return;
      }
      if (ev.type !== "ADDED" || seen.has(uid)) return;
      seen.add(uid);
      ctx.after(0, `fake-kubelet bind ${name}`, () => {
        const node = targetNode(pod) ?? ctx.store.list("Node")[0]?.metadata.name;
        if (!node) return;
        ctx.store.mutate("Pod", namespace, name, (p) => {
          if (p.metadata.uid !== uid || p.spec?.nodeName) return false;
          p.spec = { ...p.spec!, nodeName: node };
          applyPhase(p, "Pending", ctx.timestamp(ctx.now()), false, undefined);
        });
      });
      ctx.after((this.opts.startAfter ?? 1) * 1000, `fake-kubelet start ${name}`, () => this.transition(ctx, namespace!, name, uid, "Running"));
      const exit = this.opts.exitAfter;
      if (exit) {
        ctx.after(((this.opts.startAfter ?? 1) + exit.seconds) * 1000, `fake-kubelet exit ${name}`, () =>
          this.transition(ctx, namespace!, name, uid, exit.code === 0 ? "Succeeded" : "Failed", exit.code));
      }
    });
  }

  private transition(ctx: ComponentContext, ns: string, name: string, uid: string, phase: string, exitCode?: number): void {
    const ts = ctx.timestamp(ctx.now());
    ctx.store.mutate("Pod", ns, name, (p) => {
      if (p.metadata.uid !== uid || p.metadata.deletionTimestamp) return false;
      const cur = p.status?.phase;
      if (cur === "Succeeded" || cur === "Failed") return false;
      applyPhase(p, phase, ts, phase === "Running", exitCode);
    });
  }

  private kill(ctx: ComponentContext, ns: string, name: string, uid: string): void {
    const pod = ctx.store.get("Pod", ns, name);
    if (!pod || pod.metadata.uid !== uid) return;
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed" && pod.spec?.nodeName) {
      const ts = ctx.timestamp(ctx.now());
      ctx.store.mutate("Pod", ns, name, (p) => applyPhase(p, "Failed", ts, false, 137));
    }
    ctx.store.delete("Pod", ns, name, { gracePeriodSeconds: 0 });
  }
}

/** The node a DaemonSet pod's required affinity pins it to (matchFields metadata.name In [node]). */
function targetNode(pod: Pod): string | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    const f = t.matchFields?.find((m) => m.key === "metadata.name" && m.operator === "In");
    if (f?.values?.[0]) return f.values[0];
  }
  return undefined;
}

export type { Millis };
