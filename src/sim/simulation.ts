/**
 * Simulation: the one place that wires the engine together. It owns the virtual clock, the seeded
 * generator, the object store and the event recorder; it loads a scenario, starts the components
 * (kubelet, scheduler, controllers) and runs the event queue one step at a time.
 */
import { EventRecorder, type EventRecord } from "../api/events";
import { NAME_SUFFIX_ALPHABET, ObjectStore } from "../api/store";
import { KINDS, type Kind, type KObject, type Stored } from "../api/types";
import { VirtualClock } from "../clock/clock";
import { Random } from "../clock/random";
import { fromTimestamp, seconds, timestamp, toSeconds, DEFAULT_EPOCH, type Millis } from "../clock/time";
import { admit } from "../api/admission";
import { KUBELET } from "../kubelet/kubelet";
import type { LogRequest, LogResult, LogSource } from "../kubelet/logs";
import { applyDefaults } from "../scenario/defaults";
import { prepareForCreate } from "../api/strategy";
import { parseManifests, parseScenario } from "../scenario/parse";
import type { ParsedObject, ScenarioAction, ScenarioError, ScenarioSpec } from "../scenario/types";
import { DEFAULT_CLUSTER, nodesFromShorthand } from "./cluster";
import type { Component, ComponentContext, ComponentFactory } from "./component";
import { defaultComponents } from "./components";
import { Machines } from "./machines";
import { applyObject, performAction, type ActionResult, type ApplyOutcome } from "./actions";
import { openKubectlStream, runKubectl, type CommandResult, type CommandStream, type KubectlHost } from "../kubectl/commands";
import type { ContainerUsage } from "../kubectl/commands/types";
import { kubeletProxy } from "../kubectl/commands/node-proxy";
import { isExplainer } from "../scheduler/scheduler";
import type { ScheduleAttempt } from "../scheduler/explain";

export interface LoadOptions {
  /** Overrides the Scenario's seed. */
  seed?: number;
  /** The components to run; the full default set when omitted (tests may run fewer). */
  components?: readonly ComponentFactory[];
}

export interface LoadResult {
  /** Always present: a scenario with errors still loads its good documents. */
  sim: Simulation;
  errors: ScenarioError[];
}

/** One processed step of the event queue. */
export interface StepRecord {
  /** Virtual seconds. */
  time: number;
  label: string;
}

export interface Snapshot {
  /** Virtual seconds since the scenario started. */
  time: number;
  /** Unix ms of virtual time 0. */
  epochMs: number;
  resourceVersion: number;
  objects: Stored<Kind>[];
  events: readonly EventRecord[];
}

export interface ApplyResult {
  errors: ScenarioError[];
  applied: ApplyOutcome[];
}

/** runUntil stops after this many steps in one call, so a runaway component cannot hang a host. */
export const MAX_STEPS_PER_RUN = 2_000_000;

/** Namespaces a fresh cluster has. */
const BUILTIN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Creation order of a scenario's objects: what others refer to comes first, as `kubectl apply -f dir` users arrange. */
const CREATE_ORDER: readonly Kind[] = [
  "Namespace", "PriorityClass", "RuntimeClass", "StorageClass", "PersistentVolume", "Node", "ConfigMap", "Secret",
  "PersistentVolumeClaim", "Service", "Endpoints", "EndpointSlice", "Ingress", "PodDisruptionBudget", "Deployment",
  "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "HorizontalPodAutoscaler", "Pod", "Event",
];

export class Simulation {
  readonly clock = new VirtualClock();
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly machines = new Machines();
  readonly scenario: ScenarioSpec;
  readonly seed: number;
  readonly epochMs: number;
  private readonly components: Component[] = [];
  /** Failures of scenario actions, reported as they happen. */
  readonly actionErrors: Array<{ time: number; action: string; message: string }> = [];

