/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity), filtering.
 *
 * For each topology pair (key, value), PreFilter counts:
 * - existing pods whose required anti-affinity terms match the incoming pod (symmetry: an existing
 *   pod's anti-affinity keeps the incoming pod out of its domain);
 * - existing pods matching ALL the incoming pod's required affinity terms;
 * - existing pods matching each of its required anti-affinity terms.
 * Filter then checks the node's own pairs. A pod whose affinity terms match nothing in the cluster
 * but match the pod itself may go anywhere with the topology labels (the first pod of a group).
 * Scoring lives in inter-pod-affinity-score.ts. Weight 2.
 */
import { NOTHING } from "../../api/selector";
import type { Snapshot } from "../cache";
import type { NodeInfo } from "../node-info";
import { termMatches, type AffinityTerm, type PodInfo } from "../pod-info";
import {
  NodeChange, SKIP, status, type ClusterEvent, type CycleState, type EnqueuePlugin, type FilterPlugin, type PreFilterOutcome,
  type PreFilterPlugin, type PreScorePlugin, type QueueingHint, type ScorePlugin, type StateData, type Status,
} from "../types";
import { normalizeAffinityScores, preScoreAffinity, scoreAffinity, type AffinityPreScoreState } from "./inter-pod-affinity-score";

export const INTER_POD_AFFINITY = "InterPodAffinity";

/** ErrReasonExistingAntiAffinityRulesNotMatch. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch. */
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch. */
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

const REJECT_AFFINITY = status("UnschedulableAndUnresolvable", ERR_REASON_AFFINITY);
const REJECT_ANTI = status("Unschedulable", ERR_REASON_ANTI_AFFINITY);
const REJECT_EXISTING = status("Unschedulable", ERR_REASON_EXISTING_ANTI_AFFINITY);
const PRE_FILTER_KEY = `PreFilter${INTER_POD_AFFINITY}`;
export const PRE_SCORE_KEY = `PreScore${INTER_POD_AFFINITY}`;

export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

type Counts = Map<string, number>;

function bump(m: Counts, key: string, delta: number): void {
  const n = (m.get(key) ?? 0) + delta;
  if (n === 0) m.delete(key);
  else m.set(key, n);
}

/** mergeAffinityTermNamespacesIfNotEmpty: a non-empty namespaceSelector becomes namespace names. */
export function mergeNamespaces(t: AffinityTerm, snapshot: Snapshot): AffinityTerm {
  if (t.namespaceSelector.empty || t.namespaceSelector === NOTHING) return t;
  const namespaces = new Set(t.namespaces);
  for (const ns of snapshot.namespacesMatching(t.namespaceSelector)) namespaces.add(ns);
  return { ...t, namespaces, namespaceSelector: NOTHING };
}

/** podMatchesAllAffinityTerms (the incoming pod's terms have their namespaces merged). */
export function matchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, undefined)) return false;
  return true;
}

class PreFilterState implements StateData {
  constructor(
    readonly pod: PodInfo,
    readonly affinityTerms: readonly AffinityTerm[],
    readonly antiAffinityTerms: readonly AffinityTerm[],
    readonly nsLabels: Readonly<Record<string, string>> | undefined,
    readonly existingAntiAffinityCounts: Counts,
    readonly affinityCounts: Counts,
    readonly antiAffinityCounts: Counts,
  ) {}

  clone(): StateData {
    return new PreFilterState(this.pod, this.affinityTerms, this.antiAffinityTerms, this.nsLabels,
      new Map(this.existingAntiAffinityCounts), new Map(this.affinityCounts), new Map(this.antiAffinityCounts));
  }

