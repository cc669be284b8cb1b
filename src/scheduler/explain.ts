/**
 * "Why here?": the record of each scheduling attempt — every evaluated node's verdict (feasible, or
 * the plugin that rejected it with its reasons) and every scoring plugin's raw, normalized and
 * weighted score — in the JSON shape of `kubeplay explain -o json` (DESIGN §5).
 *
 * A cycle captures plain arrays (cheap enough to leave on in large clusters); the per-node objects
 * are built only when someone asks. History is bounded per pod and overall.
 */
import type { NodeStatuses } from "./diagnosis";
import type { NodeInfo } from "./node-info";
import type { Status } from "./types";

export interface ExplainReason {
  plugin: string;
  reason: string;
}

export interface ExplainScore {
  plugin: string;
  raw: number;
  normalized: number;
  weighted: number;
}

export interface ExplainNode {
  name: string;
  feasible: boolean;
  reasons: ExplainReason[];
  scores: ExplainScore[];
  /** The weighted sum; null for a node that did not pass the filters or was not scored. */
  total: number | null;
}

/** One scheduling cycle for one pod: the DESIGN §5 shape. */
export interface ExplainAttempt {
  /** "namespace/name". */
  pod: string;
  selected: string | null;
  /** The FailedScheduling message when nothing fits, else null. */
  message: string | null;
  /** Evaluated nodes, by name. */
  nodes: ExplainNode[];
}

/** An attempt as the scheduler keeps it: the explain shape plus when and how it happened. */
export interface ScheduleAttempt extends ExplainAttempt {
  /** Virtual seconds. */
  time: number;
  /** 1 for the pod's first attempt. */
  attempt: number;
  totalNodes: number;
  /** Nodes looked at one by one (percentageOfNodesToScore stops early in large clusters). */
  evaluatedNodes: number;
  feasibleNodes: number;
  /** The node preemption nominated, and the pods it evicted there. */
  nominatedNode?: string;
  victims?: string[];
}

interface PluginScores {
  plugin: string;
  weight: number;
  raw: number[];
  normalized: number[];
}

/** What a cycle records, in arrays; `materialize` builds the explain objects. */
export class AttemptCapture {
  private failedNames: string[] = [];
  private failedStatus: Status[] = [];
  private failedPlugin: string[] = [];
  private absentNames: string[] = [];
  private absentStatus: Status | undefined;
  private absentPlugin = "";
  private feasible: string[] = [];
  private totals: number[] | undefined;
  private readonly plugins: PluginScores[] = [];
  selected: string | undefined;
  message: string | undefined;
  nominatedNode: string | undefined;
  victims: string[] | undefined;

  constructor(readonly pod: string, readonly totalNodes: number) {}

  failures(s: NodeStatuses): void {
    for (const e of s.entries()) {
      this.failedNames.push(e.node);
      this.failedStatus.push(e.status);
      this.failedPlugin.push(e.plugin);
    }
  }

  /** Every node of `all` without an explicit status gets the absent status. */
  absent(all: readonly NodeInfo[], s: NodeStatuses): void {
    this.absentStatus = s.absent;
    this.absentPlugin = s.absentPlugin;
    for (const n of all) if (!s.has(n.name)) this.absentNames.push(n.name);
  }

  scores(plugin: string, weight: number, raw: number[], normalized: number[]): void {
    this.plugins.push({ plugin, weight, raw, normalized });
  }

  feasibleNodes(nodes: readonly NodeInfo[], totals?: number[]): void {
    this.feasible = nodes.map((n) => n.name);
    this.totals = totals;
  }

  finish(selected: string | undefined, message: string | undefined): void {
    this.selected = selected;
    this.message = message;
  }

  /** A rough size, for the history's memory budget. */
  get weight(): number {
    return this.failedNames.length + this.absentNames.length + this.feasible.length * (1 + this.plugins.length);
  }

  /** Set when the detail is dropped, so the counts survive it. */
  private counts: { evaluated: number; feasible: number } | undefined;

