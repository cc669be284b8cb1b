/**
 * "Why is this pod not Ready?": the first thing in the pod's way, in the order a pod's life
 * reaches them — scheduling (the scheduler's FailedScheduling message and attempts), its node,
 * init containers, image pulls and container start-up, crash-loop back-off, the startup probe, the
 * readiness probe (its spec and its last failure, from the kubelet's Unhealthy events), readiness
 * gates — as structured data and one paragraph quoting Kubernetes' own words.
 */
import type { ContainerStatus, Pod, PodCondition, Probe } from "kubernetes-types/core/v1";
import type { Event } from "kubernetes-types/core/v1";
import { formatAge, parseTimestamp } from "../kubectl/age";
import { describeProbe } from "../kubectl/describe/containers";
import type { ScheduleAttempt } from "../scheduler/explain";
import { lastEvent, podEvents, podKey, type ExplainHost } from "./host";

export interface ProbeFailure {
  /** The Unhealthy event's message, e.g. "Readiness probe failed: HTTP probe failed with statuscode: 503". */
  message: string;
  /** RFC 3339 of the latest failure, and of the first in the series. */
  at: string;
  firstAt: string;
  count: number;
}

export interface Termination {
  exitCode: number;
  reason?: string;
  finishedAt?: string;
}

export type NotReadyCause =
  | { kind: "ready" }
  | { kind: "not-found" }
  | { kind: "terminating"; deletionTimestamp: string; gracePeriodSeconds: number }
  | { kind: "finished"; phase: string; reason?: string; message?: string }
  | { kind: "scheduling-gated"; gates: string[] }
  | { kind: "unschedulable"; message: string; attempts: number; lastAttempt?: ScheduleAttempt }
  | { kind: "node-not-ready"; node: string; status: string; reason?: string; message?: string }
  | { kind: "init-container"; container: string; index: number; total: number; waiting?: string; terminated?: Termination }
  | { kind: "waiting"; container: string; reason: string; message?: string; lastTermination?: Termination; restarts: number; killedBy?: string }
  | { kind: "probe"; container: string; probe: "readiness" | "startup"; spec: string; lastFailure?: ProbeFailure }
  | { kind: "readiness-gate"; gate: string; status: string }
  | { kind: "not-ready"; container: string };

export interface NotReadyExplanation {
  pod: string;
  ready: boolean;
  /** The causes as one clause ("container web is running but its readiness probe is failing: …"). */
  because: string;
  /** The pod's Ready condition as the kubelet last wrote it. */
  condition?: Pick<PodCondition, "status" | "reason" | "message" | "lastTransitionTime">;
  causes: NotReadyCause[];
  text: string;
}

function probeFailure(events: readonly Event[], title: "Readiness" | "Startup"): ProbeFailure | undefined {
  const e = lastEvent(events, "Unhealthy", `${title} probe failed:`);
  if (!e) return undefined;
  return { message: e.message ?? "", at: e.lastTimestamp ?? "", firstAt: e.firstTimestamp ?? "", count: e.count ?? 1 };
}

function termination(cs: ContainerStatus): Termination | undefined {
  const t = cs.lastState?.terminated ?? cs.state?.terminated;
  return t ? { exitCode: t.exitCode, ...(t.reason ? { reason: t.reason } : {}), ...(t.finishedAt ? { finishedAt: t.finishedAt } : {}) } : undefined;
}

