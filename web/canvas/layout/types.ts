/**
 * What a layout produces: boxes in canvas coordinates, each with the data its node component
 * renders, and edges between them. Plain data: the canvas turns it into React Flow nodes.
 */
import type { ClusterModel, ZoneView } from "../model/cluster-model";
import type { IngressView, ServiceView } from "../model/network";
import type { NodeView } from "../model/nodes";
import type { PodView } from "../model/pods";
import type { PodSetView } from "../model/workloads";

/**
 * A pod drawn inside a container (a node card, the queue lane, a workload's pod box), its top-left
 * at (x, y) in the container. Pods are not canvas nodes of their own: a thousand of them would
 * make a thousand nodes for the canvas library to track; a container draws its pods itself.
 */
export type PodSlot = { view: PodView; x: number; y: number };

/** A container's pods; `selected` names the selected pod when it is one of them. */
export type PodGridData = { slots: readonly PodSlot[]; selected?: string };

export type ZoneData = { name: string; nodeCount: number; podCount: number };
export type QueueData = PodGridData & { count: number; unschedulable: number };
export type MachineData = NodeView & PodGridData;
export type PodSetData = PodGridData & { count: number };
export type WorkloadData = Omit<PodSetView, "pods"> & { top: boolean; childCount: number };

/** Canvas item kinds, each drawn by its own node component (web/canvas/nodes/). */
export type CanvasItem =
  | Box<"zone", ZoneData>
  | Box<"machine", MachineData>
  | Box<"queue", QueueData>
  | Box<"service", ServiceView>
  | Box<"ingress", IngressView>
  | Box<"workload", WorkloadData>
  | Box<"podset", PodSetData>
  /** A pod just removed, fading where it was (web/canvas/ghosts.ts). */
  | Box<"ghost", PodView>;

/** Items that draw pods. */
export type PodContainer = Extract<CanvasItem, { data: PodGridData }>;

export function isPodContainer(it: CanvasItem): it is PodContainer {
  return it.type === "machine" || it.type === "queue" || it.type === "podset";
}

export type Box<T extends string, D> = { type: T; id: string; x: number; y: number; w: number; h: number; data: D };

export type CanvasItemType = CanvasItem["type"];

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /** A pod inside the target container (its handle), for an edge that ends at one pod. */
  targetHandle?: string;
  /** endpoint: Service → ready Pod; backend: Ingress → Service; owner: controller → what it owns. */
  kind: "endpoint" | "backend" | "owner";
}

export interface CanvasLayout {
  items: CanvasItem[];
  edges: CanvasEdge[];
  width: number;
  height: number;
  /** Pods drawn, and how many of them read Running (for tests and benchmarks to watch). */
  pods: number;
  running: number;
}

export type { ClusterModel, ZoneView };
