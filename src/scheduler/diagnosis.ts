/**
 * Why a pod fits nowhere, and how kube-scheduler words it (pkg/scheduler/framework types.go
 * FitError.Error, NoNodeAvailableMsg):
 *
 *   "0/<N> nodes are available:" + (" <PreFilter message>." | " <histogram>.") + (" <PostFilter message>")
 *
 * The histogram counts every reason of every rejected node, the nodes not looked at individually
 * (a PreFilter narrowed the list) counting with the "absent" status, as "<count> <reason>", sorted
 * as strings (Go sort.Strings) and joined by ", ". The PostFilter message (DynamicResources, then
 * preemption) already ends with its own period.
 */
import type { NodeToStatus, Status } from "./types";
import { status } from "./types";

/** ErrNoNodesAvailable. */
export const ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/** validation.NoteLengthLimit: an event message longer than this is cut with " ...". */
export const NOTE_LENGTH_LIMIT = 1024;

export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = " ...";
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface FitErrorInput {
  numAllNodes: number;
  /** The statuses of the nodes evaluated one by one. */
  explicit: readonly Status[];
  /** The status of every other node (counted numAllNodes − explicit.length times). */
  absent?: Status;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

export function fitErrorMessage(f: FitErrorInput): string {
  let msg = `0/${f.numAllNodes} nodes are available:`;
  if (f.preFilterMsg) {
    msg += ` ${f.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const s of f.explicit) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absentCount = f.numAllNodes - f.explicit.length;
    if (f.absent && absentCount > 0) for (const r of f.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentCount);
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort(byteOrder);
    if (parts.length > 0) msg += ` ${parts.join(", ")}.`;
  }
  if (f.postFilterMsg) msg += ` ${f.postFilterMsg}`;
  return msg;
}

/** The default status of nodes nobody looked at (NewDefaultNodeToStatus). */
export const DEFAULT_ABSENT = status("UnschedulableAndUnresolvable");

/**
 * NodeToStatus built while filtering: explicit statuses by node, plus the absent status. Appends
 * are cheap parallel arrays (the filter loop's hot path); a node set twice (the nominated node,
 * tried first and again in the scan) keeps its last status.
 */
export class NodeStatuses implements NodeToStatus {
  private readonly names: string[] = [];
  private readonly statuses: Status[] = [];
  private readonly plugins: string[] = [];
  absent: Status = DEFAULT_ABSENT;
  absentPlugin = "";
  private index: Map<string, number> | undefined;

  set(node: string, s: Status, plugin: string): void {
    this.names.push(node);
    this.statuses.push(s);
    this.plugins.push(plugin);
    this.index?.set(node, this.names.length - 1);
  }

  private lookup(): Map<string, number> {
    if (!this.index) {
      const m = new Map<string, number>();
      this.names.forEach((n, i) => m.set(n, i));
      this.index = m;
    }
    return this.index;
  }

  get(node: string): Status | undefined {
    const i = this.lookup().get(node);
    return i === undefined ? undefined : this.statuses[i];
  }

  has(node: string): boolean {
    return this.lookup().has(node);
  }

  /** Each node once, with its last status and plugin, in evaluation order. */
  entries(): Array<{ node: string; status: Status; plugin: string }> {
    const last = this.lookup();
    const out: Array<{ node: string; status: Status; plugin: string }> = [];
    this.names.forEach((node, i) => {
      if (last.get(node) === i) out.push({ node, status: this.statuses[i]!, plugin: this.plugins[i]! });
    });
    return out;
  }

  /** The distinct plugins that rejected some node. */
  rejectors(): Set<string> {
    return new Set(this.plugins.filter((p) => p !== ""));
  }
}
