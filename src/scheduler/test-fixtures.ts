/**
 * Builders for the scheduler's unit tests: stored-looking nodes and pods, and a cache holding them,
 * so a plugin can be run as the framework would (PreFilter then Filter, PreScore then Score).
 */
import type { Container, Node, Pod, PodSpec, Taint } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import { SchedulerCache } from "./cache";
import type { NodeInfo } from "./node-info";
import { PodInfo } from "./pod-info";
import { CycleState, isNodeNames, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin, type Status } from "./types";

let uid = 0;

function stored<T extends { metadata?: { name?: string; namespace?: string; uid?: string } }>(o: T, kind: string): T & { kind: never; metadata: { name: string; uid: string } } {
  const meta = { ...(o.metadata ?? {}), name: o.metadata?.name ?? `obj-${uid}`, uid: o.metadata?.uid ?? `uid-${++uid}` };
  return Object.freeze({ ...o, kind, metadata: meta }) as never;
}

export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: Array<{ names: string[]; sizeBytes: number }>;
  extra?: Record<string, string>;
}

export function node(name: string, o: NodeOpts = {}): Stored<"Node"> {
  const alloc: Record<string, string> = { cpu: o.cpu ?? "4", memory: o.memory ?? "32Gi", pods: o.pods ?? "110", ...(o.extra ?? {}) };
  const n: Node = {
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: alloc, allocatable: alloc, ...(o.images ? { images: o.images } : {}) },
  };
  return stored(n, "Node") as unknown as Stored<"Node">;
}

export interface PodOpts {
  namespace?: string;
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  containers?: Container[];
  initContainers?: Container[];
  spec?: Partial<PodSpec>;
  nodeName?: string;
  priority?: number;
  deleting?: boolean;
  startTime?: string;
}

export function pod(name: string, o: PodOpts = {}): Stored<"Pod"> {
  const containers = o.containers ?? [{ name: "c", image: "pause", ...(o.requests ? { resources: { requests: o.requests } } : {}) }];
  const p: Pod = {
    metadata: {
      name, namespace: o.namespace ?? "default", ...(o.labels ? { labels: o.labels } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
    },
    spec: {
      containers,
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.spec ?? {}),
    },
    ...(o.startTime ? { status: { startTime: o.startTime } } : {}),
  };
  return stored(p, "Pod") as unknown as Stored<"Pod">;
}

export const info = (p: Stored<"Pod">): PodInfo => new PodInfo(p);

/** A cache holding `nodes` and the pods (bound with spec.nodeName) of `pods`. */
export function cluster(nodes: Stored<"Node">[], pods: Stored<"Pod">[] = [], namespaces: Record<string, Record<string, string>> = { default: {} }): SchedulerCache {
  const cache = new SchedulerCache({ services: () => [], replicaSet: () => undefined, statefulSet: () => undefined });
  for (const [ns, labels] of Object.entries(namespaces)) cache.setNamespace(ns, labels);
  for (const n of nodes) cache.addNode(n);
  for (const p of pods) cache.setAssignedPod(info(p), p.spec!.nodeName!);
  return cache;
}

/** PreFilter (if any) then Filter on every node: node name → status (null = fits), or the PreFilter status. */
export function runFilter(plugin: FilterPlugin & Partial<PreFilterPlugin>, cache: SchedulerCache, p: PodInfo): { pre: Status | null; byNode: Record<string, Status | null> } {
  const state = new CycleState();
  const nodes = cache.list();
  const out: Record<string, Status | null> = {};
  if (plugin.preFilter) {
    const pre = plugin.preFilter(state, p, nodes);
    if (pre !== null && !isNodeNames(pre)) {
      if (pre.code !== "Skip") return { pre, byNode: out };
      state.skipFilter.add(plugin.name);
    }
  }
  for (const n of nodes) out[n.name] = state.skipFilter.has(plugin.name) ? null : plugin.filter(state, p, n);
  return { pre: null, byNode: out };
}

/** PreScore (if any), Score and NormalizeScore over `nodes`: node name → [raw, normalized]; undefined when skipped. */
export function runScore(plugin: ScorePlugin & Partial<PreScorePlugin>, p: PodInfo, nodes: readonly NodeInfo[]): Record<string, [number, number]> | undefined {
  const state = new CycleState();
  if (plugin.preScore) {
    const s = plugin.preScore(state, p, nodes);
    if (s?.code === "Skip") return undefined;
  }
  const raw = nodes.map((n) => plugin.score(state, p, n));
  if (plugin.scoreAll) {
    // The batch path must agree with Score node by node.
    const batch = new Array<number>(nodes.length);
    plugin.scoreAll(state, p, nodes, batch);
    if (JSON.stringify(batch) !== JSON.stringify(raw)) throw new Error(`${plugin.name}.scoreAll ${JSON.stringify(batch)} ≠ score ${JSON.stringify(raw)}`);
  }
  const normalized = raw.slice();
  plugin.normalize?.(state, p, normalized, nodes);
  return Object.fromEntries(nodes.map((n, i) => [n.name, [raw[i]!, normalized[i]!]]));
}

/** The reasons of a status, or "fits". */
export const verdict = (s: Status | null | undefined): string => (s ? `${s.code}: ${s.reasons.join(", ")}` : "fits");
