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

/** NodeToStatus built while filtering: explicit statuses by node, plus the absent status. */
export class NodeStatuses implements NodeToStatus {
  readonly byNode = new Map<string, Status>();
  /** The first plugin that rejected each node (Status.Plugin()). */
  readonly plugin = new Map<string, string>();
  absent: Status = DEFAULT_ABSENT;
  absentPlugin = "";

  set(node: string, s: Status, plugin: string): void {
    this.byNode.set(node, s);
    this.plugin.set(node, plugin);
  }

  get(node: string): Status | undefined {
    return this.byNode.get(node);
  }
}
