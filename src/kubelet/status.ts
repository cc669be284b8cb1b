/**
 * generateAPIPodStatus (pkg/kubelet/kubelet_pods.go, status/generate.go): the pod status the
 * kubelet reports, computed from the runtime's containers, the probe results and the reasons
 * the last sync failed with. Phase follows getPhase (sidecar-aware); conditions follow
 * generate.go with their reasons and messages; a terminal phase never goes back.
 */
import type { Container, ContainerState, ContainerStateTerminated, ContainerStatus, Pod, PodCondition, PodStatus } from "kubernetes-types/core/v1";
import type { ContainerInstance, PodRuntime } from "./runtime";
import type { PodProber } from "./prober";
import { podQOS } from "./qos";
import { WAITING } from "./reasons";

export interface Waiting {
  reason: string;
  message: string;
}

export interface StatusInput {
  pod: Pod;
  runtime: PodRuntime;
  prober: PodProber;
  /** The reason each container's last start failed (reasonCache), while it is to be restarted. */
  reasonCache: ReadonlyMap<string, Waiting>;
  /** Containers that will be restarted by the next sync (ShouldContainerBeRestarted). */
  willRestart: (c: Container, inst: ContainerInstance | undefined) => boolean;
  hostIP: string;
  /** RFC 3339 of a virtual instant. */
  ts: (ms: number) => string;
  now: number;
  /** The kubelet decided the pod is done (deleted, or every container finished for good). */
  podIsTerminal: boolean;
  /** A reason/message the kubelet sets with the phase (Evicted, DeadlineExceeded). */
  reason?: { reason: string; message: string };
}

export const isSidecar = (c: Container): boolean => c.restartPolicy === "Always";

function terminated(inst: ContainerInstance, ts: (ms: number) => string): ContainerStateTerminated {
  return {
    exitCode: inst.exitCode ?? 0,
    reason: inst.reason ?? "Error",
    startedAt: ts(inst.startedAt),
    finishedAt: ts(inst.finishedAt ?? inst.startedAt),
    containerID: `containerd://${inst.id}`,
  };
}

function containerStatus(c: Container, initContainer: boolean, input: StatusInput, defaultWaiting: string): ContainerStatus {
  const { runtime, prober, ts } = input;
  const latest = runtime.latest(c.name);
  const prev = runtime.previous(c.name);
  const cached = input.reasonCache.get(c.name);
  if (!latest) {
    const waiting = cached && input.willRestart(c, undefined) ? cached : { reason: defaultWaiting };
    return { name: c.name, state: { waiting }, lastState: {}, ready: false, restartCount: 0, image: c.image ?? "", imageID: "", started: false };
  }
  const base = {
    name: c.name, image: latest.imageRef, imageID: latest.imageID, containerID: `containerd://${latest.id}`, restartCount: latest.attempt,
  };
  if (latest.state === "running") {
    const started = prober.started(c.name, latest.id);
    let ready = started && prober.ready(c.name, latest.id);
    if (started && !ready && prober.has(c.name, "readiness")) prober.triggerReadiness(c.name, latest.id);
    if (initContainer && !isSidecar(c)) ready = false;
    return {
      ...base, state: { running: { startedAt: ts(latest.startedAt) } },
      lastState: prev ? { terminated: terminated(prev, ts) } : {}, ready, started,
    };
  }
  const done = terminated(latest, ts);
  const ready = initContainer && !isSidecar(c) && done.exitCode === 0;
  const restarting = !(initContainer && !isSidecar(c) && done.exitCode === 0) && input.willRestart(c, latest);
  if (cached && restarting) {
    return { ...base, state: { waiting: cached }, lastState: { terminated: done }, ready: false, started: false };
  }
  return { ...base, state: { terminated: done }, lastState: prev ? { terminated: terminated(prev, ts) } : {}, ready, started: false };
}

