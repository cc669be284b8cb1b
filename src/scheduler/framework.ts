/**
 * One scheduling cycle for one pod (pkg/scheduler/schedule_one.go and framework/runtime):
 * PreFilter → Filter (until enough feasible nodes are found) → PostFilter when none fits →
 * PreScore → Score → NormalizeScore → weighted sum → the best node, ties broken at random.
 *
 * Filtering starts where the previous cycle stopped and stops after numFeasibleNodesToFind
 * feasible nodes (all nodes below 100; adaptive percentageOfNodesToScore above). With one
 * feasible node scoring is skipped. A node's verdict is its first failing filter, as upstream.
 */
import type { Snapshot } from "./cache";
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, NodeStatuses } from "./diagnosis";
import { AttemptCapture } from "./explain";
import type { NodeInfo } from "./node-info";
import type { PodInfo } from "./pod-info";
import {
  CycleState, isNodeNames, isRejected, status, statusMessage, type EnqueuePlugin, type FilterPlugin, type PostFilterPlugin,
  type PreFilterPlugin, type Status, type WeightedScorePlugin,
} from "./types";

/** minFeasibleNodesToFind / minFeasibleNodesPercentageToFind. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

export interface Profile {
  readonly preFilter: readonly PreFilterPlugin[];
  readonly filter: readonly FilterPlugin[];
  readonly postFilter: readonly PostFilterPlugin[];
  readonly score: readonly WeightedScorePlugin[];
  readonly enqueue: readonly EnqueuePlugin[];
}

/** The pods waiting with a nomination (preemption) that filtering must treat as present. */
export interface Nominator {
  nominatedPods(node: string): readonly PodInfo[];
  size(): number;
}

export interface CycleResult {
  readonly pod: PodInfo;
  readonly state: CycleState;
  readonly selected?: string;
  /** The FailedScheduling message when nothing fits. */
  readonly message?: string;
  /** True when the failure was not a fit error (no nodes at all). */
  readonly error?: boolean;
  /** Plugins that rejected the pod somewhere: only their events can requeue it. */
  readonly unschedulablePlugins: ReadonlySet<string>;
  /** From PostFilter: a node to nominate, "" to clear the nomination, undefined to leave it. */
  readonly nominatedNodeName?: string;
  readonly capture?: AttemptCapture;
}

/** numFeasibleNodesToFind. */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct === 0) pct = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface FrameworkOptions {
  /** KubeSchedulerConfiguration percentageOfNodesToScore; 0 = adaptive (the default). */
  percentageOfNodesToScore?: number;
  /** Keep per-node verdicts and per-plugin scores of each attempt. */
  record: boolean;
}

export class Framework {
  private nextStartNodeIndex = 0;

  constructor(
    readonly profile: Profile,
    private readonly snapshot: Snapshot,
    private readonly nominator: Nominator,
    private readonly intn: (n: number) => number,
    readonly options: FrameworkOptions,
  ) {}

  /** RunFilterPlugins: the first failing filter's status (null when the node fits). */
  runFilters(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    return this.filterNode(state, pod, node);
  }

  private lastFailed = "";

