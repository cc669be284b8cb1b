/**
 * How a Node and its zone read on the canvas: what its pods request against its allocatable CPU,
 * memory and pod count (as the scheduler counts them: podRequests, non-terminal pods), and the
 * marks a learner looks for: NotReady, cordoned (SchedulingDisabled), taints.
 */
import type { Stored } from "../../../src/api/types";
import { cpuMillis, memoryBytes } from "../../../src/api/quantity";
import { podRequests } from "../../../src/scheduler/resources";

/** The well-known zone label (kubernetes.io/docs/reference/labels-annotations-taints). */
export const ZONE_LABEL = "topology.kubernetes.io/zone";

export type Usage = {
  used: number;
  allocatable: number;
};

export type NodeView = {
  id: string;
  name: string;
  zone: string;
  /** Milli-CPU requested by the node's pods, against allocatable. */
  cpu: Usage;
  /** Bytes requested, against allocatable. */
  memory: Usage;
  pods: Usage;
  ready: boolean;
  /**
   * kubectl's STATUS word for the Ready condition: "Ready", "NotReady" (False or Unknown), or
   * "Unknown" while the node has no Ready condition yet (its kubelet has not reported).
   */
  readiness: "Ready" | "NotReady" | "Unknown";
  /** spec.unschedulable: `kubectl get nodes` shows "SchedulingDisabled". */
  cordoned: boolean;
  /** "key=value:Effect" (value omitted when empty), as `kubectl describe node` lists them. */
  taints: string;
};

export function nodeId(name: string): string {
  return `Node/${name}`;
}

export function zoneOf(node: Stored<"Node">): string {
  return node.metadata.labels?.[ZONE_LABEL] ?? "";
}

function quantity(list: Record<string, unknown> | undefined, key: string): string | number | undefined {
  const v = list?.[key];
  return typeof v === "string" || typeof v === "number" ? v : undefined;
}

function isTerminal(pod: Stored<"Pod">): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** The node as the canvas shows it, given the pods bound to it. */
export function nodeView(node: Stored<"Node">, pods: readonly Stored<"Pod">[]): NodeView {
  const alloc = (node.status?.allocatable ?? node.status?.capacity) as Record<string, unknown> | undefined;
  let cpu = 0;
  let memory = 0;
  let count = 0;
  for (const p of pods) {
    if (isTerminal(p)) continue;
    const r = podRequests(p);
    cpu += r.cpu;
    memory += r.memory;
    count++;
  }
  const readyCond = node.status?.conditions?.find((c) => c.type === "Ready");
  const ready = readyCond?.status === "True";
  const readiness = !readyCond ? "Unknown" : ready ? "Ready" : "NotReady";
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`).join(", ");
  return {
    id: nodeId(node.metadata.name),
    name: node.metadata.name,
    zone: zoneOf(node),
    cpu: { used: cpu, allocatable: cpuMillis(quantity(alloc, "cpu")) },
    memory: { used: memory, allocatable: memoryBytes(quantity(alloc, "memory")) },
    pods: { used: count, allocatable: Number(quantity(alloc, "pods") ?? 0) || 0 },
    ready,
    readiness,
    cordoned: node.spec?.unschedulable === true,
    taints,
  };
}

export function sameNodeView(a: NodeView, b: NodeView): boolean {
  return a.id === b.id && a.name === b.name && a.zone === b.zone && a.ready === b.ready && a.readiness === b.readiness && a.cordoned === b.cordoned && a.taints === b.taints
    && a.cpu.used === b.cpu.used && a.cpu.allocatable === b.cpu.allocatable
    && a.memory.used === b.memory.used && a.memory.allocatable === b.memory.allocatable
    && a.pods.used === b.pods.used && a.pods.allocatable === b.pods.allocatable;
}

/** "1.5 / 4" CPU cores, "640Mi / 16Gi" memory: short, in the units manifests use. */
export function formatCpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  if (milli < 1000) return `${milli}m`;
  return (milli / 1000).toFixed(milli % 100 === 0 ? 1 : 2);
}

export function formatBytes(bytes: number): string {
  const units = ["", "Ki", "Mi", "Gi", "Ti"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const text = Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 1 : 0);
  return `${text}${units[i]}`;
}
