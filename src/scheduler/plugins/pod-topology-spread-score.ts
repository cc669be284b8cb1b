/**
 * PodTopologySpread scoring (podtopologyspread/scoring.go).
 *
 * Each constraint gives a node `matching pods in its domain × log(domains + 2) + maxSkew − 1`
 * (hostname domains are counted per node); the sum is rounded. NormalizeScore maps the lowest
 * raw score to 100: 100 × (max + min − score) / max. Nodes lacking a topology key (only when the
 * constraints are the pod's own) are ignored and score 0.
 */
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { MAX_NODE_SCORE, type StateData } from "../types";
import { idiv } from "./helper";
import { countMatching, hasAllKeys, nodeIncluded, type Constraint } from "./pod-topology-spread";

const HOSTNAME = "kubernetes.io/hostname";

export class SpreadPreScoreState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    readonly ignored: ReadonlySet<string>,
    /** Per constraint: topology value → matching pods (not used for hostname constraints). */
    readonly counts: ReadonlyArray<Map<string, number>>,
    readonly weights: readonly number[],
  ) {}

  clone(): StateData {
    return this;
  }
}

/** topologyNormalizingWeight. */
const normalizingWeight = (size: number): number => Math.log(size + 2);

export function preScoreSpread(
  pod: PodInfo, constraints: readonly Constraint[], filtered: readonly NodeInfo[], all: readonly NodeInfo[], requireAllTopologies: boolean,
): SpreadPreScoreState {
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  const sizes = constraints.map(() => 0);
  for (const node of filtered) {
    if (requireAllTopologies && !hasAllKeys(node.labels, constraints)) {
      ignored.add(node.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME) return;
      const value = node.labels[c.topologyKey] ?? "";
      if (!counts[i]!.has(value)) {
        counts[i]!.set(value, 0);
        sizes[i]!++;
      }
    });
  }
  const weights = constraints.map((c, i) => normalizingWeight(c.topologyKey === HOSTNAME ? filtered.length - ignored.size : sizes[i]!));
  const affinity = pod.requiredNodeAffinity;
  for (const node of all) {
    if (requireAllTopologies && !hasAllKeys(node.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node, affinity)) return;
      const value = node.labels[c.topologyKey] ?? "";
      const m = counts[i]!;
      const cur = m.get(value);
      // Only domains some candidate node is in; hostname counts are taken per node in Score.
      if (cur === undefined || c.topologyKey === HOSTNAME) return;
      m.set(value, cur + countMatching(node.pods, c.selector, pod.namespace));
    });
  }
  return new SpreadPreScoreState(constraints, ignored, counts, weights);
}

export function scoreSpread(s: SpreadPreScoreState, pod: PodInfo, node: NodeInfo): number {
  if (s.ignored.has(node.name)) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return;
    const cnt = c.topologyKey === HOSTNAME ? countMatching(node.pods, c.selector, pod.namespace) : s.counts[i]!.get(value) ?? 0;
    // scoreForCount.
    score += cnt * s.weights[i]! + (c.maxSkew - 1);
  });
  // math.Round: halves away from zero (scores are never negative).
  return Math.round(score);
}

export function normalizeSpreadScores(s: SpreadPreScoreState, scores: number[], nodes: readonly NodeInfo[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has(nodes[i]!.name)) continue;
    const v = scores[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has(nodes[i]!.name)) {
      scores[i] = 0;
      continue;
    }
    scores[i] = max === 0 ? MAX_NODE_SCORE : idiv(MAX_NODE_SCORE * (max + min - scores[i]!), max);
  }
}

