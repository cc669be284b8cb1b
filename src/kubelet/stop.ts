/**
 * Stopping a container (kuberuntime killContainer): the Killing event, the preStop hook (which
 * spends part of the grace period), SIGTERM, and SIGKILL when the remaining grace period
 * (at least 2 s: minimumGracePeriodInSeconds) runs out. Sidecars wait their turn during pod
 * termination: they get SIGTERM only after the app containers (and later sidecars) are gone.
 */
import type { Container, LifecycleHandler } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import type { KObject } from "../api/types";
import type { Timer } from "../clock/clock";
import type { ContainerInstance } from "./runtime";
import { EV, MSG } from "./reasons";

/** minimumGracePeriodInSeconds. */
export const MIN_GRACE_SECONDS = 2;

export interface StopEnv {
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  recorder: Recorder;
  pod: KObject;
  /** The pod as reached on its IP (httpGet hooks). */
  http(port: number, path: string): void;
}

/**
 * Runs a lifecycle hook; returns how long it ran (ms) and whether it failed. A hook still running
 * when the budget ends is abandoned, not failed (the kubelet only logs it).
 */
export function runHook(h: LifecycleHandler, c: Container, inst: ContainerInstance, budgetMs: number, env: StopEnv): { ms: number; failed: boolean } {
  if (h.exec) {
    const r = inst.process.exec(h.exec.command ?? [], budgetMs);
    return { ms: Math.min(budgetMs, r.elapsedMs), failed: !r.timedOut && r.code !== 0 };
  }
  if (h.sleep) return { ms: Math.min(budgetMs, h.sleep.seconds * 1000), failed: false };
  if (h.httpGet) {
    const port = typeof h.httpGet.port === "number" ? h.httpGet.port : Number((c.ports ?? []).find((p) => p.name === h.httpGet!.port)?.containerPort ?? h.httpGet.port);
    env.http(port, h.httpGet.path ?? "/");
    return { ms: 0, failed: false };
  }
  return { ms: 0, failed: false };
}

/**
 * Stops one running instance with `graceSeconds`. `turn`, when given, says whether the
 * container may receive SIGTERM yet; `poke()` on the returned handle re-checks it.
 */
export function stopContainer(
  inst: ContainerInstance, c: Container, graceSeconds: number, message: string, env: StopEnv, turn?: () => boolean,
): { poke(): void } {
  const timers: Timer[] = [];
  inst.stopping = { timers };
  env.recorder.event(env.pod, "Normal", EV.Killing, message);
  const start = env.now();
  let grace = graceSeconds;
  let termSent = false;
  const sendTerm = () => {
    if (termSent || inst.state !== "running") return;
    termSent = true;
    // Seconds spent before SIGTERM (hook, waiting for the turn) are taken off the grace period, truncated as Go does.
    const spent = Math.trunc((env.now() - start) / 1000);
    const remaining = Math.max(grace - spent, MIN_GRACE_SECONDS);
    inst.process.signal("TERM");
    if (inst.state === "running") timers.push(env.after(remaining * 1000, `kill ${inst.name}`, () => inst.process.signal("KILL")));
  };
  const afterHook = () => {
    if (!turn || turn()) sendTerm();
    else {
      // A sidecar never waits past its grace period.
      const left = Math.max(0, grace * 1000 - (env.now() - start));
      timers.push(env.after(left, `turn ${inst.name}`, sendTerm));
    }
  };
  const preStop = c.lifecycle?.preStop;
  if (preStop && graceSeconds > 0) {
    const r = runHook(preStop, c, inst, graceSeconds * 1000, env);
    const hookDone = () => {
      if (r.failed) env.recorder.event(env.pod, "Warning", EV.FailedPreStopHook, MSG.preStopFailed);
      afterHook();
    };
    if (r.ms > 0) timers.push(env.after(r.ms, `preStop ${inst.name}`, hookDone));
    else hookDone();
  } else {
    grace = Math.max(grace, 0);
    afterHook();
  }
  return { poke: () => { if (!termSent && turn?.()) sendTerm(); } };
}