  get evaluatedNodes(): number {
    return this.counts ? this.counts.evaluated : this.failedNames.length + this.feasible.length;
  }

  get feasibleCount(): number {
    return this.counts ? this.counts.feasible : this.feasible.length;
  }

  /** Drops the per-node detail, keeping the outcome (history over budget). */
  compact(): void {
    this.counts ??= { evaluated: this.evaluatedNodes, feasible: this.feasibleCount };
    this.failedNames = [];
    this.failedStatus = [];
    this.failedPlugin = [];
    this.absentNames = [];
    this.feasible = [];
    this.totals = undefined;
    this.plugins.length = 0;
  }

  materialize(): ExplainAttempt {
    const nodes: ExplainNode[] = [];
    this.failedNames.forEach((name, i) => {
      const plugin = this.failedPlugin[i]!;
      nodes.push({ name, feasible: false, reasons: this.failedStatus[i]!.reasons.map((reason) => ({ plugin, reason })), scores: [], total: null });
    });
    for (const name of this.absentNames) {
      const reasons = (this.absentStatus?.reasons ?? []).map((reason) => ({ plugin: this.absentPlugin, reason }));
      nodes.push({ name, feasible: false, reasons, scores: [], total: null });
    }
    this.feasible.forEach((name, i) => {
      const scores = this.plugins.map((p) => ({ plugin: p.plugin, raw: p.raw[i]!, normalized: p.normalized[i]!, weighted: p.normalized[i]! * p.weight }));
      nodes.push({ name, feasible: true, reasons: [], scores, total: this.totals ? this.totals[i]! : null });
    });
    nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { pod: this.pod, selected: this.selected ?? null, message: this.message ?? null, nodes };
  }
}

interface Kept {
  capture: AttemptCapture;
  time: number;
  attempt: number;
  /** The capture's weight while its detail is kept; 0 once compacted. */
  w: number;
}

/** The last attempts of each pod, bounded per pod and by an overall budget of node entries. */
export class ExplainHistory {
  private readonly byPod = new Map<string, { attempts: Kept[]; count: number }>();
  /** Attempts with detail, oldest first, for evicting detail when over budget. */
  private readonly order: Kept[] = [];
  private weight = 0;

  constructor(readonly perPod = 8, readonly maxPods = 4096, readonly budget = 2_000_000) {}

  private compact(k: Kept): void {
    if (k.w === 0) return;
    this.weight -= k.w;
    k.w = 0;
    k.capture.compact();
  }

  add(podKey: string, capture: AttemptCapture, time: number): void {
    let h = this.byPod.get(podKey);
    if (!h) {
      if (this.byPod.size >= this.maxPods) {
        const oldest = this.byPod.keys().next().value as string;
        for (const k of this.byPod.get(oldest)!.attempts) this.compact(k);
        this.byPod.delete(oldest);
      }
      this.byPod.set(podKey, (h = { attempts: [], count: 0 }));
    }
    h.count++;
    const kept: Kept = { capture, time, attempt: h.count, w: Math.max(1, capture.weight) };
    h.attempts.push(kept);
    this.order.push(kept);
    this.weight += kept.w;
    if (h.attempts.length > this.perPod) this.compact(h.attempts.shift()!);
    while (this.order.length > 0 && (this.order[0]!.w === 0 || (this.weight > this.budget && this.order.length > 1))) {
      this.compact(this.order.shift()!);
    }
  }

  attempts(podKey: string): ScheduleAttempt[] {
    return (this.byPod.get(podKey)?.attempts ?? []).map(({ capture, time, attempt }) => ({
      ...capture.materialize(),
      time,
      attempt,
      totalNodes: capture.totalNodes,
      evaluatedNodes: capture.evaluatedNodes,
      feasibleNodes: capture.feasibleCount,
      ...(capture.nominatedNode ? { nominatedNode: capture.nominatedNode } : {}),
      ...(capture.victims ? { victims: capture.victims } : {}),
    }));
  }
}
