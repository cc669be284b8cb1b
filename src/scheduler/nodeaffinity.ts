/**
 * Node selectors as k8s.io/component-helpers/scheduling/corev1/nodeaffinity evaluates them:
 * a pod's spec.nodeSelector (every label must match) AND its required node affinity, whose
 * nodeSelectorTerms are ORed and whose requirements within a term are ANDed. A nil or empty term
 * selects nothing; a term with an invalid requirement never matches (upstream's "lazy error"
 * selector drops it). matchFields only knows `metadata.name`, with In / NotIn and one value.
 */
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from "kubernetes-types/core/v1";
import { validateLabelKey, validateLabelValue } from "../api/selector";

type Labels = Readonly<Record<string, string>>;
const NO_LABELS: Labels = Object.freeze({});

type Match = (labels: Labels, name: string) => boolean;

const INT64 = /^[+-]?[0-9]+$/;

/** strconv.ParseInt(s, 10, 64) as a number (labels beyond 2^53 lose precision, which no test needs). */
function parseInt64(s: string): number | undefined {
  return INT64.test(s) ? Number(s) : undefined;
}

/** labels.NewRequirement for a NodeSelectorRequirement: undefined when it does not parse. */
function labelRequirement(r: NodeSelectorRequirement): Match | undefined {
  const key = r.key;
  const values = r.values ?? [];
  if (validateLabelKey(key).length > 0) return undefined;
  if (values.some((v) => validateLabelValue(v).length > 0)) return undefined;
  switch (r.operator) {
    case "In": {
      if (values.length === 0) return undefined;
      const set = new Set(values);
      return (l) => { const v = l[key]; return v !== undefined && set.has(v); };
    }
    case "NotIn": {
      if (values.length === 0) return undefined;
      const set = new Set(values);
      return (l) => { const v = l[key]; return v === undefined || !set.has(v); };
    }
    case "Exists":
      return values.length === 0 ? (l) => l[key] !== undefined : undefined;
    case "DoesNotExist":
      return values.length === 0 ? (l) => l[key] === undefined : undefined;
    case "Gt": case "Lt": {
      if (values.length !== 1) return undefined;
      const bound = parseInt64(values[0]!);
      if (bound === undefined) return undefined;
      const gt = r.operator === "Gt";
      return (l) => {
        const v = l[key];
        const n = v === undefined ? undefined : parseInt64(v);
        return n !== undefined && (gt ? n > bound : n < bound);
      };
    }
    default:
      return undefined;
  }
}

/** nodeSelectorRequirementsAsFieldSelector: only In / NotIn with exactly one value. */
function fieldRequirement(r: NodeSelectorRequirement): Match | undefined {
  const values = r.values ?? [];
  if (values.length !== 1) return undefined;
  const want = values[0]!;
  // The only node field is metadata.name; any other key reads as "".
  const read = r.key === "metadata.name" ? (name: string) => name : () => "";
  if (r.operator === "In") return (_l, name) => read(name) === want;
  if (r.operator === "NotIn") return (_l, name) => read(name) !== want;
  return undefined;
}

/** A compiled NodeSelectorTerm; `undefined` when the term is empty (selects nothing). */
function compileTerm(t: NodeSelectorTerm): Match | undefined {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return undefined;
  const labelMatchers: Match[] = [];
  for (const e of exprs) {
    const m = labelRequirement(e);
    if (!m) return () => false;
    labelMatchers.push(m);
  }
  const fieldMatchers: Match[] = [];
  for (const f of fields) {
    const m = fieldRequirement(f);
    if (!m) return () => false;
    fieldMatchers.push(m);
  }
  return (labels, name) => {
    for (const m of labelMatchers) if (!m(labels, name)) return false;
    // Upstream skips the field check for a node without a name (no fields to match).
    if (name !== "") for (const m of fieldMatchers) if (!m(labels, name)) return false;
    return true;
  };
}

/** A NodeSelector: its non-empty terms ORed, over a node's labels and name. */
export function compileNodeSelector(ns: NodeSelector): (labels: Labels, name: string) => boolean {
  const terms = (ns.nodeSelectorTerms ?? []).map(compileTerm).filter((m): m is Match => m !== undefined);
  return (labels, name) => {
    for (const t of terms) if (t(labels, name)) return true;
    return false;
  };
}

/** RequiredNodeAffinity: spec.nodeSelector AND spec.affinity.nodeAffinity.required. */
export interface RequiredNodeAffinity {
  /** False when the pod has neither a nodeSelector nor required node affinity. */
  readonly constrained: boolean;
  match(node: Node): boolean;
  /** The same, from a node's labels and name (the scheduler's hot path). */
  matches(labels: Labels, name: string): boolean;
}

const UNCONSTRAINED: RequiredNodeAffinity = { constrained: false, match: () => true, matches: () => true };

export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const sel = pod.spec?.nodeSelector;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const selKeys = sel ? Object.keys(sel) : [];
  if (selKeys.length === 0 && !required) return UNCONSTRAINED;
  const affinity = required ? compileNodeSelector(required) : undefined;
  const matches = (labels: Labels, name: string): boolean => {
    for (const k of selKeys) if (labels[k] !== sel![k]) return false;
    return affinity ? affinity(labels, name) : true;
  };
  return {
    constrained: true,
    matches,
    match: (node) => matches(node.metadata?.labels ?? NO_LABELS, node.metadata?.name ?? ""),
  };
}

/** PreferredSchedulingTerms.Score: the sum of the weights of the terms the node matches. */
export function compilePreferredTerms(terms: readonly PreferredSchedulingTerm[]): (node: Node) => number {
  const compiled: Array<{ weight: number; match: Match }> = [];
  for (const t of terms) {
    // A term with weight 0 or an empty preference is skipped (NewPreferredSchedulingTerms).
    if (!t.weight || !t.preference) continue;
    const m = compileTerm(t.preference);
    if (m) compiled.push({ weight: t.weight, match: m });
  }
  return (node) => {
    const labels = node.metadata?.labels ?? NO_LABELS;
    const name = node.metadata?.name ?? "";
    let score = 0;
    for (const t of compiled) if (t.match(labels, name)) score += t.weight;
    return score;
  };
}
