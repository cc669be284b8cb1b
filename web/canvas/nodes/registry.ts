/**
 * The canvas's node types, registered by name (the `type` of each layout item). React Flow wants
 * this object to keep its identity across renders: it is a module constant.
 */
import type { NodeTypes } from "@xyflow/react";
import type { CanvasItemType } from "../layout/types";
import { IngressNode, ServiceNode, WorkloadNode } from "./CardNodes";
import { GhostNode, PodSetNode, QueueNode, ZoneNode } from "./GroupNodes";
import { MachineNode } from "./MachineNode";

export const nodeTypes = {
  zone: ZoneNode,
  queue: QueueNode,
  machine: MachineNode,
  ghost: GhostNode,
  service: ServiceNode,
  ingress: IngressNode,
  workload: WorkloadNode,
  podset: PodSetNode,
} satisfies Record<CanvasItemType, NodeTypes[string]>;
