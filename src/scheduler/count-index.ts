/**
 * Memoized topology counts: for a given question about assigned pods ("pods of namespace N whose
 * labels match S", "pods matching all these affinity terms", …), how many there are per topology
 * value of their nodes. InterPodAffinity and PodTopologySpread need these counts every cycle;
 * upstream recomputes them from every node (and recently memoizes them too, filtering_memo.go).
 * Here each question is answered once, then kept current as pods are bound and removed, so a
 * cycle costs what the answer costs to read, not what the cluster costs to walk.
 *
 * Counts are dropped wholesale when something they depend on changes in bulk (node labels, nodes
 * going away, namespace labels) and rebuilt on the next question.
 */
import type { NodeInfo } from "./node-info";
import type { PodInfo } from "./pod-info";

/** topologyKey → topology value → count. */
export type TopologyCounts = Map<string, Map<string, number>>;

export interface CountSpec {
  /** Identifies the question: equal signatures must give equal answers. */
  readonly signature: string;
  /** How many times pod `p` counts (0 when it does not match). */
  weight(p: PodInfo): number;
  /** The topology keys a matching pod counts under (a key listed twice counts twice). */
  readonly keys: readonly string[];
  /** Only pods on nodes that have all these labels count. */
  readonly requireAll: readonly string[];
}

interface Entry {
  spec: CountSpec;
  counts: TopologyCounts;
}

const MAX_ENTRIES = 256;

function hasAll(labels: Readonly<Record<string, string>>, keys: readonly string[]): boolean {
  for (const k of keys) if (labels[k] === undefined) return false;
  return true;
}

export class CountIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly assignedPods: () => Iterable<[PodInfo, NodeInfo]>) {}

  /** The counts for `spec`, built on first use. Read-only for the caller. */
  counts(spec: CountSpec): TopologyCounts {
    let e = this.entries.get(spec.signature);
    if (e) {
      // Most recently used last.
      this.entries.delete(spec.signature);
      this.entries.set(spec.signature, e);
      return e.counts;
    }
    e = { spec, counts: new Map() };
    for (const [p, node] of this.assignedPods()) add(e, p, node, 1);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(spec.signature, e);
    return e.counts;
  }

  podAdded(p: PodInfo, node: NodeInfo): void {
    for (const e of this.entries.values()) add(e, p, node, 1);
  }

  podRemoved(p: PodInfo, node: NodeInfo): void {
    for (const e of this.entries.values()) add(e, p, node, -1);
  }

  /** Forget every answer (node labels changed, a node left, namespace labels changed). */
  clear(): void {
    this.entries.clear();
  }
}

function add(e: Entry, p: PodInfo, node: NodeInfo, sign: 1 | -1): void {
  const w = e.spec.weight(p);
  if (w === 0 || !hasAll(node.labels, e.spec.requireAll)) return;
  for (const key of e.spec.keys) {
    const v = node.labels[key];
    if (v === undefined) continue;
    let values = e.counts.get(key);
    if (!values) e.counts.set(key, (values = new Map()));
    const n = (values.get(v) ?? 0) + sign * w;
    if (n !== 0) values.set(v, n);
    else {
      values.delete(v);
      if (values.size === 0) e.counts.delete(key);
    }
  }
}
