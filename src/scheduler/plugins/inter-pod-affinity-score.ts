/**
 * InterPodAffinity scoring (interpodaffinity/scoring.go). For every existing pod, each topology
 * domain of its node gains:
 * - +weight for each preferred affinity term of the incoming pod the existing pod matches,
 *   −weight for each preferred anti-affinity term;
 * - +hardPodAffinityWeight (1) for each required affinity term of the existing pod the incoming
 *   pod matches; ±weight for its preferred (anti-)affinity terms the incoming pod matches.
 * A node scores the sum over its labels' domains; NormalizeScore maps min..max onto 0..100.
 * Unless the incoming pod has preferred terms, only pods with affinity are looked at.
 */
import type { Snapshot } from "../cache";
import type { NodeInfo } from "../node-info";
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from "../pod-info";
import { MAX_NODE_SCORE, type StateData } from "../types";
import { mergeNamespaces } from "./inter-pod-affinity";

/** topologyKey → value → score. */
type ScoreMap = Map<string, Map<string, number>>;

export class AffinityPreScoreState implements StateData {
  constructor(readonly topologyScore: ScoreMap) {}
  clone(): StateData {
    return this;
  }
}

function processTerm(m: ScoreMap, t: AffinityTerm, weight: number, pod: PodInfo, nsLabels: Readonly<Record<string, string>> | undefined, node: NodeInfo, multiplier: number): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const v = node.labels[t.topologyKey];
  if (v === undefined) return;
  let values = m.get(t.topologyKey);
  if (!values) m.set(t.topologyKey, (values = new Map()));
  values.set(v, (values.get(v) ?? 0) + weight * multiplier);
}

function processTerms(m: ScoreMap, terms: readonly WeightedAffinityTerm[], pod: PodInfo, nsLabels: Readonly<Record<string, string>> | undefined, node: NodeInfo, multiplier: number): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, nsLabels, node, multiplier);
}

/** PreScore; undefined means Skip (nothing to score). */
export function preScoreAffinity(pod: PodInfo, nodes: readonly NodeInfo[], snapshot: Snapshot, hardWeight: number): AffinityPreScoreState | undefined {
  if (nodes.length === 0) return undefined;
  const preferredAffinity = pod.preferredAffinityTerms.map((t) => ({ ...mergeNamespaces(t, snapshot), weight: t.weight }));
  const preferredAnti = pod.preferredAntiAffinityTerms.map((t) => ({ ...mergeNamespaces(t, snapshot), weight: t.weight }));
  const hasConstraints = preferredAffinity.length > 0 || preferredAnti.length > 0;
  // Without preferred terms of its own, only existing pods' affinity terms can score the pod.
  if (!hasConstraints && snapshot.scoringAffinityPods() === 0) return undefined;
  const all = hasConstraints ? snapshot.list() : snapshot.havePodsWithAffinity();
  const nsLabels = snapshot.namespaceLabels(pod.namespace);
  const m: ScoreMap = new Map();
  for (const node of all) {
    if (Object.keys(node.labels).length === 0) continue;
    const existingPods = hasConstraints ? node.pods : node.podsWithAffinity;
    for (const existing of existingPods) {
      processTerms(m, preferredAffinity, existing, undefined, node, 1);
      processTerms(m, preferredAnti, existing, undefined, node, -1);
      if (hardWeight > 0) for (const t of existing.requiredAffinityTerms) processTerm(m, t, hardWeight, pod, nsLabels, node, 1);
      processTerms(m, existing.preferredAffinityTerms, pod, nsLabels, node, 1);
      processTerms(m, existing.preferredAntiAffinityTerms, pod, nsLabels, node, -1);
    }
  }
  // Upstream skips when no node produced a topology score.
  if (m.size === 0) return undefined;
  return new AffinityPreScoreState(m);
}

export function scoreAffinity(s: AffinityPreScoreState, node: NodeInfo): number {
  let score = 0;
  for (const [key, values] of s.topologyScore) {
    const v = node.labels[key];
    if (v !== undefined) score += values.get(v) ?? 0;
  }
  return score;
}

export function normalizeAffinityScores(s: AffinityPreScoreState, scores: number[]): void {
  if (s.topologyScore.size === 0) return;
  let min = Number.MAX_SAFE_INTEGER;
  let max = Number.MIN_SAFE_INTEGER;
  for (const v of scores) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
  }
}
