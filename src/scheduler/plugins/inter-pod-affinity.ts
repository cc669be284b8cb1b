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
import { termMatches, termSignature, type AffinityTerm, type PodInfo } from "../pod-info";
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

/** topologyKey → topology value → count (topologyToMatchedTermCount). */
type Counts = Map<string, Map<string, number>>;

function bump(m: Counts, key: string, value: string, delta: number): void {
  let values = m.get(key);
  if (!values) m.set(key, (values = new Map()));
  const n = (values.get(value) ?? 0) + delta;
  if (n !== 0) values.set(value, n);
  else {
    values.delete(value);
    if (values.size === 0) m.delete(key);
  }
}

const count = (m: Counts, key: string, value: string): number => m.get(key)?.get(value) ?? 0;

function cloneCounts(m: Counts): Counts {
  const c: Counts = new Map();
  for (const [k, v] of m) c.set(k, new Map(v));
  return c;
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
    public existingAntiAffinityCounts: Counts,
    /** May be the cache's memoized counts: only a clone is ever changed. */
    public affinityCounts: Counts,
    public antiAffinityCounts: Counts,
  ) {}

  clone(): StateData {
    return new PreFilterState(this.pod, this.affinityTerms, this.antiAffinityTerms, this.nsLabels,
      cloneCounts(this.existingAntiAffinityCounts), cloneCounts(this.affinityCounts), cloneCounts(this.antiAffinityCounts));
  }

  /** updateWithPod: account an existing pod added to or removed from `node`. */
  update(p: PodInfo, node: NodeInfo, delta: number): void {
    for (const t of p.requiredAntiAffinityTerms) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && termMatches(t, this.pod, this.nsLabels)) bump(this.existingAntiAffinityCounts, t.topologyKey, v, delta);
    }
    if (matchesAllTerms(this.affinityTerms, p)) {
      for (const t of this.affinityTerms) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined) bump(this.affinityCounts, t.topologyKey, v, delta);
      }
    }
    for (const t of this.antiAffinityTerms) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && termMatches(t, p, undefined)) bump(this.antiAffinityCounts, t.topologyKey, v, delta);
    }
  }
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueuePlugin {
  readonly name = INTER_POD_AFFINITY;
  /** InterPodAffinityArgs.HardPodAffinityWeight default. */
  readonly hardPodAffinityWeight = 1;

  constructor(private readonly snapshot: Snapshot) {}

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    const snap = this.snapshot;
    const existingTerms = snap.existingAntiAffinityTerms();
    const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(t, snap));
    const antiTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, snap));
    if (existingTerms.size === 0 && affinityTerms.length === 0 && antiTerms.length === 0) return SKIP;
    const nsLabels = snap.namespaceLabels(pod.namespace);
    const s = new PreFilterState(pod, affinityTerms, antiTerms, nsLabels, new Map(), new Map(), new Map());
    // Existing pods whose required anti-affinity term matches the incoming pod, per distinct term.
    for (const [sig, term] of existingTerms) {
      if (!termMatches(term, pod, nsLabels)) continue;
      merge(s.existingAntiAffinityCounts, snap.topologyCounts({
        signature: `existing-anti|${sig}`,
        weight: (p) => countOf(p.requiredAntiAffinitySignatures, sig),
        keys: [term.topologyKey],
        requireAll: [],
      }));
    }
    // Existing pods matching all the incoming pod's affinity terms, and each anti-affinity term.
    if (affinityTerms.length > 0) {
      s.affinityCounts = snap.topologyCounts({
        signature: `affinity|${affinityTerms.map(termSignature).join("&")}`,
        weight: (p) => (matchesAllTerms(affinityTerms, p) ? 1 : 0),
        keys: affinityTerms.map((t) => t.topologyKey),
        requireAll: [],
      });
    }
    for (const t of antiTerms) {
      merge(s.antiAffinityCounts, snap.topologyCounts({
        signature: `anti|${termSignature(t)}`,
        weight: (p) => (termMatches(t, p, undefined) ? 1 : 0),
        keys: [t.topologyKey],
        requireAll: [],
      }));
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
        if (v !== undefined && count(s.antiAffinityCounts, t.topologyKey, v) > 0) return REJECT_ANTI;
      }
    }
    if (s.existingAntiAffinityCounts.size > 0) {
      for (const [k, values] of s.existingAntiAffinityCounts) {
        const v = node.labels[k];
        if (v !== undefined && (values.get(v) ?? 0) > 0) return REJECT_EXISTING;
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
    if (count(s.affinityCounts, t.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a series with affinity to itself: nothing matches yet, but the pod does.
  return s.affinityCounts.size === 0 && matchesAllTerms(s.affinityTerms, s.pod);
}

const countOf = (list: readonly string[], x: string): number => {
  let n = 0;
  for (const y of list) if (y === x) n++;
  return n;
};

/** Adds `from` into `into`, sharing `from`'s inner maps when `into` has none for a key (copy on conflict). */
function merge(into: Counts, from: Counts): void {
  for (const [key, values] of from) {
    const mine = into.get(key);
    if (!mine) {
      into.set(key, values);
      continue;
    }
    const sum = new Map(mine);
    for (const [v, n] of values) sum.set(v, (sum.get(v) ?? 0) + n);
    into.set(key, sum);
  }
}
