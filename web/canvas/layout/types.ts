/**
 * What a layout produces: boxes in canvas coordinates, each with the data its node component
 * renders, and edges between them. Plain data: the canvas turns it into React Flow nodes.
 */
import type { ClusterModel, ZoneView } from "../model/cluster-model";
import type { IngressView, ServiceView } from "../model/network";
import type { NodeView } from "../model/nodes";
import type { PodView } from "../model/pods";
import type { PodSetView } from "../model/workloads";

export type ZoneData = { name: string; nodeCount: number; podCount: number };
export type QueueData = { count: number; unschedulable: number };
export type PodSetData = { count: number };
export type WorkloadData = Omit<PodSetView, "pods"> & { top: boolean; childCount: number };
export type LoneData = { count: number };

/** Canvas item kinds, each drawn by its own node component (web/canvas/nodes/). */
export type CanvasItem =
  | Box<"zone", ZoneData>
  | Box<"machine", NodeView>
  | Box<"queue", QueueData>
  | Box<"pod", PodView>
  | Box<"service", ServiceView>
  | Box<"ingress", IngressView>
  | Box<"workload", WorkloadData>
  | Box<"podset", PodSetData>;

export type Box<T extends string, D> = { type: T; id: string; x: number; y: number; w: number; h: number; data: D };

export type CanvasItemType = CanvasItem["type"];

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /** endpoint: Service → ready Pod; backend: Ingress → Service; owner: controller → what it owns. */
  kind: "endpoint" | "backend" | "owner";
}

export interface CanvasLayout {
  items: CanvasItem[];
  edges: CanvasEdge[];
  width: number;
  height: number;
}

export type { ClusterModel, ZoneView };
