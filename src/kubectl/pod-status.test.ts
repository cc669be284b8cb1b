import { describe, expect, it } from "vitest";
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import { podColumns } from "./pod-status";

// Expected values follow kubernetes pkg/printers/internalversion/printers.go `printPod` and its
// table tests (printers_test.go TestPrintPod*): e.g. "Init:0/2" for the first of two init containers
// still running, "Init:Signal:9" / "Init:ExitCode:1" for reason-less terminations, "NotReady" when a
// completed container sits beside a running one and the pod is not Ready.

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const ago = (sec: number) => new Date(NOW - sec * 1000).toISOString().replace(".000Z", "Z");

const running: ContainerState = { running: { startedAt: ago(600) } };
const waiting = (reason: string): ContainerState => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number): ContainerState =>
  ({ terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}) } });

function cs(name: string, state: ContainerState | undefined, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: "img", imageID: "", ready: false, restartCount: 0, ...(state ? { state } : {}), ...extra };
}
const cond = (type: string, status: string, reason?: string): PodCondition => ({ type, status, ...(reason ? { reason } : {}) });

interface PodArgs {
  containers?: string[];
  init?: Array<{ name: string; sidecar?: boolean }>;
  phase?: string;
  reason?: string;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: PodCondition[];
  deleting?: boolean;
}
function pod(a: PodArgs): Pod {
  const c = (name: string): Container => ({ name, image: "img" });
  return {
    metadata: { name: "p", ...(a.deleting ? { deletionTimestamp: ago(5) } : {}) },
    spec: {
      containers: (a.containers ?? ["app"]).map(c),
      ...(a.init ? { initContainers: a.init.map((i) => ({ ...c(i.name), ...(i.sidecar ? { restartPolicy: "Always" } : {}) })) } : {}),
    },
    status: {
      ...(a.phase ? { phase: a.phase } : {}),
      ...(a.reason ? { reason: a.reason } : {}),
      ...(a.statuses ? { containerStatuses: a.statuses } : {}),
      ...(a.initStatuses ? { initContainerStatuses: a.initStatuses } : {}),
      ...(a.conditions ? { conditions: a.conditions } : {}),
    },
  };
}

const lastTerminated = (sec: number): Partial<ContainerStatus> =>
  ({ lastState: { terminated: { exitCode: 1, finishedAt: ago(sec) } } });

