/**
 * computePodActions (pkg/kubelet/kuberuntime/kuberuntime_manager.go): what a sync should do
 * with a pod's containers, from their current state. Level-triggered and pure: the pod worker
 * executes the result.
 *
 * - Init containers run one at a time in order; a regular one must exit 0 before the next
 *   starts (a failure is retried, or fails the pod with restartPolicy Never); a sidecar
 *   (restartPolicy Always) must be started (its startup probe passed) before the next, keeps
 *   running, and is restarted whenever it exits. Once an app container has run in this sandbox,
 *   regular init containers are done for good.
 * - App containers start together after initialization; an exited one restarts per the pod's
 *   restartPolicy; a failed liveness or startup probe, or a changed image, kills it.
 * - When no app container will run again, the pod is done: its sidecars are stopped.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { ContainerInstance, ContainerRole } from "./runtime";
import { isSidecar } from "./status";
import { MSG } from "./reasons";

export interface ContainerView {
  /** The latest instance (of any sandbox). */
  latest?: ContainerInstance;
  /** A start is already under way (image pull, waiting its turn). */
  starting: boolean;
  /** Startup probe passed (or there is none). */
  started: boolean;
  livenessFailed: boolean;
  startupFailed: boolean;
}

export interface Kill {
  name: string;
  message: string;
  reason: "liveness" | "startup" | "spec";
}

export interface PodActions {
  /** Containers to start, in order (the pod worker starts them one after another). */
  start: Array<{ container: Container; role: ContainerRole }>;
  kill: Kill[];
  /** A regular init container failed and restartPolicy is Never: the pod fails. */
  initFailed: boolean;
  /** No app container will run again: the pod is finished (sidecars are stopped). */
  completed: boolean;
}

/** kubecontainer.ShouldContainerBeRestarted for an app container that has exited. */
export function shouldRestart(pod: Pod, inst: ContainerInstance | undefined): boolean {
  if (!inst || inst.state === "running") return true;
  const policy = pod.spec?.restartPolicy ?? "Always";
  if (policy === "Never") return false;
  if (policy === "OnFailure") return inst.exitCode !== 0;
  return true;
}

export function computePodActions(pod: Pod, sandbox: number, view: (name: string) => ContainerView): PodActions {
  const actions: PodActions = { start: [], kill: [], initFailed: false, completed: false };
  const policy = pod.spec?.restartPolicy ?? "Always";
  const inSandbox = (v: ContainerView) => v.latest !== undefined && v.latest.sandbox === sandbox;
  const initialized = (pod.spec?.containers ?? []).some((c) => inSandbox(view(c.name)));

  const probeKill = (c: Container, v: ContainerView, restart: boolean) => {
    if (!v.latest || v.latest.state !== "running" || v.latest.stopping) return;
    if (v.livenessFailed) actions.kill.push({ name: c.name, reason: "liveness", message: MSG.probeKill(c.name, "liveness", restart) });
    else if (v.startupFailed) actions.kill.push({ name: c.name, reason: "startup", message: MSG.probeKill(c.name, "startup", restart) });
    else if (v.latest.image !== (c.image ?? "")) actions.kill.push({ name: c.name, reason: "spec", message: MSG.definitionChanged(c.name) });
  };

  let blocked = false;
  for (const c of pod.spec?.initContainers ?? []) {
    const v = view(c.name);
    const cur = inSandbox(v) ? v.latest : undefined;
    if (isSidecar(c)) {
      if (!cur || cur.state === "exited") {
        if (!v.starting) actions.start.push({ container: c, role: "sidecar" });
        if (!initialized) { blocked = true; break; }
        continue;
      }
      probeKill(c, v, true);
      if (!v.started && !initialized) { blocked = true; break; }
      continue;
    }
    if (initialized) continue;
    if (!cur) {
      if (!v.starting) actions.start.push({ container: c, role: "init" });
      blocked = true;
      break;
    }
    if (cur.state === "running") { blocked = true; break; }
    if (cur.exitCode === 0) continue;
    if (policy === "Never") {
      actions.initFailed = true;
      return actions;
    }
    if (!v.starting) actions.start.push({ container: c, role: "init" });
    blocked = true;
    break;
  }
  if (blocked) return actions;

  let active = 0;
  for (const c of pod.spec?.containers ?? []) {
    const v = view(c.name);
    const cur = inSandbox(v) ? v.latest : undefined;
    if (cur?.state === "running") {
      active++;
      probeKill(c, v, policy !== "Never");
      continue;
    }
    if (v.starting) { active++; continue; }
    // A container that exited in an earlier sandbox (a rebooted node) counts as exited here.
    const last = cur ?? v.latest;
    if (!last || shouldRestart(pod, last)) {
      actions.start.push({ container: c, role: "app" });
      active++;
    }
  }
  actions.completed = active === 0 && (pod.spec?.containers ?? []).length > 0;
  return actions;
}
