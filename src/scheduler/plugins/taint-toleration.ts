/**
 * TaintToleration (pkg/scheduler/framework/plugins/tainttoleration).
 * Filter: a node with a NoSchedule or NoExecute taint the pod does not tolerate is out.
 * Score: the number of PreferNoSchedule taints the pod does not tolerate, reversed by
 * DefaultNormalizeScore so that the node with the fewest gets 100. Weight 3.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { doNotScheduleTaint, findUntoleratedTaint, tolerationsTolerateTaint } from "../taints";
import {
  NodeChange, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreScorePlugin,
  type QueueingHint, type ScorePlugin, type StateData, type Status,
} from "../types";
import { defaultNormalizeScore } from "./helper";

export const TAINT_TOLERATION = "TaintToleration";

/** ErrReasonNotMatch since v1.35 (the taint is no longer named in the message). */
export const ERR_REASON_UNTOLERATED = "node(s) had untolerated taint(s)";

const REJECT = status("UnschedulableAndUnresolvable", ERR_REASON_UNTOLERATED);
const PRE_SCORE_KEY = `PreScore${TAINT_TOLERATION}`;

class PreScoreState implements StateData {
  constructor(readonly tolerationsPreferNoSchedule: readonly Toleration[]) {}
  clone(): StateData {
    return this;
  }
}

/** Tolerations with effect PreferNoSchedule or no effect (which covers every effect). */
function preferNoScheduleTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
}

export function countIntolerableTaintsPreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints) {
    if (t.effect !== "PreferNoSchedule") continue;
    if (!tolerationsTolerateTaint(tolerations, t)) n++;
  }
  return n;
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = TAINT_TOLERATION;

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (node.taints.length === 0) return null;
    return findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotScheduleTaint) ? REJECT : null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    if (nodes.length === 0) return null;
    state.write(PRE_SCORE_KEY, new PreScoreState(preferNoScheduleTolerations(pod.pod.spec?.tolerations)));
    return null;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    if (node.taints.length === 0) return 0;
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    const tolerations = s ? s.tolerationsPreferNoSchedule : preferNoScheduleTolerations(pod.pod.spec?.tolerations);
    return countIntolerableTaintsPreferNoSchedule(node.taints, tolerations);
  }

  scoreAll(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    const tolerations = s ? s.tolerationsPreferNoSchedule : preferNoScheduleTolerations(pod.pod.spec?.tolerations);
    for (let i = 0; i < nodes.length; i++) {
      const taints = nodes[i]!.taints;
      out[i] = taints.length === 0 ? 0 : countIntolerableTaintsPreferNoSchedule(taints, tolerations);
    }
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    defaultNormalizeScore(scores, true);
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    const tolerations = pod.pod.spec?.tolerations;
    const fits = (n: NodeInfo) => !findUntoleratedTaint(n.taints, tolerations, doNotScheduleTaint);
    if (event.kind === "NodeAdd") return fits(event.node) ? "Queue" : "QueueSkip";
    if (event.kind === "NodeUpdate" && event.changes & NodeChange.Taint) {
      return fits(event.node) && !fits(event.old) ? "Queue" : "QueueSkip";
    }
    return undefined;
  }
}