const cases: Array<[string, Pod, string, string, string]> = [
  // name, pod, READY, STATUS, RESTARTS
  ["pending, no statuses", pod({ phase: "Pending" }), "0/1", "Pending", "0"],
  ["scheduling gated", pod({ phase: "Pending", conditions: [cond("PodScheduled", "False", "SchedulingGated")] }), "0/1", "SchedulingGated", "0"],
  ["status.reason wins over phase", pod({ phase: "Failed", reason: "Evicted" }), "0/1", "Evicted", "0"],
  ["container creating", pod({ phase: "Pending", statuses: [cs("app", waiting("ContainerCreating"))] }), "0/1", "ContainerCreating", "0"],
  ["running and ready", pod({ phase: "Running", statuses: [cs("app", running, { ready: true })] }), "1/1", "Running", "0"],
  ["running, not ready", pod({ phase: "Running", statuses: [cs("app", running)] }), "0/1", "Running", "0"],
  ["crash loop with restart time",
    pod({ phase: "Running", statuses: [cs("app", waiting("CrashLoopBackOff"), { restartCount: 3, ...lastTerminated(45) })] }),
    "0/1", "CrashLoopBackOff", "3 (45s ago)"],
  ["restarts without a known time", pod({ phase: "Running", statuses: [cs("app", running, { ready: true, restartCount: 2 })] }), "1/1", "Running", "2"],
  ["image pull back-off", pod({ phase: "Pending", statuses: [cs("app", waiting("ImagePullBackOff"))] }), "0/1", "ImagePullBackOff", "0"],
  ["completed", pod({ phase: "Succeeded", statuses: [cs("app", terminated(0, "Completed"))] }), "0/1", "Completed", "0"],
  ["error", pod({ phase: "Failed", statuses: [cs("app", terminated(1, "Error"))] }), "0/1", "Error", "0"],
  ["OOMKilled", pod({ phase: "Running", statuses: [cs("app", terminated(137, "OOMKilled"))] }), "0/1", "OOMKilled", "0"],
  ["terminated without reason: signal", pod({ phase: "Failed", statuses: [cs("app", terminated(137, undefined, 9))] }), "0/1", "Signal:9", "0"],
  ["terminated without reason: exit code", pod({ phase: "Failed", statuses: [cs("app", terminated(2))] }), "0/1", "ExitCode:2", "0"],
  ["first container's state wins",
    pod({ phase: "Running", containers: ["a", "b"], statuses: [cs("a", waiting("CrashLoopBackOff")), cs("b", waiting("ErrImagePull"))] }),
    "0/2", "CrashLoopBackOff", "0"],
  ["completed beside running, pod Ready → Running",
    pod({ phase: "Running", containers: ["a", "b"], conditions: [cond("Ready", "True")],
      statuses: [cs("a", terminated(0, "Completed")), cs("b", running, { ready: true })] }),
    "1/2", "Running", "0"],
  ["completed beside running, pod not Ready → NotReady",
    pod({ phase: "Running", containers: ["a", "b"], conditions: [cond("Ready", "False")],
      statuses: [cs("a", terminated(0, "Completed")), cs("b", running, { ready: true })] }),
    "1/2", "NotReady", "0"],
  ["init 0/2 running",
    pod({ phase: "Pending", init: [{ name: "i1" }, { name: "i2" }], initStatuses: [cs("i1", running), cs("i2", waiting("PodInitializing"))],
      statuses: [cs("app", waiting("PodInitializing"))] }),
    "0/1", "Init:0/2", "0"],
  ["init 1/2 after first completed",
    pod({ phase: "Pending", init: [{ name: "i1" }, { name: "i2" }], initStatuses: [cs("i1", terminated(0, "Completed")), cs("i2", running)] }),
    "0/1", "Init:1/2", "0"],
  ["init error",
    pod({ phase: "Pending", init: [{ name: "i1" }], initStatuses: [cs("i1", terminated(1, "Error"), { restartCount: 1 })] }),
    "0/1", "Init:Error", "1"],
  ["init crash loop counts init restarts with time",
    pod({ phase: "Pending", init: [{ name: "i1" }], initStatuses: [cs("i1", waiting("CrashLoopBackOff"), { restartCount: 4, ...lastTerminated(90) })] }),
    "0/1", "Init:CrashLoopBackOff", "4 (90s ago)"],
  ["init terminated by signal", pod({ phase: "Pending", init: [{ name: "i1" }], initStatuses: [cs("i1", terminated(137, undefined, 9))] }), "0/1", "Init:Signal:9", "0"],
  ["init exit code", pod({ phase: "Pending", init: [{ name: "i1" }], initStatuses: [cs("i1", terminated(3))] }), "0/1", "Init:ExitCode:3", "0"],
  ["init done, app still initializing",
    pod({ phase: "Pending", init: [{ name: "i1" }], initStatuses: [cs("i1", terminated(0, "Completed"), { restartCount: 2 })],
      statuses: [cs("app", waiting("PodInitializing"))] }),
    "0/1", "PodInitializing", "0"],
  ["sidecar counts in READY and RESTARTS",
    pod({ phase: "Running", init: [{ name: "proxy", sidecar: true }], conditions: [cond("Initialized", "True")],
      initStatuses: [cs("proxy", running, { started: true, ready: true, restartCount: 1, ...lastTerminated(300) })],
      statuses: [cs("app", running, { ready: true })] }),
    "2/2", "Running", "1 (5m ago)"],
  ["sidecar not started yet",
    pod({ phase: "Pending", init: [{ name: "proxy", sidecar: true }], initStatuses: [cs("proxy", running, { started: false })],
      statuses: [cs("app", waiting("PodInitializing"))] }),
    "0/2", "Init:0/1", "0"],
  // Initialized=True: app containers are read and restarts recounted, but a running app container
  // does not overwrite the init reason (only waiting/terminated states set it).
  ["init container crashing after Initialized=True",
    pod({ phase: "Running", init: [{ name: "i1" }], conditions: [cond("Initialized", "True")],
      initStatuses: [cs("i1", waiting("CrashLoopBackOff"), { restartCount: 7 })], statuses: [cs("app", running, { ready: true })] }),
    "1/1", "Init:CrashLoopBackOff", "0"],
  ["terminating", pod({ phase: "Running", deleting: true, statuses: [cs("app", running, { ready: true })] }), "1/1", "Terminating", "0"],
  ["terminating keeps terminal status", pod({ phase: "Succeeded", deleting: true, statuses: [cs("app", terminated(0, "Completed"))] }), "0/1", "Completed", "0"],
  ["node lost", pod({ phase: "Running", reason: "NodeLost", deleting: true, statuses: [cs("app", running, { ready: true })] }), "1/1", "Unknown", "0"],
];

describe("podColumns (printPod)", () => {
  it.each(cases)("%s", (_name, p, ready, status, restarts) => {
    const got = podColumns(p, NOW);
    expect([got.ready, got.status, got.restarts]).toEqual([ready, status, restarts]);
  });
});
