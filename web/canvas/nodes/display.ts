/** What the canvas's node components print, computed from their data (kept out of the components). */
import type { NodeView, Usage } from "../model/nodes";
import { formatBytes, formatCpu } from "../model/nodes";

/** Fill of a usage bar, 0–1 (over-commit shows full). */
export function fraction(u: Usage): number {
  if (u.allocatable <= 0) return u.used > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, u.used / u.allocatable));
}

/** How full a bar reads: calm below 70 %, warm below 90 %, hot above. */
export function level(u: Usage): "low" | "mid" | "high" {
  const f = u.allocatable > 0 ? u.used / u.allocatable : u.used > 0 ? 1 : 0;
  return f >= 0.9 ? "high" : f >= 0.7 ? "mid" : "low";
}

export interface UsageLine {
  key: "cpu" | "memory" | "pods";
  text: string;
  fraction: number;
  level: "low" | "mid" | "high";
}

/** The node card's three bars: requests against allocatable, as `kubectl describe node` sums them. */
export function usageLines(n: NodeView): UsageLine[] {
  return [
    { key: "cpu", text: `${formatCpu(n.cpu.used)} / ${formatCpu(n.cpu.allocatable)}`, fraction: fraction(n.cpu), level: level(n.cpu) },
    { key: "memory", text: `${formatBytes(n.memory.used)} / ${formatBytes(n.memory.allocatable)}`, fraction: fraction(n.memory), level: level(n.memory) },
    { key: "pods", text: `${n.pods.used} / ${n.pods.allocatable}`, fraction: fraction(n.pods), level: level(n.pods) },
  ];
}

export type Dot = { kind: "init" | "sidecar" | "app"; state: "done" | "ready" | "running" | "waiting" | "failed" };

const STATES: Record<string, Dot["state"]> = { d: "done", R: "ready", r: "running", w: "waiting", f: "failed" };

/** The pod tile's container dots from PodView.containers ("dw|R|r"). */
export function containerDots(encoded: string): Dot[] {
  const [init = "", sidecar = "", app = ""] = encoded.split("|");
  const dots: Dot[] = [];
  for (const c of init) dots.push({ kind: "init", state: STATES[c] ?? "waiting" });
  for (const c of sidecar) dots.push({ kind: "sidecar", state: STATES[c] ?? "waiting" });
  for (const c of app) dots.push({ kind: "app", state: STATES[c] ?? "waiting" });
  return dots;
}

/** A long generated pod name shortened in the middle, keeping its distinctive random suffix. */
export function shortName(name: string, max = 22): string {
  if (name.length <= max) return name;
  const tail = name.lastIndexOf("-") > 0 ? name.slice(name.lastIndexOf("-")) : name.slice(-6);
  const keep = Math.max(4, max - tail.length - 1);
  return `${name.slice(0, keep)}…${tail}`;
}
