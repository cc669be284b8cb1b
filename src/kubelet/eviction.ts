/**
 * The eviction manager (pkg/kubelet/eviction), for the memory.available signal: every 10 s it
 * compares the node's available memory (allocatable minus what its pods hold) with the hard
 * threshold (memory.available < 100Mi). While the threshold is met the node reports
 * MemoryPressure (held 5 min after it clears: evictionPressureTransitionPeriod) and one pod is
 * evicted per cycle, ranked as rankMemoryPressure does: pods using more than they request first,
 * then lower priority, then the larger usage above request. Critical pods are never evicted.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { formatQuantity, isQuantityError, newQuantity, parseQuantity } from "../api/quantity";
import { podRequests } from "../scheduler/resources";

/** evictionMonitoringPeriod / housekeeping interval. */
export const EVICTION_MONITOR_MS = 10_000;
/** DefaultEvictionHard memory.available. */
export const MEMORY_AVAILABLE_THRESHOLD = 100 * 1024 * 1024;
export const MEMORY_THRESHOLD_TEXT = "100Mi";
/** evictionPressureTransitionPeriod. */
export const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** scheduling.SystemCriticalPriority. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

export interface PodUsage {
  pod: Pod;
  /** Working set of the pod's containers, bytes. */
  memory: number;
  containers: Array<{ name: string; memory: number }>;
}

const request = (p: Pod): number => podRequests(p).memory;
const priority = (p: Pod): number => p.spec?.priority ?? 0;

/** rankMemoryPressure: the order pods are evicted in (first = first to go). */
export function rankMemoryPressure(pods: readonly PodUsage[]): PodUsage[] {
  const exceeds = (u: PodUsage) => u.memory > request(u.pod);
  return pods
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      const ea = exceeds(a.u), eb = exceeds(b.u);
      if (ea !== eb) return ea ? -1 : 1;
      const pa = priority(a.u.pod), pb = priority(b.u.pod);
      if (pa !== pb) return pa - pb;
      const da = a.u.memory - request(a.u.pod), db = b.u.memory - request(b.u.pod);
      if (da !== db) return db - da;
      return a.i - b.i;
    })
    .map((x) => x.u);
}

export function isCriticalPod(p: Pod): boolean {
  return priority(p) >= SYSTEM_CRITICAL_PRIORITY || p.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined;
}

function binary(bytes: number): string {
  return formatQuantity(newQuantity(Math.max(0, Math.round(bytes)), "BinarySI"));
}

function requestText(v: string | number | undefined): string {
  if (v === undefined) return "0";
  const q = parseQuantity(String(v));
  return isQuantityError(q) ? String(v) : formatQuantity(q);
}

/** evictionMessage (helpers.go): what the Evicted status, event and DisruptionTarget condition say. */
export function evictionMessage(u: PodUsage, available: number): string {
  let msg = `The node was low on resource: memory. Threshold quantity: ${MEMORY_THRESHOLD_TEXT}, available: ${binary(available)}. `;
  for (const c of u.pod.spec?.containers ?? []) {
    const used = u.containers.find((x) => x.name === c.name)?.memory ?? 0;
    const req = c.resources?.requests?.memory;
    const reqBytes = req === undefined ? 0 : podRequests({ spec: { containers: [{ name: c.name, resources: { requests: { memory: req } } }] } }).memory;
    if (used > reqBytes) msg += `Container ${c.name} was using ${binary(used)}, request is ${requestText(req)}, has larger consumption of memory. `;
  }
  return msg;
}

/** The node-level state the eviction manager keeps between cycles. */
export class MemoryPressureState {
  private lastMet: number | undefined;

  /** Records an observation; returns whether the threshold is met now and whether the node is under pressure. */
  observe(available: number, now: number): { met: boolean; pressure: boolean } {
    const met = available < MEMORY_AVAILABLE_THRESHOLD;
    if (met) this.lastMet = now;
    const pressure = this.lastMet !== undefined && now - this.lastMet < PRESSURE_TRANSITION_MS;
    return { met, pressure: met || pressure };
  }

  reset(): void {
    this.lastMet = undefined;
  }
}
