/**
 * Preemption (pkg/scheduler/framework/preemption and plugins/defaultpreemption): when a pod fits
 * nowhere, find a node where evicting lower-priority pods makes room, evict them gracefully and
 * nominate the node for the pod, which is retried once the victims are gone.
 *
 * Candidates are the nodes whose filters failed with a resolvable status (Unschedulable). On each,
 * a dry run removes every lower-priority pod, checks the pod fits, then reprieves victims from the
 * most important down (PDB-violating ones first) while the pod still fits. The chosen node has, in
 * order: fewest PDB violations, lowest highest-victim priority, lowest sum of priorities, fewest
 * victims, latest start among its highest-priority victims; then the first candidate.
 */
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import { compileSelector, isSelectorError } from "../api/selector";
import type { Snapshot } from "./cache";
import { fitErrorMessage } from "./diagnosis";
import type { NodeInfo } from "./node-info";
import type { PodInfo } from "./pod-info";
import { status, type CycleState, type NodeToStatus, type Status } from "./types";

/** DefaultPreemptionArgs defaults. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export const MSG_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const MSG_NO_VICTIMS = "No preemption victims found for incoming pod";
export const MSG_POLICY_NEVER = "not eligible due to preemptionPolicy=Never.";
export const MSG_TERMINATING = "not eligible due to a terminating pod on the nominated node.";

const NOT_HELPFUL = status("UnschedulableAndUnresolvable", MSG_NOT_HELPFUL);
const NO_VICTIMS = status("UnschedulableAndUnresolvable", MSG_NO_VICTIMS);

/** What preemption needs from the framework and the scheduler component. */
export interface PreemptionHost {
  readonly snapshot: Snapshot;
  /** RunFilterPluginsWithNominatedPods on a (cloned) node. */
  runFilters(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
  addPod(state: CycleState, pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): void;
  removePod(state: CycleState, pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): void;
  /** An integer in [0, n) from the seeded generator. */
  intn(n: number): number;
  pdbs(): readonly PodDisruptionBudget[];
  /** Pods nominated to `node` (status.nominatedNodeName) and still waiting. */
  nominatedPods(node: string): readonly PodInfo[];
  /** Evicts a victim: DisruptionTarget condition, graceful delete, "Preempted" event. */
  evict(preemptor: PodInfo, victim: PodInfo, node: string): void;
  clearNomination(pods: readonly PodInfo[]): void;
}

export interface Candidate {
  readonly node: string;
  /** Most important first. */
  readonly victims: readonly PodInfo[];
  readonly pdbViolations: number;
}

export interface PreemptionOutcome {
  /** null on success (a node was nominated). */
  readonly status: Status | null;
  /** undefined: leave nominatedNodeName; "": clear it; a name: nominate. */
  readonly nominatedNodeName?: string;
  readonly candidate?: Candidate;
}

/** Virtual time and the API's timestamps, for ordering victims by start time. */
export interface PreemptionClock {
  now(): number;
  parse(ts: string | undefined): number | undefined;
}

/** GetPodStartTime: status.startTime, or now for a pod that has not started. */
function startTime(p: PodInfo, clock: PreemptionClock): number {
  return clock.parse(p.pod.status?.startTime) ?? clock.now();
}

/** util.MoreImportantPod: higher priority, then the one that started earlier. */
export function moreImportant(a: PodInfo, b: PodInfo, clock: PreemptionClock): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a, clock) < startTime(b, clock);
}

function isTerminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  const c = p.pod.status?.conditions?.find((x) => x.type === "DisruptionTarget");
  return c?.status === "True" && c.reason === "PreemptionByScheduler";
}

/** filterPodsWithPDBViolation: keeps the input order within each group. */
function splitByPDB(pods: readonly PodInfo[], pdbs: readonly PodDisruptionBudget[]): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata?.namespace !== p.namespace) return;
        const sel = compileSelector(pdb.spec?.selector);
        // A PDB with a nil or empty selector matches nothing here.
        if (isSelectorError(sel) || sel.empty || !sel.matches(p.labels)) return;
        if (pdb.status?.disruptedPods?.[p.name] !== undefined) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

export class Evaluator {
  constructor(private readonly host: PreemptionHost, private readonly clock: PreemptionClock) {}

