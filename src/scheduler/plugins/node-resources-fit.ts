/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go).
 * Filter: the node must have room for one more pod and for the pod's requests (see resources.ts)
 * on top of what its pods already request. A request larger than the whole node is
 * UnschedulableAndUnresolvable: no preemption can help.
 * Score (LeastAllocated, cpu and memory weighted 1 each): per resource
 * (allocatable − requested) × 100 / allocatable with the scoring defaults for requests left
 * empty, averaged by weight, in integers. Weight 1.
 */
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import type { Allocatable, Resources } from "../resources";
import {
  MAX_NODE_SCORE, NodeChange, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreFilterOutcome,
  type PreFilterPlugin, type PreScorePlugin, type QueueingHint, type ScorePlugin, type Status,
} from "../types";
import { idiv } from "./helper";

export const NODE_RESOURCES_FIT = "NodeResourcesFit";

const TOO_MANY_PODS = "Too many pods";
const insufficient = (resource: string): string => `Insufficient ${resource}`;

export interface InsufficientResource {
  readonly resource: string;
  readonly reason: string;
  /** The request exceeds the node's whole allocatable: removing pods cannot make room. */
  readonly unresolvable: boolean;
}

/** fitsRequest: what the node lacks for `req` given the node's current pods. */
export function fitsRequest(req: Resources, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = node.allocatable;
  if (node.pods.length + 1 > alloc.pods) out.push({ resource: "pods", reason: TOO_MANY_PODS, unresolvable: false });
  if (req.cpu === 0 && req.memory === 0 && req.ephemeralStorage === 0 && (!req.scalar || req.scalar.size === 0)) return out;
  const used = node.requested;
  if (req.cpu > 0 && req.cpu > alloc.cpu - used.cpu) {
    out.push({ resource: "cpu", reason: insufficient("cpu"), unresolvable: req.cpu > alloc.cpu });
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    out.push({ resource: "memory", reason: insufficient("memory"), unresolvable: req.memory > alloc.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({ resource: "ephemeral-storage", reason: insufficient("ephemeral-storage"), unresolvable: req.ephemeralStorage > alloc.ephemeralStorage });
  }
  if (req.scalar) {
    // Go iterates a map in random order; names are sorted here so the reasons come out stable.
    for (const name of [...req.scalar.keys()].sort()) {
      const q = req.scalar.get(name)!;
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      if (q > a - (used.scalar?.get(name) ?? 0)) out.push({ resource: name, reason: insufficient(name), unresolvable: q > a });
    }
  }
  return out;
}

const FIT_STATUS_CACHE = new Map<string, Status>();

/** Statuses are shared per reason list: the common "Insufficient cpu" allocates once. */
function statusOf(list: readonly InsufficientResource[]): Status {
  const unresolvable = list.some((r) => r.unresolvable);
  const key = `${unresolvable ? "U" : "u"}:${list.map((r) => r.reason).join("\n")}`;
  let s = FIT_STATUS_CACHE.get(key);
  if (!s) {
    s = status(unresolvable ? "UnschedulableAndUnresolvable" : "Unschedulable", ...list.map((r) => r.reason));
    if (FIT_STATUS_CACHE.size < 1024) FIT_STATUS_CACHE.set(key, s);
  }
  return s;
}

/** leastRequestedScore. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return idiv((capacity - requested) * MAX_NODE_SCORE, capacity);
}

/** The LeastAllocated score of a node for cpu and memory, weight 1 each. */
export function leastAllocatedScore(podCpu: number, podMemory: number, node: NodeInfo): number {
  const alloc: Allocatable = node.allocatable;
  let score = 0;
  let weights = 0;
  if (alloc.cpu !== 0) {
    score += leastRequestedScore(node.nonZeroCpu + podCpu, alloc.cpu);
    weights++;
  }
  if (alloc.memory !== 0) {
    score += leastRequestedScore(node.nonZeroMemory + podMemory, alloc.memory);
    weights++;
  }
  return weights === 0 ? 0 : idiv(score, weights);
}

export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = NODE_RESOURCES_FIT;

  preFilter(): PreFilterOutcome {
    return null;
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const req = pod.requests;
    const alloc = node.allocatable;
    // Fast path for the common case: room for the pod count, cpu and memory, no other resources.
    if (node.pods.length + 1 <= alloc.pods && req.ephemeralStorage === 0 && !req.scalar
      && req.cpu <= alloc.cpu - node.requested.cpu && req.memory <= alloc.memory - node.requested.memory) return null;
    const lacking = fitsRequest(req, node);
    return lacking.length === 0 ? null : statusOf(lacking);
  }

  preScore(): Status | null {
    return null;
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return leastAllocatedScore(pod.nonZeroCpu, pod.nonZeroMemory, node);
  }

  scoreAll(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void {
    const cpu = pod.nonZeroCpu, mem = pod.nonZeroMemory;
    for (let i = 0; i < nodes.length; i++) out[i] = leastAllocatedScore(cpu, mem, nodes[i]!);
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    switch (event.kind) {
      case "AssignedPodDelete":
        return "Queue";
      case "NodeAdd":
        return fitsEmpty(pod, event.node) ? "Queue" : "QueueSkip";
      case "NodeUpdate":
        if (!(event.changes & NodeChange.Allocatable)) return undefined;
        return fitsEmpty(pod, event.node) && anyRequestedIncreased(pod, event.old.allocatable, event.node.allocatable) ? "Queue" : "QueueSkip";
      default:
        return undefined;
    }
  }
}

/** isFit: the pod fits the node's allocatable with no pods on it. */
function fitsEmpty(pod: PodInfo, node: NodeInfo): boolean {
  const empty = node.clone();
  empty.pods.length = 0;
  Object.assign(empty.requested, { cpu: 0, memory: 0, ephemeralStorage: 0, scalar: undefined });
  return fitsRequest(pod.requests, empty).length === 0;
}

/** haveAnyRequestedResourcesIncreased. */
function anyRequestedIncreased(pod: PodInfo, before: Allocatable, after: Allocatable): boolean {
  if (after.pods > before.pods) return true;
  const r = pod.requests;
  if (r.cpu > 0 && after.cpu > before.cpu) return true;
  if (r.memory > 0 && after.memory > before.memory) return true;
  if (r.ephemeralStorage > 0 && after.ephemeralStorage > before.ephemeralStorage) return true;
  for (const [k, v] of r.scalar ?? []) if (v > 0 && (after.scalar?.get(k) ?? 0) > (before.scalar?.get(k) ?? 0)) return true;
  return false;
}
