/**
 * The scheduling framework's contract (k8s.io/kube-scheduler/framework interface.go): status codes,
 * the cycle state plugins share within one scheduling cycle, and the extension points a plugin
 * may implement. A plugin returns a Status for an expected failure ("Unschedulable"); exceptions
 * are for bugs only.
 */
import type { NodeInfo } from "./node-info";
import type { PodInfo } from "./pod-info";

/** framework.MaxNodeScore / MinNodeScore. */
export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;

/**
 * Status codes (interface.go Code). Success is represented by `null`, so the hot paths allocate
 * nothing for a node that passes.
 */
export type Code = "Error" | "Unschedulable" | "UnschedulableAndUnresolvable" | "Wait" | "Skip" | "Pending";

export interface Status {
  readonly code: Code;
  /** The reasons, each counted on its own in the FailedScheduling histogram. */
  readonly reasons: readonly string[];
}

export function status(code: Code, ...reasons: string[]): Status {
  return Object.freeze({ code, reasons: Object.freeze(reasons) });
}

/** Unschedulable or UnschedulableAndUnresolvable: an expected rejection, not an error. */
export function isRejected(s: Status | null): boolean {
  return s !== null && (s.code === "Unschedulable" || s.code === "UnschedulableAndUnresolvable");
}

/** Status.Message(): the reasons joined by ", ". */
export function statusMessage(s: Status | null): string {
  return s ? s.reasons.join(", ") : "";
}

export const SKIP: Status = status("Skip");

/** Per-plugin data kept for one scheduling cycle; cloned for each node a preemption dry run tries. */
export interface StateData {
  clone(): StateData;
}

export class CycleState {
  private readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run this cycle. */
  readonly skipFilter = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score does not run this cycle. */
  readonly skipScore = new Set<string>();
  /** The Filter plugins that run this cycle (the profile's minus skipFilter), once PreFilter is done. */
  activeFilters: readonly FilterPlugin[] | undefined;

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, v.clone());
    for (const s of this.skipFilter) c.skipFilter.add(s);
    for (const s of this.skipScore) c.skipScore.add(s);
    c.activeFilters = this.activeFilters;
    return c;
  }
}

export interface Plugin {
  readonly name: string;
}

/** PreFilterResult: a plugin may narrow the nodes worth filtering (NodeAffinity's matchFields). */
export interface NodeNames {
  readonly nodeNames: ReadonlySet<string>;
}

export type PreFilterOutcome = Status | NodeNames | null;

export function isNodeNames(o: PreFilterOutcome): o is NodeNames {
  return o !== null && "nodeNames" in o;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome;
  /** PreFilterExtensions: keep the PreFilter state right when preemption adds or removes a pod. */
  addPod?(state: CycleState, pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): void;
  removePod?(state: CycleState, pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): void;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
}

/** Which nodes each failed Filter rejected, and the status nodes not listed get. */
export interface NodeToStatus {
  get(node: string): Status | undefined;
  readonly absent: Status;
}

export interface PostFilterResult {
  /** What to do with status.nominatedNodeName: a node name, "" to clear it, undefined to leave it. */
  readonly nominatedNodeName?: string;
}

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): { status: Status | null; result?: PostFilterResult };
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  /** Raw score of one feasible node. */
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** The same for every node at once, into `out` (a faster path some plugins offer; same results). */
  scoreAll?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void;
  /** NormalizeScore over all scored nodes, in place (ScoreExtensions). */
  normalize?(state: CycleState, pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void;
}

/** A score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  readonly plugin: ScorePlugin & Partial<PreScorePlugin>;
  readonly weight: number;
}

// ---- cluster events and queueing hints (EnqueueExtensions) ----

/** What changed in a Node update (framework.NodeSchedulingPropertiesChange). */
export const NodeChange = {
  Label: 1,
  Taint: 2,
  Allocatable: 4,
  Condition: 8,
  Annotation: 16,
} as const;

export type ClusterEvent =
  | { readonly kind: "NodeAdd"; readonly node: NodeInfo }
  | { readonly kind: "NodeUpdate"; readonly old: NodeInfo; readonly node: NodeInfo; readonly changes: number }
  | { readonly kind: "NodeDelete"; readonly node: NodeInfo }
  | { readonly kind: "AssignedPodAdd"; readonly pod: PodInfo; readonly node: NodeInfo }
  | { readonly kind: "AssignedPodUpdate"; readonly old: PodInfo; readonly pod: PodInfo; readonly node: NodeInfo; readonly labelsChanged: boolean; readonly scaleDown: boolean }
  | { readonly kind: "AssignedPodDelete"; readonly pod: PodInfo; readonly node: NodeInfo | undefined }
  /** Pods that stayed in the unschedulable pool longer than podMaxInUnschedulablePodsDuration. */
  | { readonly kind: "UnschedulableTimeout" };

export type QueueingHint = "Queue" | "QueueSkip";

export interface EnqueuePlugin extends Plugin {
  /**
   * QueueingHintFn for the events this plugin registers: "Queue" when the event may make `pod`
   * (which this plugin rejected) schedulable, "QueueSkip" when it cannot, undefined when the plugin
   * does not register the event at all.
   */
  queueingHint(event: ClusterEvent, pod: PodInfo): QueueingHint | undefined;
}

export function isEnqueuePlugin(p: Plugin): p is EnqueuePlugin {
  return typeof (p as Partial<EnqueuePlugin>).queueingHint === "function";
}
