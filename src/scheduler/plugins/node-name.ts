/**
 * NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names a node in spec.nodeName
 * fits only that node. (A pod created with spec.nodeName is bound already and never reaches the
 * scheduler; the filter matters for pods whose nodeName is set while they wait.)
 */
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type QueueingHint, type Status } from "../types";

export const NODE_NAME = "NodeName";

/** ErrReason. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

const REJECT = status("UnschedulableAndUnresolvable", ERR_REASON_NODE_NAME);

export class NodeName implements FilterPlugin, EnqueuePlugin {
  readonly name = NODE_NAME;

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const want = pod.pod.spec?.nodeName;
    return !want || want === node.name ? null : REJECT;
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    if (event.kind !== "NodeAdd" && event.kind !== "NodeUpdate") return undefined;
    const want = pod.pod.spec?.nodeName;
    return !want || want === event.node.name ? "Queue" : "QueueSkip";
  }
}