  /** updateWithPod: account an existing pod added to or removed from `node`. */
  update(p: PodInfo, node: NodeInfo, delta: number): void {
    for (const t of p.requiredAntiAffinityTerms) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && termMatches(t, this.pod, this.nsLabels)) bump(this.existingAntiAffinityCounts, pairKey(t.topologyKey, v), delta);
    }
    if (matchesAllTerms(this.affinityTerms, p)) {
      for (const t of this.affinityTerms) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined) bump(this.affinityCounts, pairKey(t.topologyKey, v), delta);
      }
    }
    for (const t of this.antiAffinityTerms) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && termMatches(t, p, undefined)) bump(this.antiAffinityCounts, pairKey(t.topologyKey, v), delta);
    }
  }
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = INTER_POD_AFFINITY;
  /** InterPodAffinityArgs.HardPodAffinityWeight default. */
  readonly hardPodAffinityWeight = 1;

  constructor(private readonly snapshot: Snapshot) {}

  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome {
    const withAnti = this.snapshot.havePodsWithRequiredAntiAffinityList();
    const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(t, this.snapshot));
    const antiTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, this.snapshot));
    if (withAnti.length === 0 && affinityTerms.length === 0 && antiTerms.length === 0) return SKIP;
    const nsLabels = this.snapshot.namespaceLabels(pod.namespace);
    const s = new PreFilterState(pod, affinityTerms, antiTerms, nsLabels, new Map(), new Map(), new Map());
    for (const node of withAnti) {
      for (const existing of node.podsWithRequiredAntiAffinity) {
        for (const t of existing.requiredAntiAffinityTerms) {
          const v = node.labels[t.topologyKey];
          if (v !== undefined && termMatches(t, pod, nsLabels)) bump(s.existingAntiAffinityCounts, pairKey(t.topologyKey, v), 1);
        }
      }
    }
    if (affinityTerms.length > 0 || antiTerms.length > 0) {
      for (const node of nodes) {
        for (const existing of node.pods) {
          if (affinityTerms.length > 0 && matchesAllTerms(affinityTerms, existing)) {
            for (const t of affinityTerms) {
              const v = node.labels[t.topologyKey];
              if (v !== undefined) bump(s.affinityCounts, pairKey(t.topologyKey, v), 1);
            }
          }
          for (const t of antiTerms) {
            const v = node.labels[t.topologyKey];
            if (v !== undefined && termMatches(t, existing, undefined)) bump(s.antiAffinityCounts, pairKey(t.topologyKey, v), 1);
          }
        }
      }
    }
    if (s.existingAntiAffinityCounts.size === 0 && affinityTerms.length === 0 && antiTerms.length === 0) return SKIP;
    state.write(PRE_FILTER_KEY, s);
    return null;
  }

  addPod(state: CycleState, _pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): void {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(podToAdd, node, 1);
  }

  removePod(state: CycleState, _pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): void {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(podToRemove, node, -1);
  }

  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return null;
    if (!satisfyPodAffinity(s, node)) return REJECT_AFFINITY;
    if (s.antiAffinityCounts.size > 0) {
      for (const t of s.antiAffinityTerms) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return REJECT_ANTI;
      }
    }
    if (s.existingAntiAffinityCounts.size > 0) {
      for (const k in node.labels) {
        if ((s.existingAntiAffinityCounts.get(pairKey(k, node.labels[k]!)) ?? 0) > 0) return REJECT_EXISTING;
      }
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const s = preScoreAffinity(pod, nodes, this.snapshot, this.hardPodAffinityWeight);
    if (!s) return SKIP;
    state.write(PRE_SCORE_KEY, s);
    return null;
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return scoreAffinity(state.read<AffinityPreScoreState>(PRE_SCORE_KEY)!, node);
  }

  normalize(state: CycleState, _pod: PodInfo, scores: number[]): void {
    const s = state.read<AffinityPreScoreState>(PRE_SCORE_KEY);
    if (s) normalizeAffinityScores(s, scores);
  }

  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined {
    const nsLabels = () => this.snapshot.namespaceLabels(pod.namespace);
    switch (event.kind) {
      case "AssignedPodAdd":
        return pod.requiredAffinityTerms.some((t) => termMatches(mergeNamespaces(t, this.snapshot), event.pod, undefined)) ? "Queue" : "QueueSkip";
      case "AssignedPodUpdate": {
        if (!event.labelsChanged) return undefined;
        const terms = [...pod.requiredAffinityTerms, ...pod.requiredAntiAffinityTerms].map((t) => mergeNamespaces(t, this.snapshot));
        return terms.some((t) => termMatches(t, event.pod, undefined) || termMatches(t, event.old, undefined)) ? "Queue" : "QueueSkip";
      }
      case "AssignedPodDelete": {
        const anti = pod.requiredAntiAffinityTerms.some((t) => termMatches(mergeNamespaces(t, this.snapshot), event.pod, undefined));
        const symmetric = event.pod.requiredAntiAffinityTerms.some((t) => termMatches(t, pod, nsLabels()));
        return anti || symmetric ? "Queue" : "QueueSkip";
      }
      case "NodeAdd":
        return "Queue";
      case "NodeUpdate":
        return event.changes & NodeChange.Label ? "Queue" : undefined;
      default:
        return undefined;
    }
  }
}

/** satisfyPodAffinity. */
function satisfyPodAffinity(s: PreFilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.affinityTerms) {
    const v = node.labels[t.topologyKey];
    // Every topology label must exist on the node.
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a series with affinity to itself: nothing matches yet, but the pod does.
  return s.affinityCounts.size === 0 && matchesAllTerms(s.affinityTerms, s.pod);
}
