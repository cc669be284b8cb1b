/**
 * NodePorts (pkg/scheduler/framework/plugins/nodeports): a pod's host ports (containers and, since
 * v1.34, sidecars) must be free on the node. A port bound on 0.0.0.0 conflicts with the same
 * protocol and port on any IP.
 */
import type { NodeInfo } from "../node-info";
import type { HostPort, PodInfo } from "../pod-info";
import {
  SKIP, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreFilterOutcome,
  type PreFilterPlugin, type QueueingHint, type Status,
} from "../types";

export const NODE_PORTS = "NodePorts";

/** ErrReason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

const REJECT = status("Unschedulable", ERR_REASON_NODE_PORTS);

export function fitsPorts(want: readonly HostPort[], node: NodeInfo): boolean {
  for (const p of want) if (node.usedPorts.conflicts(p)) return false;
  return true;
}

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueuePlugin {
  readonly name = NODE_PORTS;

  preFilter(_state: CycleState, pod: PodInfo): PreFilterOutcome {
    return pod.hostPorts.length === 0 ? SKIP : null;
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (node.usedPorts.size === 0) return null;
    return fitsPorts(pod.hostPorts, node) ? null : REJECT;
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    if (event.kind === "NodeAdd") return "Queue";
    if (event.kind === "AssignedPodDelete") {
      // Only the deletion of a pod holding one of the wanted ports can free it.
      const freed = event.pod.hostPorts.some((d) => pod.hostPorts.some((w) => w.port === d.port && w.protocol === d.protocol));
      return freed ? "Queue" : "QueueSkip";
    }
    return undefined;
  }
}
