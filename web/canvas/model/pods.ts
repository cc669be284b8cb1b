/**
 * How a Pod reads on the canvas: kubectl's STATUS and READY (the same printer as `kubectl get
 * pods`), its restarts, one dot per container (init, sidecar, app) and whether a probe is failing.
 * Every field is a primitive, so a canvas node re-renders only when something visible changed.
 */
import type { EventRecord } from "../../../src/api/events";
import type { Stored } from "../../../src/api/types";
import { podColumns } from "../../../src/kubectl/pod-status";
import type { ContainerStatus } from "kubernetes-types/core/v1";
import { statusTone, type StatusTone } from "../../panels/pods/pod-rows";

export type PodView = {
  /** The canvas id: the object key ("Pod/default/web-1"). */
  id: string;
  name: string;
  namespace: string;
  /** kubectl STATUS: "Running", "Init:0/2", "CrashLoopBackOff", … */
  status: string;
  tone: StatusTone;
  /** kubectl READY: "1/2". */
  ready: string;
  restarts: number;
  /** The node it is bound to; empty while it waits in the scheduling queue. */
  nodeName: string;
  /**
   * One character per container, init containers first, then sidecars, then app containers,
   * groups separated by "|": d done, R ready, r running (not ready), w waiting, f failed.
   */
  containers: string;
  /** The last scheduling attempt found no node: "Unschedulable". */
  unschedulable: boolean;
  terminating: boolean;
  /** Failed / Succeeded: it stays on the node, faded. */
  finished: boolean;
  /** A probe reported Unhealthy in the last PROBE_PULSE_SECONDS. */
  probeFailing: boolean;
  /** The controller that owns it ("ReplicaSet/web-7d4b9"), if any. */
  owner: string;
  /**
   * Its node stopped reporting (the node's Ready condition is Unknown): nobody can say what the pod
   * is doing, which is the Unknown of the pod-lifecycle docs. kubectl keeps printing the last
   * STATUS the kubelet reported (`status` above); the canvas says Unknown.
   */
  unknown: boolean;
};

/** How long after an Unhealthy event a pod keeps pulsing (virtual seconds). */
export const PROBE_PULSE_SECONDS = 10;

export function podId(namespace: string | undefined, name: string): string {
  return `Pod/${namespace ?? "default"}/${name}`;
}

function dot(cs: ContainerStatus | undefined): string {
  const st = cs?.state;
  if (st?.terminated) return st.terminated.exitCode === 0 ? "d" : "f";
  if (st?.running) return cs?.ready ? "R" : "r";
  if (st?.waiting?.reason && st.waiting.reason !== "PodInitializing" && st.waiting.reason !== "ContainerCreating") return "f";
  return "w";
}

function containerDots(pod: Stored<"Pod">): string {
  const spec = pod.spec;
  const byName = (list: ContainerStatus[] | undefined) => new Map((list ?? []).map((c) => [c.name, c]));
  const initStatus = byName(pod.status?.initContainerStatuses);
  const appStatus = byName(pod.status?.containerStatuses);
  const init: string[] = [];
  const sidecars: string[] = [];
  for (const c of spec?.initContainers ?? []) {
    const d = dot(initStatus.get(c.name));
    (c.restartPolicy === "Always" ? sidecars : init).push(d);
  }
  const app = (spec?.containers ?? []).map((c) => dot(appStatus.get(c.name)));
  return [init.join(""), sidecars.join(""), app.join("")].join("|");
}

/** Virtual second of each pod's latest Unhealthy event (a failing liveness or readiness probe). */
export function lastUnhealthy(events: readonly EventRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.reason === "Unhealthy" && e.involvedObject.kind === "Pod") out.set(podId(e.involvedObject.namespace, e.involvedObject.name), e.time);
  }
  return out;
}

/** The pod as the canvas shows it at virtual second `time`. */
export function podView(pod: Stored<"Pod">, time: number, unhealthyAt: number | undefined): PodView {
  // STATUS and READY do not depend on "now"; only the RESTARTS text's "(5s ago)" would.
  const cols = podColumns(pod, 0);
  const phase = pod.status?.phase;
  const scheduled = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  const terminating = !!pod.metadata.deletionTimestamp;
  return {
    id: podId(pod.metadata.namespace, pod.metadata.name),
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? "default",
    status: cols.status,
    tone: statusTone(cols.status),
    ready: cols.ready,
    restarts: cols.restartCount,
    nodeName: pod.spec?.nodeName ?? "",
    containers: containerDots(pod),
    unschedulable: !pod.spec?.nodeName && scheduled?.status === "False" && scheduled.reason === "Unschedulable",
    terminating,
    finished: phase === "Succeeded" || phase === "Failed",
    probeFailing: !terminating && unhealthyAt !== undefined && time - unhealthyAt <= PROBE_PULSE_SECONDS,
    owner: owner ? `${owner.kind}/${owner.name}` : "",
    unknown: false,
  };
}

/** The view of a pod whose node is unreachable: Unknown, in grey. */
export function unknownPodView(v: PodView): PodView {
  return { ...v, unknown: true, tone: "unknown", probeFailing: false };
}

/** Same content: a canvas node whose view is `same` keeps its old data object (no re-render). */
export function samePodView(a: PodView, b: PodView): boolean {
  for (const k of Object.keys(a) as Array<keyof PodView>) if (a[k] !== b[k]) return false;
  return true;
}
