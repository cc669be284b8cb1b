/**
 * `kubeplay explain -o table`: one scheduling attempt as a per-node table, the selected node, and
 * the FailedScheduling message when nothing fits.
 */
import { tabwrite } from "../kubectl/tabwriter";
import type { ExplainAttempt, ExplainNode } from "./explain";
import { SCORE_WEIGHTS } from "./plugins/registry";

function verdict(n: ExplainNode): string {
  if (!n.feasible) return n.reasons.map((r) => (r.plugin ? `${r.plugin}: ${r.reason}` : r.reason)).join("; ");
  if (n.scores.length === 0) return "(the only feasible node: not scored)";
  return n.scores.map((s) => `${s.plugin} ${s.normalized}×${SCORE_WEIGHTS[s.plugin] ?? 1}`).join(", ");
}

export function explainTable(a: ExplainAttempt): string {
  const lines = ["NODE\tFEASIBLE\tREASON / SCORES (plugin normalized×weight)\tTOTAL"];
  for (const n of a.nodes) {
    lines.push(`${n.name}\t${n.feasible ? "yes" : "no"}\t${verdict(n)}\t${n.total ?? "-"}`);
  }
  const head = a.selected ? `Pod ${a.pod}: scheduled to ${a.selected}` : `Pod ${a.pod}: no node fits`;
  const tail = a.selected ? `Selected: ${a.selected}` : `FailedScheduling: ${a.message ?? ""}`;
  return `${head}\n\n${tabwrite(lines.join("\n"))}\n\n${tail}\n`;
}