  private runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const filters = (state.activeFilters ??= this.profile.filter.filter((pl) => !state.skipFilter.has(pl.name)));
    for (let i = 0; i < filters.length; i++) {
      const pl = filters[i]!;
      const s = pl.filter(state, pod, node);
      if (s !== null) {
        this.lastFailed = pl.name;
        return s;
      }
    }
    return null;
  }

  /**
   * RunFilterPluginsWithNominatedPods: with higher- or equal-priority nominated pods added first.
   * On failure `lastFailed` names the plugin.
   */
  private filterNode(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (this.nominator.size() > 0) {
      const nominated = this.nominatedFor(pod, node.name);
      if (nominated.length > 0) {
        const s2 = state.clone();
        const n2 = node.clone();
        for (const p of nominated) {
          n2.addPod(p);
          this.addPod(s2, pod, p, n2);
        }
        const s = this.runFilterPlugins(s2, pod, n2);
        if (s !== null) return s;
      }
    }
    return this.runFilterPlugins(state, pod, node);
  }

  private nominatedFor(pod: PodInfo, node: string): PodInfo[] {
    return this.nominator.nominatedPods(node).filter((p) => p.uid !== pod.uid && p.priority >= pod.priority);
  }

  addPod(state: CycleState, pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): void {
    for (const pl of this.profile.preFilter) if (pl.addPod && !state.skipFilter.has(pl.name)) pl.addPod(state, pod, podToAdd, node);
  }

  removePod(state: CycleState, pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): void {
    for (const pl of this.profile.preFilter) if (pl.removePod && !state.skipFilter.has(pl.name)) pl.removePod(state, pod, podToRemove, node);
  }

  schedule(pod: PodInfo): CycleResult {
    const state = new CycleState();
    const all = this.snapshot.list();
    const capture = this.options.record ? new AttemptCapture(pod.key, all.length) : undefined;
    if (all.length === 0) {
      capture?.finish(undefined, ERR_NO_NODES_AVAILABLE);
      return { pod, state, message: ERR_NO_NODES_AVAILABLE, error: true, unschedulablePlugins: new Set(), nominatedNodeName: "", capture };
    }
    const statuses = new NodeStatuses();
    const unschedulable = new Set<string>();

    // PreFilter.
    let restrict: Set<string> | undefined;
    const withNodes: string[] = [];
    let rejected: { status: Status; plugin: string } | undefined;
    for (const pl of this.profile.preFilter) {
      const out = pl.preFilter(state, pod, all);
      if (out === null) continue;
      if (isNodeNames(out)) {
        withNodes.push(pl.name);
        restrict = restrict ? new Set([...restrict].filter((n) => out.nodeNames.has(n))) : new Set(out.nodeNames);
        if (restrict.size === 0) {
          const msg = withNodes.length === 1 ? `node(s) didn't satisfy plugin ${withNodes[0]}` : `node(s) didn't satisfy plugin(s) [${withNodes.join(" ")}] simultaneously`;
          rejected = { status: status("UnschedulableAndUnresolvable", msg), plugin: "" };
          break;
        }
        continue;
      }
      if (out.code === "Skip") {
        state.skipFilter.add(pl.name);
        continue;
      }
      if (!isRejected(out)) throw new Error(`PreFilter plugin ${pl.name} returned ${out.code}: ${statusMessage(out)}`);
      unschedulable.add(pl.name);
      rejected = { status: out, plugin: pl.name };
      // Unschedulable lets the other PreFilters run (preemption may need them); Unresolvable stops.
      if (out.code === "UnschedulableAndUnresolvable") break;
    }
    if (rejected) {
      statuses.absent = rejected.status;
      statuses.absentPlugin = rejected.plugin;
      capture?.absent(all, statuses);
      return this.unschedulable(pod, state, statuses, unschedulable, all.length, statusMessage(rejected.status), capture);
    }

    // The nominated node (set by an earlier preemption) is tried first.
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      const ni = this.snapshot.get(nominated);
      if (ni) {
        const f = this.filterNode(state, pod, ni);
        if (f === null) {
          capture?.feasibleNodes([ni]);
          capture?.finish(ni.name, undefined);
          return { pod, state, selected: ni.name, unschedulablePlugins: unschedulable, capture };
        }
        statuses.set(ni.name, f, this.lastFailed);
      }
    }

    let nodes = all;
    if (restrict) {
      const r = restrict;
      nodes = all.filter((n) => r.has(n.name));
      statuses.absent = status("UnschedulableAndUnresolvable", `node(s) didn't satisfy plugin(s) [${[...unschedulable, ...withNodes].sort().join(" ")}]`);
      statuses.absentPlugin = withNodes.join(",");
    }
    const feasible = this.findNodesThatPassFilters(state, pod, nodes, statuses, all.length);
    for (const pl of statuses.rejectors()) unschedulable.add(pl);
    if (feasible.length === 0) {
      if (restrict) capture?.absent(all, statuses);
      capture?.failures(statuses);
      return this.unschedulable(pod, state, statuses, unschedulable, all.length, undefined, capture);
    }
    capture?.failures(statuses);
    if (restrict) capture?.absent(all, statuses);
    const selected = feasible.length === 1 ? feasible[0]!.name : this.prioritize(state, pod, feasible, capture);
    if (feasible.length === 1) capture?.feasibleNodes(feasible);
    capture?.finish(selected, undefined);
    return { pod, state, selected, unschedulablePlugins: unschedulable, capture };
  }

  private findNodesThatPassFilters(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], statuses: NodeStatuses, numAll: number): NodeInfo[] {
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.options.percentageOfNodesToScore);
    const feasible: NodeInfo[] = [];
    let processed = 0;
    const start = this.nextStartNodeIndex;
    const nominated = this.nominator.size() > 0;
    for (let i = 0; i < n && feasible.length < want; i++) {
      const node = nodes[(start + i) % n]!;
      processed++;
      const f = nominated ? this.filterNode(state, pod, node) : this.runFilterPlugins(state, pod, node);
      if (f === null) feasible.push(node);
      else statuses.set(node.name, f, this.lastFailed);
    }
    this.nextStartNodeIndex = (start + processed) % numAll;
    return feasible;
  }

  /** PreScore, Score, NormalizeScore, weights; selectHost picks at random among the best. */
  private prioritize(state: CycleState, pod: PodInfo, feasible: readonly NodeInfo[], capture: AttemptCapture | undefined): string {
    const n = feasible.length;
    const active: WeightedScorePlugin[] = [];
    for (const wp of this.profile.score) {
      const s = wp.plugin.preScore ? wp.plugin.preScore(state, pod, feasible) : null;
      if (s === null) active.push(wp);
      else if (s.code === "Skip") state.skipScore.add(wp.plugin.name);
      else throw new Error(`PreScore plugin ${wp.plugin.name} returned ${s.code}: ${statusMessage(s)}`);
    }
    const totals = new Array<number>(n).fill(0);
    for (const { plugin, weight } of active) {
      const scores = new Array<number>(n);
      if (plugin.scoreAll) plugin.scoreAll(state, pod, feasible, scores);
      else for (let i = 0; i < n; i++) scores[i] = plugin.score(state, pod, feasible[i]!);
      const raw = capture ? scores.slice() : undefined;
      plugin.normalize?.(state, pod, scores, feasible);
      for (let i = 0; i < n; i++) totals[i] = totals[i]! + scores[i]! * weight;
      capture?.scores(plugin.name, weight, raw!, scores);
    }
    // selectHost: uniformly at random among the best (one draw, only when there is a tie).
    let best = -1;
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = totals[i]!;
      if (t > best) {
        best = t;
        ties.length = 0;
        ties.push(i);
      } else if (t === best) ties.push(i);
    }
    const selected = ties.length === 1 ? ties[0]! : ties[this.intn(ties.length)]!;
    capture?.feasibleNodes(feasible, totals);
    return feasible[selected]!.name;
  }

  /** A FitError: run PostFilter (DynamicResources, then preemption) and word the message. */
  private unschedulable(
    pod: PodInfo, state: CycleState, statuses: NodeStatuses, plugins: Set<string>, numAll: number,
    preFilterMsg: string | undefined, capture: AttemptCapture | undefined,
  ): CycleResult {
    let nominatedNodeName: string | undefined;
    const reasons: string[] = [];
    let postStatus: Status | null = status("Unschedulable");
    for (const pl of this.profile.postFilter) {
      const { status: s, result } = pl.postFilter(state, pod, statuses);
      if (s === null) {
        postStatus = null;
        nominatedNodeName = result?.nominatedNodeName;
        break;
      }
      if (s.code === "UnschedulableAndUnresolvable") {
        postStatus = s;
        nominatedNodeName = result?.nominatedNodeName;
        reasons.length = 0;
        reasons.push(...s.reasons);
        break;
      }
      if (result?.nominatedNodeName !== undefined) nominatedNodeName = result.nominatedNodeName;
      reasons.push(...s.reasons);
    }
    const postFilterMsg = postStatus === null ? "" : reasons.join(", ");
    const message = fitErrorMessage({
      numAllNodes: numAll,
      explicit: statuses.entries().map((e) => e.status),
      absent: statuses.absent,
      preFilterMsg,
      postFilterMsg,
    });
    capture?.finish(undefined, message);
    return { pod, state, message, unschedulablePlugins: plugins, nominatedNodeName, capture };
  }
}