  private constructor(scenario: ScenarioSpec | undefined, opts: LoadOptions) {
    this.scenario = scenario ?? { name: "scenario", title: {}, epochMs: DEFAULT_EPOCH, actions: [] };
    this.seed = opts.seed ?? this.scenario.seed ?? 1;
    this.epochMs = this.scenario.epochMs;
    const uids = Random.fork(this.seed, "uids");
    const names = Random.fork(this.seed, "names");
    this.store = new ObjectStore({
      now: () => this.clock.now,
      timestamp: (t) => timestamp(this.epochMs, t),
      uid: () => uids.uuid(),
      nameSuffix: () => names.string(5, NAME_SUFFIX_ALPHABET),
      defaults: (kind, obj) => admit(kind, applyDefaults(kind, obj)),
      prepareForCreate,
    });
    this.recorder = new EventRecorder(this.store, () => this.clock.now, (t) => timestamp(this.epochMs, t));
  }

  /** Loads a scenario: parses and validates it, creates its cluster and objects, starts the components. */
  static load(text: string, opts: LoadOptions = {}): LoadResult {
    const parsed = parseScenario(text);
    const sim = new Simulation(parsed.scenario, opts);
    const errors = [...parsed.errors];
    for (const ns of BUILTIN_NAMESPACES) sim.store.create("Namespace", { metadata: { name: ns } });
    for (const f of opts.components ?? defaultComponents) sim.startComponent(f());
    errors.push(...sim.createAll(parsed.objects, true));
    for (const a of sim.scenario.actions) sim.scheduleAction(a);
    return { sim, errors };
  }

  /** Virtual seconds since the scenario started. */
  get time(): number {
    return toSeconds(this.clock.now);
  }

  /** Virtual seconds of the next queued event, if any. */
  nextEventTime(): number | undefined {
    const t = this.clock.nextAt();
    return t === undefined ? undefined : toSeconds(t);
  }

  /** Processes the next event; undefined when nothing is left to happen. */
  step(): StepRecord | undefined {
    const ev = this.clock.step();
    return ev ? { time: toSeconds(ev.at), label: ev.label } : undefined;
  }

  /**
   * Runs every event due up to and including virtual second `t`, then sets the clock to `t`.
   * Returns the number of steps taken; stops early (and says so) past MAX_STEPS_PER_RUN.
   */
  runUntil(t: number, maxSteps = MAX_STEPS_PER_RUN): { steps: number; complete: boolean } {
    const until = seconds(t);
    let steps = 0;
    for (;;) {
      const next = this.clock.nextAt();
      if (next === undefined || next > until) break;
      if (steps >= maxSteps) return { steps, complete: false };
      this.clock.step();
      steps++;
    }
    this.clock.advanceTo(until);
    return { steps, complete: true };
  }

  /** `kubectl apply -f -` of a manifest stream: creates what is new, updates what exists. */
  apply(text: string): ApplyResult {
    const parsed = parseManifests(text);
    const applied: ApplyOutcome[] = [];
    for (const o of sortForCreation(parsed.objects)) {
      const res = applyObject(this.store, o.kind, o.object);
      if ("error" in res) parsed.errors.push({ doc: o.doc, line: o.line, column: 1, message: res.error, severity: "error" });
      else applied.push(res);
    }
    return { errors: parsed.errors, applied };
  }

  /** Runs a kubectl command line now ("scale deploy web --replicas=5"), as kubectl would print it. */
  kubectl(command: string, stdin?: string, opts: { streaming?: boolean } = {}): CommandResult {
    return runKubectl(this.kubectlHost(), command, { ...(stdin !== undefined ? { stdin } : {}), ...(opts.streaming ? { streaming: true } : {}) });
  }

  /** What a following command (get -w, logs -f) prints next as the cluster moves on; undefined when it does not follow. */
  kubectlStream(command: string): CommandStream | undefined {
    return openKubectlStream(this.kubectlHost(), command);
  }

  /** Performs a scenario action now (node Down/Up/Cordon/…, delete, apply, kubectl). */
  act(action: ScenarioAction): ActionResult {
    return performAction(this.actionHost(), action);
  }

  /** `kubectl logs`: a container's log from its node's kubelet (`previous` for the instance before). */
  logs(req: LogRequest): LogResult {
    const kubelet = this.components.find((c) => c.name === KUBELET) as Partial<LogSource> | undefined;
    if (!kubelet?.logs) return { ok: false, message: "error: no kubelet runs in this simulation" };
    return kubelet.logs({ timestampOf: (ms) => timestamp(this.epochMs, ms as Millis), ...req });
  }

