/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread).
 *
 * Filter (whenUnsatisfiable: DoNotSchedule): for each constraint, placing the pod in the node's
 * domain must keep `matching pods in the domain + self − global minimum ≤ maxSkew`. The global
 * minimum is 0 while fewer than minDomains domains exist. A node without the topology label is
 * out ("… (missing required label)"). Which nodes count as domains follows nodeAffinityPolicy
 * (default Honor: only nodes the pod's nodeSelector/affinity accepts) and nodeTaintsPolicy (default
 * Ignore). matchLabelKeys add `key In (pod's value)` to the selector.
 *
 * Score (ScheduleAnyway, and the system default constraints — hostname maxSkew 3, zone maxSkew 5 —
 * for pods with no constraints that a Service, ReplicaSet or StatefulSet selects): fewer matching
 * pods in the node's domains is better; see scoring in pod-topology-spread-score.ts. Weight 2.
 */
import type { TopologySpreadConstraint } from "kubernetes-types/core/v1";
import type { LabelSelectorRequirement } from "kubernetes-types/meta/v1";
import { compileSelector, isSelectorError, NOTHING, type Selector } from "../../api/selector";
import type { Snapshot } from "../cache";
import type { NodeInfo } from "../node-info";
import type { RequiredNodeAffinity } from "../nodeaffinity";
import type { PodInfo } from "../pod-info";
import { doNotScheduleTaint, findUntoleratedTaint } from "../taints";
import {
  NodeChange, SKIP, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreFilterOutcome,
  type PreFilterPlugin, type PreScorePlugin, type QueueingHint, type ScorePlugin, type StateData, type Status,
} from "../types";
import { normalizeSpreadScores, preScoreSpread, scoreSpread, type SpreadPreScoreState } from "./pod-topology-spread-score";

export const POD_TOPOLOGY_SPREAD = "PodTopologySpread";

/** ErrReasonConstraintsNotMatch. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ErrReasonNodeLabelNotMatch. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const REJECT_SKEW = status("Unschedulable", ERR_REASON_CONSTRAINTS_NOT_MATCH);
const REJECT_LABEL = status("UnschedulableAndUnresolvable", ERR_REASON_NODE_LABEL_NOT_MATCH);
const PRE_FILTER_KEY = `PreFilter${POD_TOPOLOGY_SPREAD}`;
export const PRE_SCORE_KEY = `PreScore${POD_TOPOLOGY_SPREAD}`;

/** The system default constraints (defaultingType: System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { maxSkew: 3, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" },
  { maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
];

export interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly honorAffinity: boolean;
  readonly honorTaints: boolean;
}

/** filterTopologySpreadConstraints: the constraints with the given action, selectors compiled. */
export function constraintsFor(list: readonly TopologySpreadConstraint[], pod: PodInfo, action: string, selector?: Selector): Constraint[] {
  const out: Constraint[] = [];
  for (const c of list) {
    if (c.whenUnsatisfiable !== action) continue;
    let sel: Selector = selector ?? NOTHING;
    if (!selector) {
      const extra: LabelSelectorRequirement[] = [];
      for (const k of c.matchLabelKeys ?? []) if (pod.labels[k] !== undefined) extra.push({ key: k, operator: "In", values: [pod.labels[k]!] });
      const ls = c.labelSelector && extra.length > 0
        ? { matchLabels: c.labelSelector.matchLabels, matchExpressions: [...(c.labelSelector.matchExpressions ?? []), ...extra] }
        : c.labelSelector ?? (extra.length > 0 ? { matchExpressions: extra } : undefined);
      const compiled = compileSelector(ls);
      sel = isSelectorError(compiled) ? NOTHING : compiled;
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: sel,
      minDomains: c.minDomains ?? 1,
      honorAffinity: (c.nodeAffinityPolicy ?? "Honor") === "Honor",
      honorTaints: (c.nodeTaintsPolicy ?? "Ignore") === "Honor",
    });
  }
  return out;
}

/** matchNodeInclusionPolicies. */
export function nodeIncluded(c: Constraint, pod: PodInfo, node: NodeInfo, affinity: RequiredNodeAffinity): boolean {
  if (c.honorAffinity && !affinity.matches(node.labels, node.name)) return false;
  if (c.honorTaints && findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotScheduleTaint)) return false;
  return true;
}

