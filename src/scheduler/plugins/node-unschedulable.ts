/**
 * NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned node
 * (spec.unschedulable) takes only pods that tolerate the node.kubernetes.io/unschedulable:NoSchedule
 * taint.
 */
import type { Taint } from "kubernetes-types/core/v1";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { tolerationsTolerateTaint } from "../taints";
import { NodeChange, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type QueueingHint, type Status } from "../types";

export const NODE_UNSCHEDULABLE = "NodeUnschedulable";

/** ErrReasonUnschedulable. */
export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

/** v1.TaintNodeUnschedulable with effect NoSchedule. */
export const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

const REJECT = status("UnschedulableAndUnresolvable", ERR_REASON_UNSCHEDULABLE);

export class NodeUnschedulable implements FilterPlugin, EnqueuePlugin {
  readonly name = NODE_UNSCHEDULABLE;

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (!node.unschedulable) return null;
    return tolerationsTolerateTaint(pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT) ? null : REJECT;
  }

  queueingHint(event: ClusterEvent, _pod: PodInfo): QueueingHint | undefined {
    if (event.kind === "NodeAdd") return event.node.unschedulable ? "QueueSkip" : "Queue";
    if (event.kind === "NodeUpdate" && event.changes & NodeChange.Taint) {
      return event.old.unschedulable && !event.node.unschedulable ? "Queue" : "QueueSkip";
    }
    return undefined;
  }
}
