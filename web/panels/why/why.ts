/**
 * The "why?" panel's view of a scheduling attempt, free of React: every evaluated node with its
 * verdict (the rejecting plugin and its reason, or its scores), sorted as a learner reads it —
 * the winner first, then the other feasible nodes by total, then the rejected ones by name.
 */
import type { ExplainAttempt, ExplainNode } from "../../../src/scheduler/explain";

export interface NodeVerdictRow {
  name: string;
  feasible: boolean;
  winner: boolean;
  /** "plugin: reason" pairs, for a rejected node. */
  reasons: ExplainNode["reasons"];
  /** Scores by plugin name, for a feasible node. */
  scores: ReadonlyMap<string, { raw: number; normalized: number; weighted: number }>;
  total: number | null;
}

export interface AttemptView {
  /** Scoring plugins in the order the scheduler ran them (the columns of the score table). */
  plugins: string[];
  rows: NodeVerdictRow[];
  feasible: number;
  rejected: number;
}

export function attemptView(a: ExplainAttempt): AttemptView {
  const plugins: string[] = [];
  for (const n of a.nodes) for (const s of n.scores) if (!plugins.includes(s.plugin)) plugins.push(s.plugin);
  const rows = a.nodes.map((n): NodeVerdictRow => ({
    name: n.name,
    feasible: n.feasible,
    winner: n.name === a.selected,
    reasons: n.reasons,
    scores: new Map(n.scores.map((s) => [s.plugin, { raw: s.raw, normalized: s.normalized, weighted: s.weighted }])),
    total: n.total,
  }));
  rows.sort((x, y) => rank(x) - rank(y) || (y.total ?? 0) - (x.total ?? 0) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const feasible = rows.filter((r) => r.feasible).length;
  return { plugins, rows, feasible, rejected: rows.length - feasible };
}

const rank = (r: NodeVerdictRow): number => (r.winner ? 0 : r.feasible ? 1 : 2);

/** Rejected nodes and the reason to show when hovering them on the canvas. */
export function rejectedNodes(a: ExplainAttempt): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of a.nodes) {
    if (n.feasible) continue;
    out.set(n.name, n.reasons.map((r) => `${r.plugin}: ${r.reason}`).join("; "));
  }
  return out;
}

/** A CSS string literal holding `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\n\r\f]/g, "\\A ").replace(/[<>]/g, (c) => (c === "<" ? "\\3C " : "\\3E "))}"`;
}

/**
 * The style sheet that greys the nodes the scheduler rejected on the canvas and shows each one's
 * reason on hover. Only text from the engine goes into CSS strings, escaped.
 */
export function rejectedNodesCss(rejected: ReadonlyMap<string, string>): string {
  const rules: string[] = [];
  for (const [node, reason] of rejected) {
    const sel = `.kp-machine[data-node=${cssString(node)}]`;
    rules.push(`${sel}{opacity:.55;filter:grayscale(.9);position:relative}`);
    rules.push(`${sel}:hover::after{content:${cssString(reason)};position:absolute;left:8px;right:8px;top:100%;margin-top:4px;z-index:20;padding:6px 8px;border-radius:6px;background:#1b2433;color:#fff;font:12px/1.4 var(--font);white-space:normal;box-shadow:var(--shadow-lg)}`);
  }
  return rules.join("\n");
}

/** A score as the table prints it: integers stay integers, fractions get two decimals. */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** "NodeResourcesFit" → ["Node", "Resources", "Fit"]. */
export function camelParts(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[^A-Za-z0-9]+/g) ?? [name];
}
