/**
 * Turns a layout into React Flow nodes and edges, reusing the previous objects when nothing about
 * them changed: React Flow re-renders a node only when its object is new, so a frame in which ten
 * pods changed renders ten pod components, whatever the size of the cluster.
 */
import type { Edge, Node } from "@xyflow/react";
import type { CanvasEdge, CanvasItem, CanvasItemType } from "./layout/types";

/** Stacking: backdrops under cards, edges over backdrops, pods on top. */
const Z: Record<CanvasItemType, number> = { zone: 0, queue: 0, machine: 1, podset: 1, service: 3, ingress: 3, workload: 3, pod: 4 };
export const EDGE_Z = 2;

export type FlowNode = Node<CanvasItem["data"], CanvasItemType>;

/** Equal for rendering: same keys with identical values (arrays compared element by element). */
export function sameData(a: object, b: object): boolean {
  if (a === b) return true;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    if (typeof x === "object" && x !== null && typeof y === "object" && y !== null && !Array.isArray(x) && sameData(x, y)) continue;
    return false;
  }
  return true;
}

export interface FlowOptions {
  /** Canvas id of the selected item, if any. */
  selected: string | null;
}

export class FlowCache {
  private nodes = new Map<string, FlowNode>();
  private edges = new Map<string, Edge>();

  toNodes(items: readonly CanvasItem[], opts: FlowOptions): FlowNode[] {
    const next = new Map<string, FlowNode>();
    const out: FlowNode[] = [];
    for (const it of items) {
      const className = it.id === opts.selected ? "is-selected" : "";
      const old = this.nodes.get(it.id);
      let node: FlowNode;
      if (old && old.type === it.type && old.position.x === it.x && old.position.y === it.y && old.width === it.w && old.height === it.h
        && (old.className ?? "") === className && sameData(old.data, it.data)) {
        node = old;
      } else {
        node = {
          id: it.id,
          type: it.type,
          position: { x: it.x, y: it.y },
          width: it.w,
          height: it.h,
          // Keep the old data object when only the position moved: the component need not re-render.
          data: old && sameData(old.data, it.data) ? old.data : it.data,
          zIndex: Z[it.type],
          draggable: false,
          selectable: false,
          connectable: false,
          focusable: it.type !== "zone" && it.type !== "queue" && it.type !== "podset",
          ...(className ? { className } : {}),
        };
      }
      next.set(it.id, node);
      out.push(node);
    }
    this.nodes = next;
    return out;
  }

  toEdges(edges: readonly CanvasEdge[], opts: FlowOptions): Edge[] {
    const next = new Map<string, Edge>();
    const out: Edge[] = [];
    for (const e of edges) {
      const active = opts.selected !== null && (e.source === opts.selected || e.target === opts.selected);
      const className = `kp-edge kp-edge-${e.kind}${active ? " is-active" : ""}`;
      const old = this.edges.get(e.id);
      const edge = old && old.source === e.source && old.target === e.target && old.className === className
        ? old
        : { id: e.id, source: e.source, target: e.target, className, zIndex: EDGE_Z, selectable: false, focusable: false };
      next.set(e.id, edge);
      out.push(edge);
    }
    this.edges = next;
    return out;
  }
}