  /** A running pod's per-container usage as the metrics API serves it (the kubelets'); undefined without metrics. */
  usage(namespace: string, name: string): readonly ContainerUsage[] | undefined {
    return kubeletProxy(this.components.find((c) => c.name === KUBELET), this.store)?.usage?.(namespace, name);
  }

  /** Every object with its status, the virtual time and the event log. Objects are frozen: never mutate. */
  snapshot(): Snapshot {
    return {
      time: this.time,
      epochMs: this.epochMs,
      resourceVersion: this.store.version,
      objects: this.store.all(),
      events: this.recorder.events.slice(),
    };
  }

  /**
   * The scheduler's attempts for a pod, oldest first (a bounded history): each node's verdict and
   * each plugin's scores. Empty when the pod was never scheduled by the scheduler.
   */
  explain(namespace: string, name: string): ScheduleAttempt[] {
    for (const c of this.components) if (isExplainer(c)) return c.explain(namespace, name);
    return [];
  }

  /** The event log so far, oldest first. */
  get events(): readonly EventRecord[] {
    return this.recorder.events;
  }

  private startComponent(c: Component): void {
    this.components.push(c);
    c.start(this.contextFor(c));
  }

  private contextFor(c: Component): ComponentContext {
    return {
      store: this.store,
      machines: this.machines,
      now: () => this.clock.now,
      timestamp: (t) => timestamp(this.epochMs, t),
      fromTimestamp: (ts) => fromTimestamp(this.epochMs, ts),
      after: (delay, label, run) => this.clock.after(delay, label, run),
      at: (t, label, run) => this.clock.at(t, label, run),
      random: (stream) => Random.fork(this.seed, `${c.name}/${stream}`),
      recorder: (source) => this.recorder.for(source),
    };
  }

  private createAll(objects: ParsedObject[], fromScenario: boolean): ScenarioError[] {
    const errors: ScenarioError[] = [];
    const sorted = sortForCreation(objects);
    if (fromScenario && !sorted.some((o) => o.kind === "Node")) {
      for (const n of nodesFromShorthand(this.scenario.cluster ?? DEFAULT_CLUSTER)) this.store.create("Node", n);
    }
    for (const o of sorted) {
      const res = applyObject(this.store, o.kind, o.object);
      if ("error" in res) errors.push({ doc: o.doc, line: o.line, column: 1, message: res.error, severity: "error" });
    }
    return errors;
  }

  private scheduleAction(a: ScenarioAction): void {
    this.clock.at(a.at, `action ${describeAction(a)}`, () => {
      const res = this.act(a);
      if (!res.ok) this.actionErrors.push({ time: this.time, action: describeAction(a), message: res.message });
    });
  }

  private kubectlHost(): KubectlHost {
    return {
      store: this.store,
      now: () => this.clock.now,
      timestamp: (t) => timestamp(this.epochMs, t),
      apply: (text: string) => this.apply(text),
      nodes: kubeletProxy(this.components.find((c) => c.name === KUBELET), this.store),
      after: (delayMs: number, label: string, run: () => void) => { this.clock.after(delayMs, label, run); },
    };
  }

  private actionHost() {
    return {
      store: this.store, machines: this.machines, apply: (text: string) => this.apply(text), kubectl: (command: string) => this.kubectl(command),
      timestamp: () => timestamp(this.epochMs, this.clock.now),
    };
  }
}

function sortForCreation(objects: ParsedObject[]): ParsedObject[] {
  const rank = (k: Kind) => {
    const i = CREATE_ORDER.indexOf(k);
    return i < 0 ? CREATE_ORDER.length : i;
  };
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o.kind) - rank(b.o.kind) || a.i - b.i)
    .map((x) => x.o);
}

export function describeAction(a: ScenarioAction): string {
  switch (a.type) {
    case "kubectl": return `kubectl ${a.command}`;
    case "node": return `node ${a.name} ${a.state ?? (a.taint ? `taint ${a.taint.key}:${a.taint.effect}` : `untaint ${a.untaint ?? ""}`)}`;
    case "apply": return "apply";
    case "delete": return `delete ${KINDS[a.kind].plural}/${a.name}`;
  }
}

export type { KObject, Millis };
