/**
 * Job runs as a mermaid Gantt chart: one bar per Job from its start to its completion (or to now
 * while it runs), grouped under the CronJob that created it with its concurrencyPolicy, so
 * Allow / Forbid / Replace show as overlapping, skipped or cut-short bars.
 */
import type { Kind, ObjectKey, Stored } from "../../src/api/types";
import { mermaidText } from "./escape";

export interface JobBar {
  name: string;
  group: string;
  /** Virtual seconds since the scenario started. */
  start: number;
  end: number;
  state: "done" | "failed" | "active";
}

const seconds = (ts: string | undefined, epochMs: number): number | undefined => {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.round((ms - epochMs) / 1000));
};

export function jobBars(objects: ReadonlyMap<ObjectKey, Stored<Kind>>, epochMs: number, nowSeconds: number): JobBar[] {
  const cronPolicy = new Map<string, string>();
  for (const o of objects.values()) {
    if (o.kind === "CronJob") cronPolicy.set(`${o.metadata.namespace ?? ""}/${o.metadata.name}`, (o as Stored<"CronJob">).spec?.concurrencyPolicy ?? "Allow");
  }
  const bars: JobBar[] = [];
  for (const o of objects.values()) {
    if (o.kind !== "Job") continue;
    const job = o as Stored<"Job">;
    const start = seconds(job.status?.startTime, epochMs) ?? seconds(job.metadata.creationTimestamp, epochMs);
    if (start === undefined) continue;
    const failed = job.status?.conditions?.find((c) => c.type === "Failed" && c.status === "True");
    const finished = job.status?.completionTime ?? failed?.lastTransitionTime;
    const end = Math.max(start + 1, seconds(finished, epochMs) ?? nowSeconds);
    const owner = job.metadata.ownerReferences?.find((r) => r.kind === "CronJob");
    const ns = job.metadata.namespace ?? "";
    // The section names the CronJob and its concurrencyPolicy: what the bars' overlaps and gaps show.
    const group = owner ? `cronjob/${owner.name} (${cronPolicy.get(`${ns}/${owner.name}`) ?? "Allow"})` : "jobs";
    bars.push({ name: job.metadata.name, group, start, end, state: failed ? "failed" : finished ? "done" : "active" });
  }
  return bars.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.start - b.start));
}

const TAG = { done: "done", failed: "crit", active: "active" } as const;

/**
 * A virtual instant as "YYYY-MM-DD HH:mm:ss" of its UTC clock: mermaid reads it as local time,
 * the same shift for every bar, so the axis shows the scenario's own clock (00:01, 00:02, …).
 */
export function ganttTime(epochMs: number, seconds: number): string {
  return new Date(epochMs + seconds * 1000).toISOString().slice(0, 19).replace("T", " ");
}

export function jobGanttDiagram(bars: readonly JobBar[], epochMs: number): string {
  const lines = ["gantt", "  dateFormat YYYY-MM-DD HH:mm:ss", "  axisFormat %H:%M:%S"];
  let group: string | undefined;
  bars.forEach((b, i) => {
    if (b.group !== group) {
      group = b.group;
      lines.push(`  section ${mermaidText(b.group)}`);
    }
    lines.push(`  ${mermaidText(b.name)} :${TAG[b.state]}, j${i}, ${ganttTime(epochMs, b.start)}, ${ganttTime(epochMs, b.end)}`);
  });
  return lines.join("\n");
}
