/**
 * The kubelet's exact wording in one place: event reasons and messages
 * (pkg/kubelet/events/event.go and the call sites), container waiting reasons
 * (pkg/kubelet/container/sync_result.go, images/types.go), and node condition texts.
 */

/** Event reasons (pkg/kubelet/events). */
export const EV = {
  Pulling: "Pulling",
  Pulled: "Pulled",
  Failed: "Failed",
  InspectFailed: "InspectFailed",
  ErrImageNeverPull: "ErrImageNeverPull",
  BackOff: "BackOff",
  Created: "Created",
  Started: "Started",
  Killing: "Killing",
  Unhealthy: "Unhealthy",
  ProbeWarning: "ProbeWarning",
  FailedPostStartHook: "FailedPostStartHook",
  FailedPreStopHook: "FailedPreStopHook",
  SandboxChanged: "SandboxChanged",
  FailedMount: "FailedMount",
  Evicted: "Evicted",
  Preempting: "Preempting",
  DeadlineExceeded: "DeadlineExceeded",
  EvictionThresholdMet: "EvictionThresholdMet",
  Starting: "Starting",
  NodeReady: "NodeReady",
  NodeNotReady: "NodeNotReady",
} as const;

/** Waiting reasons a container status carries. */
export const WAITING = {
  ContainerCreating: "ContainerCreating",
  PodInitializing: "PodInitializing",
  CrashLoopBackOff: "CrashLoopBackOff",
  ErrImagePull: "ErrImagePull",
  ImagePullBackOff: "ImagePullBackOff",
  ErrImageNeverPull: "ErrImageNeverPull",
  InvalidImageName: "InvalidImageName",
  CreateContainerConfigError: "CreateContainerConfigError",
  PostStartHookError: "PostStartHookError",
} as const;

/** `format.Pod`: "name_namespace(uid)". */
export function formatPod(p: { metadata?: { name?: string; namespace?: string; uid?: string } }): string {
  return `${p.metadata?.name}_${p.metadata?.namespace}(${p.metadata?.uid})`;
}

/** Go's time.Duration String() for whole milliseconds: "10s", "1m20s", "5m0s", "523ms", "2.88s". */
export function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number(s.toFixed(3))}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  return m > 0 ? `${m}m${sec}` : sec;
}

export const MSG = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  failedPull: (image: string, err: string) => `Failed to pull image "${image}": ${err}`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  /** The ImagePullBackOff waiting message of v1.36 (the last pull error wrapped). */
  backOffPullWaiting: (image: string, lastError: string) => `Back-off pulling image "${image}": ErrImagePull: ${lastError}`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  error: (detail: string) => `Error: ${detail}`,
  created: (c: string) => `Created container: ${c}`,
  started: (c: string) => `Started container ${c}`,
  stopping: (c: string) => `Stopping container ${c}`,
  probeFailed: (type: string, output: string) => `${type} probe failed: ${output}`,
  probeKill: (c: string, type: "liveness" | "startup", restart: boolean) => `Container ${c} failed ${type} probe${restart ? ", will be restarted" : ""}`,
  definitionChanged: (c: string) => `Container ${c} definition changed, will be restarted`,
  backOffRestart: (c: string, pod: string) => `Back-off restarting failed container ${c} in pod ${pod}`,
  crashLoopWaiting: (delayMs: number, c: string, pod: string) => `back-off ${goDuration(delayMs)} restarting failed container=${c} pod=${pod}`,
  sandboxChanged: "Pod sandbox changed, it will be killed and re-created.",
  preStopFailed: "PreStopHook failed",
  postStartFailed: "PostStartHook failed",
  startingKubelet: "Starting kubelet.",
  nodeStatus: (node: string, status: string) => `Node ${node} status is now: ${status}`,
  rejected: (message: string) => `Pod was rejected: ${message}`,
  deadline: "Pod was active on the node longer than the specified deadline",
} as const;

/** Node condition reasons and messages the kubelet posts (pkg/kubelet/nodestatus/setters.go). */
export const NODE_CONDITIONS = {
  MemoryPressure: {
    False: ["KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
    True: ["KubeletHasInsufficientMemory", "kubelet has insufficient memory available"],
  },
  DiskPressure: {
    False: ["KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
    True: ["KubeletHasDiskPressure", "kubelet has disk pressure"],
  },
  PIDPressure: {
    False: ["KubeletHasSufficientPID", "kubelet has sufficient PID available"],
    True: ["KubeletHasInsufficientPID", "kubelet has insufficient PID available"],
  },
  Ready: {
    True: ["KubeletReady", "kubelet is posting ready status"],
    False: ["KubeletNotReady", "container runtime is down"],
  },
} as const;
