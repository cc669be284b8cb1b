/**
 * DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption): the PostFilter that
 * evicts lower-priority pods to make room (see preemption.ts). Its message is prefixed with
 * "preemption: ", e.g. "preemption: 0/3 nodes are available: 3 Preemption is not helpful for
 * scheduling."
 */
import type { PodInfo } from "../pod-info";
import { Evaluator, type Candidate, type PreemptionClock, type PreemptionHost } from "../preemption";
import { status, type CycleState, type NodeToStatus, type PostFilterPlugin, type PostFilterResult, type Status } from "../types";

export const DEFAULT_PREEMPTION = "DefaultPreemption";

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = DEFAULT_PREEMPTION;
  readonly evaluator: Evaluator;
  /** When set, PostFilter decides but evicts nobody (explain's dry runs). */
  dryRun = false;
  /** The candidate chosen by the last PostFilter, for the explain record. */
  lastCandidate: Candidate | undefined;

  constructor(host: PreemptionHost, clock: PreemptionClock) {
    this.evaluator = new Evaluator(host, clock);
  }

  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): { status: Status | null; result?: PostFilterResult } {
    const out = this.evaluator.preempt(state, pod, statuses, this.dryRun);
    this.lastCandidate = out.candidate;
    const result = out.nominatedNodeName === undefined ? undefined : { nominatedNodeName: out.nominatedNodeName };
    if (!out.status) return { status: null, result };
    const msg = out.status.reasons.join(", ");
    return { status: msg ? status(out.status.code, `preemption: ${msg}`) : out.status, result };
  }
}