function containerCauses(pod: Pod, events: readonly Event[]): NotReadyCause[] {
  const spec = pod.spec;
  const inits = spec?.initContainers ?? [];
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    if (c.restartPolicy === "Always") continue;
    const cs = initStatuses.find((s) => s.name === c.name);
    if (cs?.state?.terminated?.exitCode === 0) continue;
    return [{
      kind: "init-container", container: c.name, index: i, total: inits.length,
      ...(cs?.state?.waiting?.reason ? { waiting: cs.state.waiting.reason } : {}),
      ...(cs && termination(cs) ? { terminated: termination(cs)! } : {}),
    }];
  }
  const causes: NotReadyCause[] = [];
  const probed = [...inits.filter((c) => c.restartPolicy === "Always"), ...(spec?.containers ?? [])];
  const statuses = [...initStatuses, ...(pod.status?.containerStatuses ?? [])];
  for (const c of probed) {
    const cs = statuses.find((s) => s.name === c.name);
    if (cs?.ready) continue;
    const waiting = cs?.state?.waiting;
    if (!cs || waiting || cs.state?.terminated) {
      const killed = lastEvent(events, "Killing", `Container ${c.name} failed`);
      causes.push({
        kind: "waiting", container: c.name, reason: waiting?.reason ?? (cs?.state?.terminated ? "Terminated" : "ContainerCreating"),
        ...(waiting?.message ? { message: waiting.message } : {}),
        ...(cs && termination(cs) ? { lastTermination: termination(cs)! } : {}),
        restarts: cs?.restartCount ?? 0,
        ...(killed && waiting?.reason === "CrashLoopBackOff" ? { killedBy: killed.message ?? "" } : {}),
      });
      continue;
    }
    const probe = (type: "startup" | "readiness", p: Probe) => {
      const failure = probeFailure(events, type === "startup" ? "Startup" : "Readiness");
      causes.push({ kind: "probe", container: c.name, probe: type, spec: describeProbe(p), ...(failure ? { lastFailure: failure } : {}) });
    };
    if (c.startupProbe && !cs.started) probe("startup", c.startupProbe);
    else if (c.readinessProbe) probe("readiness", c.readinessProbe);
    else causes.push({ kind: "not-ready", container: c.name });
  }
  return causes;
}

/** Why the pod is not Ready, or that it is. */
export function whyNotReady(host: ExplainHost, namespace: string, name: string): NotReadyExplanation {
  const key = podKey(namespace, name);
  const pod = host.store.get("Pod", namespace, name);
  if (!pod) return { pod: key, ready: false, because: "it does not exist", causes: [{ kind: "not-found" }], text: `Pod ${key} does not exist.` };
  const nowMs = host.nowMs();
  const events = podEvents(host, namespace, name, pod.metadata.uid);
  const readyCond = pod.status?.conditions?.find((c) => c.type === "Ready");
  const condition = readyCond ? { status: readyCond.status, reason: readyCond.reason, message: readyCond.message, lastTransitionTime: readyCond.lastTransitionTime } : undefined;
  const causes: NotReadyCause[] = [];
  const phase = pod.status?.phase ?? "Pending";
  const scheduled = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
  if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") {
    causes.push({ kind: "terminating", deletionTimestamp: pod.metadata.deletionTimestamp, gracePeriodSeconds: pod.metadata.deletionGracePeriodSeconds ?? 0 });
  } else if (phase === "Succeeded" || phase === "Failed") {
    causes.push({ kind: "finished", phase, ...(pod.status?.reason ? { reason: pod.status.reason } : {}), ...(pod.status?.message ? { message: pod.status.message } : {}) });
  } else if (pod.spec?.schedulingGates?.length) {
    causes.push({ kind: "scheduling-gated", gates: pod.spec.schedulingGates.map((g) => g.name) });
  } else if (!pod.spec?.nodeName) {
    const attempts = host.attempts?.(namespace, name) ?? [];
    const last = attempts[attempts.length - 1];
    const message = scheduled?.message ?? last?.message ?? lastEvent(events, "FailedScheduling")?.message ?? "";
    causes.push({ kind: "unschedulable", message, attempts: last?.attempt ?? attempts.length, ...(last ? { lastAttempt: last } : {}) });
  } else if (readyCond?.status === "True") {
    causes.push({ kind: "ready" });
  } else {
    const node = host.store.get("Node", undefined, pod.spec.nodeName);
    const nodeReady = node?.status?.conditions?.find((c) => c.type === "Ready");
    if (nodeReady && nodeReady.status !== "True") {
      causes.push({ kind: "node-not-ready", node: pod.spec.nodeName, status: nodeReady.status, ...(nodeReady.reason ? { reason: nodeReady.reason } : {}), ...(nodeReady.message ? { message: nodeReady.message } : {}) });
    } else {
      causes.push(...containerCauses(pod, events));
      if (causes.length === 0) {
        for (const g of pod.spec.readinessGates ?? []) {
          const s = pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status ?? "<none>";
          if (s !== "True") causes.push({ kind: "readiness-gate", gate: g.conditionType, status: s });
        }
      }
    }
  }
  const ready = causes.length === 1 && causes[0]!.kind === "ready";
  const because = causes.map((c) => causeText(c, nowMs)).join("; and ");
  return { pod: key, ready, because, ...(condition ? { condition } : {}), causes, text: notReadyText(key, because, causes, condition) };
}