/** nodeLabelsMatchSpreadConstraints: the node has every constraint's topology key. */
export function hasAllKeys(labels: Readonly<Record<string, string>>, cs: readonly Constraint[]): boolean {
  for (const c of cs) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** countPodsMatchSelector: matching, non-terminating pods of the namespace. */
export function countMatching(pods: readonly PodInfo[], sel: Selector, ns: string): number {
  if (sel.empty) return 0;
  let n = 0;
  for (const p of pods) if (!p.terminating && p.namespace === ns && sel.matches(p.labels)) n++;
  return n;
}

class CriticalPaths {
  v0 = "";
  n0 = Number.MAX_SAFE_INTEGER;
  v1 = "";
  n1 = Number.MAX_SAFE_INTEGER;

  update(value: string, num: number): void {
    if (value === this.v0 || value === this.v1) {
      if (value === this.v0) this.n0 = num; else this.n1 = num;
      if (this.n0 > this.n1) [this.v0, this.n0, this.v1, this.n1] = [this.v1, this.n1, this.v0, this.n0];
    } else if (num < this.n0) {
      this.v1 = this.v0; this.n1 = this.n0;
      this.v0 = value; this.n0 = num;
    } else if (num < this.n1) {
      this.v1 = value; this.n1 = num;
    }
  }

  clone(): CriticalPaths {
    return Object.assign(new CriticalPaths(), this);
  }
}

/** topologyKey → topology value → matching pods (TpPairToMatchNum). */
type MatchNum = Map<string, Map<string, number>>;

class PreFilterState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    /** Whether the incoming pod matches each constraint's selector. */
    readonly selfMatch: readonly number[],
    readonly paths: Map<string, CriticalPaths>,
    readonly domains: ReadonlyMap<string, number>,
    readonly matchNum: MatchNum,
    readonly affinity: RequiredNodeAffinity,
  ) {}

  clone(): StateData {
    const paths = new Map<string, CriticalPaths>();
    for (const [k, p] of this.paths) paths.set(k, p.clone());
    const matchNum: MatchNum = new Map();
    for (const [k, v] of this.matchNum) matchNum.set(k, new Map(v));
    return new PreFilterState(this.constraints, this.selfMatch, paths, this.domains, matchNum, this.affinity);
  }

  /** The global minimum, 0 while there are fewer domains than minDomains. */
  minMatchNum(c: Constraint): number {
    const p = this.paths.get(c.topologyKey);
    if (!p) return 0;
    return (this.domains.get(c.topologyKey) ?? 0) < c.minDomains ? 0 : p.n0;
  }
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = POD_TOPOLOGY_SPREAD;
  /** Whether the default constraints are the system's (they are: defaultingType System). */
  readonly systemDefaulted = true;

  constructor(private readonly snapshot: Snapshot) {}

  /** The pod's constraints with `action`, or the default ones when it has none. */
  constraints(pod: PodInfo, action: "DoNotSchedule" | "ScheduleAnyway"): Constraint[] {
    const own = pod.pod.spec?.topologySpreadConstraints ?? [];
    if (own.length > 0) return constraintsFor(own, pod, action);
    const defaults = SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === action);
    if (defaults.length === 0) return [];
    const sel = this.snapshot.defaultSpreadSelector(pod);
    return sel && !sel.empty ? constraintsFor(defaults, pod, action, sel) : [];
  }

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    const constraints = this.constraints(pod, "DoNotSchedule");
    if (constraints.length === 0) return SKIP;
    const affinity = pod.requiredNodeAffinity;
    const keys = [...new Set(constraints.map((c) => c.topologyKey))];
    // Every node counts when the policies exclude none: the memoized counts answer directly.
    const everyNode = constraints.every((c) => (!c.honorAffinity || !affinity.constrained) && !c.honorTaints);
    const matchNum: MatchNum = new Map();
    const domains = new Map<string, number>();
    const paths = new Map<string, CriticalPaths>();
    for (const key of keys) {
      // As upstream, a node's count for a pair comes from the last constraint on that key including it.
      const group = constraints.filter((c) => c.topologyKey === key);
      const p = new CriticalPaths();
      if (everyNode) {
        const c = group[group.length - 1]!;
        const requireAll = keys.length > 1 ? keys : [];
        const values = this.snapshot.topologyCounts({
          signature: `spread|${pod.namespace}|${c.selector === NOTHING ? "<nothing>" : c.selector.toString()}|${key}|${requireAll.join(",")}`,
          weight: (x) => (!x.terminating && x.namespace === pod.namespace && !c.selector.empty && c.selector.matches(x.labels) ? 1 : 0),
          keys: [key],
          requireAll,
        }).get(key) ?? new Map<string, number>();
        const domainValues = this.snapshot.domainValues(key, requireAll);
        matchNum.set(key, values);
        domains.set(key, domainValues.size);
        for (const [value, n] of values) p.update(value, n);
        if (values.size < domainValues.size) {
          // Some domain has no matching pod: the minimum is 0 (at most two are tracked, as upstream).
          let zeros = 0;
          for (const v of domainValues) {
            if (values.has(v)) continue;
            p.update(v, 0);
            if (++zeros === 2) break;
          }
        }
      } else {
        const values = new Map<string, number>();
        for (const [value, nodes] of this.snapshot.domains(key)) {
          let included = false;
          let n = 0;
          for (const node of nodes) {
            if (keys.length > 1 && !hasAllKeys(node.labels, constraints)) continue;
            let count: number | undefined;
            for (const c of group) {
              if (!nodeIncluded(c, pod, node, affinity)) continue;
              count = node.pods.length === 0 ? 0 : countMatching(node.pods, c.selector, pod.namespace);
            }
            if (count === undefined) continue;
            included = true;
            n += count;
          }
          if (included) values.set(value, n);
        }
        matchNum.set(key, values);
        domains.set(key, values.size);
        for (const [value, n] of values) p.update(value, n);
      }
      paths.set(key, p);
    }
    const selfMatch = constraints.map((c) => (c.selector.matches(pod.labels) ? 1 : 0));
    state.write(PRE_FILTER_KEY, new PreFilterState(constraints, selfMatch, paths, domains, matchNum, affinity));
    return null;
  }

  private updateWithPod(state: CycleState, changed: PodInfo, pod: PodInfo, node: NodeInfo, delta: number): void {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s || changed.namespace !== pod.namespace || !hasAllKeys(node.labels, s.constraints)) return;
    for (const c of s.constraints) {
      if (!c.selector.matches(changed.labels) || !nodeIncluded(c, pod, node, s.affinity)) continue;
      const value = node.labels[c.topologyKey]!;
      let values = s.matchNum.get(c.topologyKey);
      if (!values) s.matchNum.set(c.topologyKey, (values = new Map()));
      const n = (values.get(value) ?? 0) + delta;
      values.set(value, n);
      s.paths.get(c.topologyKey)!.update(value, n);
    }
  }

  addPod(state: CycleState, pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): void {
    this.updateWithPod(state, podToAdd, pod, node, 1);
  }

  removePod(state: CycleState, pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): void {
    this.updateWithPod(state, podToRemove, pod, node, -1);
  }

  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s || s.constraints.length === 0) return null;
    const cs = s.constraints;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const value = node.labels[c.topologyKey];
      if (value === undefined) return REJECT_LABEL;
      const skew = (s.matchNum.get(c.topologyKey)?.get(value) ?? 0) + s.selfMatch[i]! - s.minMatchNum(c);
      if (skew > c.maxSkew) return REJECT_SKEW;
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    if (this.snapshot.numNodes() === 0) return SKIP;
    const own = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    const constraints = this.constraints(pod, "ScheduleAnyway");
    if (constraints.length === 0) return SKIP;
    state.write(PRE_SCORE_KEY, preScoreSpread(pod, constraints, nodes, this.snapshot.list(), own || !this.systemDefaulted));
    return null;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return scoreSpread(state.read<SpreadPreScoreState>(PRE_SCORE_KEY)!, pod, node);
  }

  normalize(state: CycleState, _pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void {
    const s = state.read<SpreadPreScoreState>(PRE_SCORE_KEY);
    if (s) normalizeSpreadScores(s, scores, nodes);
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    const all = [...this.constraints(pod, "DoNotSchedule"), ...this.constraints(pod, "ScheduleAnyway")];
    switch (event.kind) {
      case "AssignedPodAdd": case "AssignedPodDelete":
        return event.pod.namespace === pod.namespace && all.some((c) => c.selector.matches(event.pod.labels)) ? "Queue" : "QueueSkip";
      case "AssignedPodUpdate":
        if (!event.labelsChanged) return undefined;
        return event.pod.namespace === pod.namespace
          && all.some((c) => c.selector.matches(event.pod.labels) || c.selector.matches(event.old.labels)) ? "Queue" : "QueueSkip";
      case "NodeAdd": case "NodeDelete":
        return hasAllKeys(event.node.labels, all) ? "Queue" : "QueueSkip";
      case "NodeUpdate":
        if (!(event.changes & (NodeChange.Label | NodeChange.Taint))) return undefined;
        return hasAllKeys(event.node.labels, all) || hasAllKeys(event.old.labels, all) ? "Queue" : "QueueSkip";
      default:
        return undefined;
    }
  }
}
