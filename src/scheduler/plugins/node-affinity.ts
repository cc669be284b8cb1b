/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity).
 * PreFilter: a required term made only of `metadata.name In` fields narrows the nodes to filter.
 * Filter: spec.nodeSelector and the required node affinity must match the node.
 * Score: the sum of the weights of the preferred terms the node matches, scaled so the best node
 * gets 100 (DefaultNormalizeScore). Weight 2.
 */
import type { NodeInfo } from "../node-info";
import { compilePreferredTerms, type RequiredNodeAffinity } from "../nodeaffinity";
import type { PodInfo } from "../pod-info";
import {
  NodeChange, SKIP, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreFilterOutcome,
  type PreFilterPlugin, type PreScorePlugin, type QueueingHint, type ScorePlugin, type StateData, type Status,
} from "../types";
import { defaultNormalizeScore } from "./helper";

export const NODE_AFFINITY = "NodeAffinity";

/** ErrReasonPod. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict: every required term pins a different set of node names. */
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

const REJECT = status("UnschedulableAndUnresolvable", ERR_REASON_POD);
const PRE_FILTER_KEY = `PreFilter${NODE_AFFINITY}`;
const PRE_SCORE_KEY = `PreScore${NODE_AFFINITY}`;

class PreFilterState implements StateData {
  constructor(readonly required: RequiredNodeAffinity) {}
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  constructor(readonly score: (node: NodeInfo["node"]) => number) {}
  clone(): StateData {
    return this;
  }
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = NODE_AFFINITY;

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    const spec = pod.pod.spec;
    const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && !spec?.nodeSelector) return SKIP;
    state.write(PRE_FILTER_KEY, new PreFilterState(pod.requiredNodeAffinity));
    const terms = required?.nodeSelectorTerms ?? [];
    if (terms.length === 0) return null;
    // Node names every term pins with `metadata.name In`, intersected within a term, ORed across.
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== "metadata.name" || r.operator !== "In") continue;
        const s = new Set(r.values ?? []);
        termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
      }
      // A term without a name pin admits every node.
      if (!termNames) return null;
      names = names ? new Set([...names, ...termNames]) : termNames;
    }
    if (names && names.size === 0) return status("UnschedulableAndUnresolvable", ERR_REASON_CONFLICT);
    return names ? { nodeNames: names } : null;
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    // PreFilter's state holds the same compiled selector the PodInfo keeps.
    return pod.requiredNodeAffinity.matches(node.labels, node.name) ? null : REJECT;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (!preferred) return SKIP;
    state.write(PRE_SCORE_KEY, new PreScoreState(compilePreferredTerms(preferred)));
    return null;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    const score = s ? s.score : compilePreferredTerms(pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []);
    return score(node.node);
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    defaultNormalizeScore(scores, false);
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    if (event.kind !== "NodeAdd" && !(event.kind === "NodeUpdate" && event.changes & NodeChange.Label)) return undefined;
    const required = pod.requiredNodeAffinity;
    if (!required.match(event.node.node)) return "QueueSkip";
    if (event.kind === "NodeAdd") return "Queue";
    return required.match(event.old.node) ? "QueueSkip" : "Queue";
  }
}
