/**
 * Label and selector text as Kubernetes prints it: `labels.FormatLabels` (sorted "k=v,k2=v2",
 * "<none>" when empty), `LabelSelectorAsSelector(...).String()` and `metav1.FormatLabelSelector`.
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `labels.Set.String()`: "k=v" pairs sorted by key, comma separated; "" for no labels. */
export function labelsString(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {}).sort(byCodePoint).map((k) => `${k}=${labels![k]}`).join(",");
}

/** `labels.FormatLabels`: like labelsString but "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return labelsString(labels) || "<none>";
}

/**
 * `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key (stable), values of
 * set operators sorted. A missing selector selects nothing and prints "", as does an empty one.
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return "";
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byCodePoint).join(",");
    switch (e.operator) {
      case "In": reqs.push({ key: e.key, text: `${e.key} in (${values})` }); break;
      case "NotIn": reqs.push({ key: e.key, text: `${e.key} notin (${values})` }); break;
      case "Exists": reqs.push({ key: e.key, text: e.key }); break;
      case "DoesNotExist": reqs.push({ key: e.key, text: `!${e.key}` }); break;
      default: return "<error>";
    }
  }
  return reqs
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => byCodePoint(a.key, b.key) || a.i - b.i)
    .map((r) => r.text)
    .join(",");
}

/** `metav1.FormatLabelSelector`: selectorString, "<none>" when empty, "<error>" when invalid. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return selectorString(sel) || "<none>";
}