/** getPhase (kubelet_pods.go) with sidecars counted as v1.36 does. */
export function getPhase(pod: Pod, statuses: readonly ContainerStatus[], podIsTerminal: boolean, podHasInitialized: boolean): string {
  const find = (name: string) => statuses.find((s) => s.name === name);
  const restartPolicy = pod.spec?.restartPolicy ?? "Always";
  let pendingRegularInit = 0, pendingSidecars = 0, failedInit = 0;
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const s = find(c.name);
    if (isSidecar(c)) {
      if (!s) { unknown++; continue; }
      const st = s.state ?? {};
      if (st.running) { if (!s.started) pendingSidecars++; running++; }
      else if (st.terminated) { /* not counted */ }
      else if (st.waiting) { if (!s.lastState?.terminated) { pendingSidecars++; waiting++; } }
      else { pendingSidecars++; unknown++; }
      continue;
    }
    if (!s) { pendingRegularInit++; continue; }
    const st = s.state ?? {};
    if (st.running) pendingRegularInit++;
    else if (st.terminated) { if (st.terminated.exitCode !== 0) failedInit++; }
    else if (st.waiting) {
      if (s.lastState?.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInit++; }
      else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  for (const c of pod.spec?.containers ?? []) {
    const s = find(c.name);
    if (!s) { unknown++; continue; }
    const st = s.state ?? {};
    if (st.running) running++;
    else if (st.terminated) { stopped++; if (st.terminated.exitCode === 0) succeeded++; }
    else if (st.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    else unknown++;
  }
  if (failedInit > 0 && restartPolicy === "Never") return "Failed";
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !podHasInitialized)) return "Pending";
  if (waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

const goList = (names: string[]) => `[${names.join(" ")}]`;

function containersReady(pod: Pod, all: readonly ContainerStatus[], phase: string): PodCondition {
  if (phase === "Succeeded" || phase === "Failed") {
    return { type: "ContainersReady", status: "False", reason: phase === "Succeeded" ? "PodCompleted" : "PodFailed" };
  }
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (c: Container) => {
    const s = all.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  };
  for (const c of pod.spec?.initContainers ?? []) if (isSidecar(c)) check(c);
  for (const c of pod.spec?.containers ?? []) check(c);
  const msgs = [...(unknown.length ? [`containers with unknown status: ${goList(unknown)}`] : []), ...(unready.length ? [`containers with unready status: ${goList(unready)}`] : [])];
  if (msgs.length) return { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: msgs.join(", ") };
  return { type: "ContainersReady", status: "True" };
}

function podReady(pod: Pod, cr: PodCondition, conditions: readonly PodCondition[]): PodCondition {
  if (cr.status !== "True") return { type: "Ready", status: cr.status, ...(cr.reason ? { reason: cr.reason } : {}), ...(cr.message ? { message: cr.message } : {}) };
  const msgs: string[] = [];
  for (const g of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    else if (c.status !== "True") msgs.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: msgs.join(", ") };
  return { type: "Ready", status: "True" };
}

function initialized(pod: Pod, all: readonly ContainerStatus[], phase: string, anyAppStarted: boolean): PodCondition {
  const inits = pod.spec?.initContainers ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = all.find((x) => x.name === c.name);
    if (!s) { unknown.push(c.name); continue; }
    if (isSidecar(c) ? !s.started : !s.ready) incomplete.push(c.name);
  }
  if (phase === "Succeeded" && unknown.length === 0) return { type: "Initialized", status: "True", reason: "PodCompleted" };
  if (anyAppStarted) return { type: "Initialized", status: "True" };
  const msgs = [...(unknown.length ? [`containers with unknown status: ${goList(unknown)}`] : []), ...(incomplete.length ? [`containers with incomplete status: ${goList(incomplete)}`] : [])];
  if (msgs.length) return { type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: msgs.join(", ") };
  return { type: "Initialized", status: "True" };
}

const KUBELET_CONDITIONS = new Set(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]);

/** Keeps lastTransitionTime when a condition's status did not change (the status manager's rule). */
function stamp(c: PodCondition, old: readonly PodCondition[] | undefined, ts: string): PodCondition {
  const prev = old?.find((o) => o.type === c.type);
  const time = prev && prev.status === c.status ? prev.lastTransitionTime ?? ts : ts;
  return { type: c.type, status: c.status, lastProbeTime: null as unknown as undefined, lastTransitionTime: time, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
}

export function generatePodStatus(input: StatusInput): PodStatus {
  const { pod, runtime, ts } = input;
  const old = pod.status ?? {};
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const defaultWaiting = hasInit ? WAITING.PodInitializing : WAITING.ContainerCreating;
  const initStatuses = (pod.spec?.initContainers ?? []).map((c) => containerStatus(c, true, input, defaultWaiting));
  const appStatuses = (pod.spec?.containers ?? []).map((c) => containerStatus(c, false, input, defaultWaiting));
  const all = [...initStatuses, ...appStatuses];
  const sandbox = runtime.sandbox?.attempt;
  const anyAppStarted = (pod.spec?.containers ?? []).some((c) => { const i = runtime.latest(c.name); return i !== undefined && i.sandbox === sandbox; });
  let phase = getPhase(pod, all, input.podIsTerminal, anyAppStarted);
  if (phase !== "Succeeded" && phase !== "Failed" && (old.phase === "Succeeded" || old.phase === "Failed")) phase = old.phase;
  const nowTs = ts(input.now);
  const conds: PodCondition[] = [];
  for (const c of old.conditions ?? []) if (!KUBELET_CONDITIONS.has(c.type)) conds.push(c);
  const cr = containersReady(pod, all, phase);
  const generated: PodCondition[] = [
    { type: "PodReadyToStartContainers", status: runtime.sandbox?.ready ? "True" : "False" },
    initialized(pod, all, phase, anyAppStarted),
    podReady(pod, cr, old.conditions ?? []),
    cr,
    { type: "PodScheduled", status: "True" },
  ];
  for (const c of generated) conds.push(stamp(c, old.conditions, nowTs));
  const status: PodStatus = {
    phase,
    conditions: conds,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    ...(runtime.sandbox ? { podIP: runtime.sandbox.ip, podIPs: [{ ip: runtime.sandbox.ip }] } : old.podIP ? { podIP: old.podIP, podIPs: old.podIPs } : {}),
    startTime: old.startTime ?? nowTs,
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    qosClass: podQOS(pod),
  };
  const reason = input.reason ?? (old.phase === phase && old.reason ? { reason: old.reason, message: old.message ?? "" } : undefined);
  if (reason) {
    status.reason = reason.reason;
    status.message = reason.message;
  }
  return status;
}

export type { ContainerState };