const ago = (ts: string | undefined, nowMs: number): string => {
  const t = parseTimestamp(ts);
  return t === undefined ? "" : `${formatAge(nowMs - t)} ago`;
};

function causeText(c: NotReadyCause, nowMs: number): string {
  switch (c.kind) {
    case "ready": return "it is Ready";
    case "not-found": return "it does not exist";
    case "terminating": return `it is Terminating: it was deleted ${ago(c.deletionTimestamp, nowMs)} with a grace period of ${c.gracePeriodSeconds}s`;
    case "finished": return `it has finished: phase ${c.phase}${c.reason ? `, reason ${c.reason}` : ""}${c.message ? ` ("${c.message}")` : ""}`;
    case "scheduling-gated": return `it is SchedulingGated: the scheduler will not consider it while it has scheduling gates (${c.gates.join(", ")})`;
    case "unschedulable":
      return c.message
        ? `it is Pending and not scheduled: after ${c.attempts} scheduling attempt${c.attempts === 1 ? "" : "s"} the scheduler reported "${c.message}"`
        : "it is Pending and not scheduled yet: the scheduler has not tried it";
    case "node-not-ready": return `its node ${c.node} is not Ready (Ready=${c.status}${c.reason ? `, ${c.reason}` : ""}${c.message ? `: "${c.message}"` : ""})`;
    case "init-container": {
      const state = c.waiting ? `is waiting (${c.waiting})` : c.terminated ? `exited with code ${c.terminated.exitCode}${c.terminated.reason ? ` (${c.terminated.reason})` : ""}` : "has not completed";
      return `init container ${c.container} (${c.index + 1} of ${c.total}) ${state}, and app containers start only after every init container has succeeded (Init:${c.index}/${c.total})`;
    }
    case "waiting": {
      let s = `container ${c.container} is ${c.reason === "Terminated" ? "terminated" : `waiting: ${c.reason}`}`;
      if (c.message) s += ` ("${c.message}")`;
      if (c.lastTermination) s += `; its last run exited with code ${c.lastTermination.exitCode}${c.lastTermination.reason ? ` (${c.lastTermination.reason})` : ""}`;
      if (c.restarts) s += ` after ${c.restarts} restart${c.restarts === 1 ? "" : "s"}`;
      if (c.killedBy) s += `; the kubelet said "${c.killedBy}"`;
      return s;
    }
    case "probe": {
      const name = c.probe === "startup" ? "startup probe has not succeeded yet (liveness and readiness probes wait for it)" : "readiness probe is failing";
      let s = `container ${c.container} is running but its ${name}: ${c.spec}`;
      if (c.lastFailure) {
        s += `; last failure ${ago(c.lastFailure.at, nowMs)}: "${c.lastFailure.message}"`;
        if (c.lastFailure.count > 1) s += ` (x${c.lastFailure.count} over ${formatAge(nowMs - (parseTimestamp(c.lastFailure.firstAt) ?? nowMs))})`;
      } else {
        s += "; no failure reported yet (its first success is still due)";
      }
      return s;
    }
    case "readiness-gate": return `readiness gate ${c.gate} is ${c.status === "<none>" ? "not set" : c.status} (corresponding condition of pod readiness gate "${c.gate}" ${c.status === "<none>" ? "does not exist" : `is ${c.status}`})`;
    case "not-ready": return `container ${c.container} is running but not ready yet`;
  }
}

function notReadyText(key: string, because: string, causes: readonly NotReadyCause[], cond: NotReadyExplanation["condition"]): string {
  if (causes.length === 1 && causes[0]!.kind === "ready") return `Pod ${key} is Ready.`;
  let text = `Pod ${key} is not Ready because ${because}.`;
  if (cond?.status === "False" && cond.reason) text += ` Its Ready condition is False (${cond.reason}${cond.message ? `: ${cond.message}` : ""}), so Services do not send it traffic.`;
  return text;
}
