/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, computed exactly as the API server's
 * table printer does (kubernetes pkg/printers/internalversion/printers.go `printPod`, v1.3x).
 * Every branch below mirrors one in upstream, in the same order: the order is the behaviour
 * (for instance the first app container's state wins because statuses are walked in reverse).
 */
import type { Container, ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import { formatAge, parseTimestamp } from "./age";

/** What `kubectl get pods` shows for one pod, plus the counts behind the strings. */
export interface PodColumns {
  /** "1/2": ready containers (app + started sidecars) over app containers + sidecars. */
  readonly ready: string;
  /** "Running", "Init:0/2", "CrashLoopBackOff", "Terminating", … */
  readonly status: string;
  /** "0", "3", or "3 (45s ago)" when the last restart time is known. */
  readonly restarts: string;
  readonly readyContainers: number;
  readonly totalContainers: number;
  readonly restartCount: number;
}

/** `node.NodeUnreachablePodReason`: status.reason the node lifecycle controller sets on lost pods. */
export const NODE_UNREACHABLE_POD_REASON = "NodeLost";

/** A native sidecar: an init container with `restartPolicy: Always`. */
export function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  // Upstream `isPodInitializedConditionTrue` looks at the first condition of the type only;
  // `hasPodReadyCondition` at any; with well-formed pods (one condition per type) both agree.
  const c = conditions?.find((x) => x.type === type);
  return c?.status === "True";
}

function hasPodReadyCondition(conditions: PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** Latest of the known last-termination times (unix ms), 0 when none. */
function laterFinish(current: number, cs: ContainerStatus): number {
  const finished = parseTimestamp(cs.lastState?.terminated?.finishedAt);
  return finished !== undefined && finished > current ? finished : current;
}

export function podColumns(pod: Pod, nowMs: number): PodColumns {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initSpecs = spec?.initContainers ?? [];

  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  const phase = status.phase ?? "";
  let reason: string = phase;
  if (status.reason) reason = status.reason;

  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initByName = new Map<string, Container>();
  for (const c of initSpecs) {
    initByName.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    const sidecar = isRestartableInitContainer(initByName.get(cs.name));
    restarts += cs.restartCount ?? 0;
    lastRestart = laterFinish(lastRestart, cs);
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      lastSidecarRestart = laterFinish(lastSidecarRestart, cs);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // Initialization failed.
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, "Initialized")) {
    // Once initialized, only sidecar restarts still count among the init containers'.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += cs.restartCount ?? 0;
      lastRestart = laterFinish(lastRestart, cs);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose first container completed while another still runs is not "Completed".
    if (reason === "Completed" && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? "Running" : "NotReady";
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = "Unknown";
  } else if (deleting && phase !== "Succeeded" && phase !== "Failed") {
    reason = "Terminating";
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) {
    restartsText = `${restarts} (${formatAge(nowMs - lastRestart)} ago)`;
  }

  return {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsText,
    readyContainers,
    totalContainers,
    restartCount: restarts,
  };
}