  /** PodEligibleToPreemptOthers. */
  private eligible(pod: PodInfo, statuses: NodeToStatus): string | undefined {
    if (pod.preemptionPolicy === "Never") return MSG_POLICY_NEVER;
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      if (statuses.get(nominated)?.code === "UnschedulableAndUnresolvable") return undefined;
      const ni = this.host.snapshot.get(nominated);
      if (ni?.pods.some((p) => p.priority < pod.priority && isTerminatingByPreemption(p))) return MSG_TERMINATING;
    }
    return undefined;
  }

  /** Preempt; `dryRun` computes the outcome without evicting anyone (explain). */
  preempt(state: CycleState, pod: PodInfo, statuses: NodeToStatus, dryRun = false): PreemptionOutcome {
    const notEligible = this.eligible(pod, statuses);
    if (notEligible) return { status: status("Unschedulable", notEligible) };
    const all = this.host.snapshot.list();
    const potential = all.filter((n) => (statuses.get(n.name) ?? statuses.absent).code === "Unschedulable");
    const results = new Map<string, Status>();
    const candidates = potential.length === 0 ? [] : this.dryRunPreemption(state, pod, potential, results);
    if (candidates.length === 0) {
      const msg = fitErrorMessage({
        numAllNodes: all.length,
        explicit: [...results.values()],
        absent: NOT_HELPFUL,
      });
      return { status: status("Unschedulable", msg), nominatedNodeName: "" };
    }
    const best = pickOneNodeForPreemption(candidates, this.clock);
    if (!dryRun) {
      for (const v of best.victims) if (!v.terminating) this.host.evict(pod, v, best.node);
      const lower = this.host.nominatedPods(best.node).filter((p) => p.priority < pod.priority);
      if (lower.length > 0) this.host.clearNomination(lower);
    }
    return { status: null, nominatedNodeName: best.node, candidate: best };
  }

  private dryRunPreemption(state: CycleState, pod: PodInfo, potential: readonly NodeInfo[], results: Map<string, Status>): Candidate[] {
    const n = potential.length;
    const offset = this.host.intn(n);
    const wanted = Math.min(n, Math.max(Math.trunc((n * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE));
    const pdbs = this.host.pdbs();
    const nonViolating: Candidate[] = [];
    const violating: Candidate[] = [];
    for (let i = 0; i < n; i++) {
      const node = potential[(offset + i) % n]!;
      const r = this.selectVictimsOnNode(state.clone(), pod, node.clone(), pdbs);
      if ("status" in r) {
        results.set(node.name, r.status);
        continue;
      }
      (r.pdbViolations === 0 ? nonViolating : violating).push(r);
      if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
    }
    return [...nonViolating, ...violating];
  }

  /** SelectVictimsOnNode, on copies of the cycle state and the node. */
  selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo, pdbs: readonly PodDisruptionBudget[]): Candidate | { status: Status } {
    const now = this.clock;
    const potential = node.pods.filter((p) => p.priority < pod.priority);
    if (potential.length === 0) return { status: NO_VICTIMS };
    for (const p of potential) {
      node.removePod(p);
      this.host.removePod(state, pod, p, node);
    }
    const fits = this.host.runFilters(state, pod, node);
    if (fits) return { status: fits };
    potential.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    const { violating, nonViolating } = splitByPDB(potential, pdbs);
    const victims: PodInfo[] = [];
    const reprieve = (p: PodInfo): boolean => {
      node.addPod(p);
      this.host.addPod(state, pod, p, node);
      if (this.host.runFilters(state, pod, node) === null) return true;
      node.removePod(p);
      this.host.removePod(state, pod, p, node);
      victims.push(p);
      return false;
    };
    let violations = 0;
    for (const p of violating) if (!reprieve(p)) violations++;
    for (const p of nonViolating) reprieve(p);
    if (violating.length > 0 && nonViolating.length > 0) {
      victims.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    }
    if (victims.length === 0) return { status: status("Error", `expected at least one victim pod on node "${node.name}"`) };
    return { node: node.name, victims, pdbViolations: violations };
  }
}

/** pickOneNodeForPreemption with the default criteria. */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], clock: PreemptionClock): Candidate {
  const scoreFns: Array<(c: Candidate) => number> = [
    (c) => -c.pdbViolations,
    (c) => -c.victims[0]!.priority,
    // Each priority is shifted by MaxInt32+1 so negative priorities do not favour more victims.
    (c) => -c.victims.reduce((s, p) => s + p.priority + 2 ** 31, 0),
    (c) => -c.victims.length,
    // The earliest start among the highest-priority victims; a later one is preferred.
    (c) => {
      const top = c.victims[0]!.priority;
      let earliest = Infinity;
      for (const v of c.victims) {
        if (v.priority !== top) continue;
        const t = startTime(v, clock);
        if (t < earliest) earliest = t;
      }
      return earliest;
    },
  ];
  let pool = [...candidates];
  for (const f of scoreFns) {
    let best = -Infinity;
    let selected: Candidate[] = [];
    for (const c of pool) {
      const s = f(c);
      if (s > best) { best = s; selected = [c]; } else if (s === best) selected.push(c);
    }
    if (selected.length === 1) return selected[0]!;
    pool = selected;
  }
  return pool[0]!;
}
