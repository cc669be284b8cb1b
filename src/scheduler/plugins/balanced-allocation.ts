/**
 * NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go),
 * v1.36 scoring (kubernetes PR #135573): favours the node whose cpu/memory balance the pod improves.
 *
 *   fraction_r = min(requested_r / allocatable_r, 1)      (actual requests, no scoring defaults)
 *   std        = |f_cpu − f_mem| / 2                       (population std-dev for more resources)
 *   S          = (1 − std) × 100
 *   score      = 50 + (50 + S_with_pod − S_without_pod) / 2
 *
 * No change in balance scores 75; the range is 50..100. A best-effort pod (no requests) skips the
 * plugin (PreScore returns Skip, issue #129138). Weight 1.
 */
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { MAX_NODE_SCORE, SKIP, type CycleState, type PreScorePlugin, type ScorePlugin, type Status } from "../types";

export const BALANCED_ALLOCATION = "NodeResourcesBalancedAllocation";

/** (1 − std) × 100 for the given fractions (resources with allocatable 0 are left out). */
function balance(reqCpu: number, allocCpu: number, reqMem: number, allocMem: number): number {
  let n = 0;
  let a = 0;
  let b = 0;
  if (allocCpu !== 0) { a = Math.min(reqCpu / allocCpu, 1); n++; }
  if (allocMem !== 0) {
    const f = Math.min(reqMem / allocMem, 1);
    if (n === 0) a = f; else b = f;
    n++;
  }
  const std = n === 2 ? Math.abs((a - b) / 2) : 0;
  return (1 - std) * MAX_NODE_SCORE;
}

/** The v1.36 score of placing a pod requesting (cpu, memory) on `node`. */
export function balancedAllocationScore(podCpu: number, podMemory: number, node: NodeInfo): number {
  const alloc = node.allocatable;
  const used = node.requested;
  const withPod = balance(used.cpu + podCpu, alloc.cpu, used.memory + podMemory, alloc.memory);
  const without = balance(used.cpu, alloc.cpu, used.memory, alloc.memory);
  return Math.trunc(MAX_NODE_SCORE / 2 + (MAX_NODE_SCORE / 2 + withPod - without) / 2);
}

export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = BALANCED_ALLOCATION;

  preScore(_state: CycleState, pod: PodInfo): Status | null {
    const r = pod.requests;
    return r.cpu === 0 && r.memory === 0 ? SKIP : null;
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return balancedAllocationScore(pod.requests.cpu, pod.requests.memory, node);
  }

  scoreAll(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void {
    const cpu = pod.requests.cpu, mem = pod.requests.memory;
    for (let i = 0; i < nodes.length; i++) out[i] = balancedAllocationScore(cpu, mem, nodes[i]!);
  }
}
