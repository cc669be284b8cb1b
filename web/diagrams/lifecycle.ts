/**
 * The pod lifecycle as a mermaid state diagram: the phases (Pending, Running, Succeeded, Failed,
 * Unknown) opened up into the states `kubectl get pods` shows in its STATUS column, with the
 * Kubernetes event reasons that move a pod between them. The pod's current state — derived from
 * the same STATUS the canvas shows — is highlighted.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { podColumns } from "../../src/kubectl/pod-status";

export const LIFECYCLE_STATES = [
  "Pending", "Init", "ContainerCreating", "ImagePullBackOff", "Running", "CrashLoopBackOff", "Terminating", "Succeeded", "Failed", "Unknown",
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

const IMAGE = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull"]);
const RESTARTING = new Set(["CrashLoopBackOff", "Error", "OOMKilled", "Completed", "ContainerCannotRun", "RunContainerError", "CreateContainerError"]);

/** The diagram state for a kubectl STATUS and the pod's phase. */
export function lifecycleState(status: string, phase: string | undefined): LifecycleState {
  if (status === "Terminating") return "Terminating";
  if (status === "Unknown" || status === "NodeLost" || phase === "Unknown") return "Unknown";
  if (status.startsWith("Init:")) return "Init";
  if (IMAGE.has(status)) return "ImagePullBackOff";
  if (status === "ContainerCreating" || status === "PodInitializing") return "ContainerCreating";
  if (phase === "Succeeded") return "Succeeded";
  if (phase === "Failed") return "Failed";
  if (phase === "Running") return RESTARTING.has(status) ? "CrashLoopBackOff" : "Running";
  return "Pending";
}

const TRANSITIONS: ReadonlyArray<readonly [string, string, string]> = [
  ["[*]", "Pending", "created"],
  ["Pending", "Init", "Scheduled"],
  ["Pending", "ContainerCreating", "Scheduled"],
  ["Init", "ContainerCreating", "init done"],
  ["ContainerCreating", "ImagePullBackOff", "Failed"],
  ["ImagePullBackOff", "ContainerCreating", "Pulled"],
  ["ContainerCreating", "Running", "Started"],
  ["Running", "CrashLoopBackOff", "BackOff"],
  ["CrashLoopBackOff", "Running", "Started"],
  ["Running", "Succeeded", "Completed"],
  ["Running", "Failed", "Error"],
  ["Running", "Unknown", "NodeNotReady"],
  ["Unknown", "Running", "node back"],
  ["Running", "Terminating", "Killing"],
  ["Terminating", "[*]", "deleted"],
  ["Succeeded", "[*]", ""],
  ["Failed", "[*]", ""],
];

export interface LifecycleDiagram {
  text: string;
  /** kubectl's STATUS, as the canvas shows it. */
  status: string;
  current: LifecycleState;
}

export function podLifecycleDiagram(pod: Pod, nowMs: number): LifecycleDiagram {
  const status = podColumns(pod, nowMs).status;
  const current = lifecycleState(status, pod.status?.phase);
  const lines = ["stateDiagram-v2", "  direction TB"];
  for (const [from, to, label] of TRANSITIONS) lines.push(`  ${from} --> ${to}${label ? ` : ${label}` : ""}`);
  lines.push("  classDef current fill:#326ce5,color:#ffffff,stroke:#1d4fb8,stroke-width:3px,font-weight:bold");
  lines.push(`  class ${current} current`);
  return { text: lines.join("\n"), status, current };
}
