/**
 * Turns a layout into React Flow nodes and edges, reusing the previous objects when nothing about
 * them changed: React Flow re-renders a node only when its object is new, so a frame in which ten
 * pods changed re-renders the few containers drawing them, whatever the size of the cluster.
 */
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import { POD } from "./layout/geometry";
import { isPodContainer, type CanvasEdge, type CanvasItem, type CanvasItemType } from "./layout/types";

/** Stacking: backdrops under cards, edges over backdrops, ghosts on top. */
const Z: Record<CanvasItemType, number> = { zone: 0, queue: 1, machine: 1, podset: 1, service: 3, ingress: 3, workload: 3, ghost: 4 };
export const EDGE_Z = 2;

export type FlowNode = Node<CanvasItem["data"], CanvasItemType>;

/**
 * Where edges attach, declared rather than measured: the middle of the left (in) and right (out)
 * sides, and for a node card one handle per pod (an endpoint edge ends at the pod it names).
 */
const IN: ReadonlySet<CanvasItemType> = new Set(["machine", "service", "workload", "podset"]);
const OUT: ReadonlySet<CanvasItemType> = new Set(["service", "ingress", "workload"]);

function handles(it: CanvasItem): NodeHandle[] {
  const out: NodeHandle[] = [];
  if (IN.has(it.type)) out.push({ type: "target", position: Position.Left, x: 0, y: it.h / 2, width: 1, height: 1 });
  if (OUT.has(it.type)) out.push({ type: "source", position: Position.Right, x: it.w - 1, y: it.h / 2, width: 1, height: 1 });
  if (it.type === "machine") {
    for (const s of it.data.slots) out.push({ id: s.view.id, type: "target", position: Position.Left, x: s.x, y: s.y + POD.h / 2, width: 1, height: 1 });
  }
  return out;
}

/** Equal for rendering: same keys with identical values; arrays and plain objects compared by their parts. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

export interface FlowOptions {
  /** Canvas id of the selected object, if any (a container or a pod drawn in one). */
  selected: string | null;
}

/** The item's data as drawn: a container learns which of its pods is selected. */
function drawnData(it: CanvasItem, selected: string | null): CanvasItem["data"] {
  if (!isPodContainer(it) || selected === null || !selected.startsWith("Pod/")) return it.data;
  return it.data.slots.some((s) => s.view.id === selected) ? { ...it.data, selected } : it.data;
}

export class FlowCache {
  private nodes = new Map<string, FlowNode>();
  private edges = new Map<string, Edge>();
  private lastNodes: FlowNode[] = [];
  private lastEdges: Edge[] = [];

  toNodes(items: readonly CanvasItem[], opts: FlowOptions): FlowNode[] {
    const next = new Map<string, FlowNode>();
    const out: FlowNode[] = [];
    for (const it of items) {
      const className = it.id === opts.selected ? "is-selected" : "";
      const data = drawnData(it, opts.selected);
      const old = this.nodes.get(it.id);
      const sameContent = !!old && sameData(old.data, data);
      let node: FlowNode;
      if (old && sameContent && old.type === it.type && old.position.x === it.x && old.position.y === it.y && old.width === it.w && old.height === it.h
        && (old.className ?? "") === className) {
        node = old;
      } else {
        node = {
          id: it.id,
          type: it.type,
          position: { x: it.x, y: it.y },
          width: it.w,
          height: it.h,
          // Sizes and handles are known from the layout: React Flow need not measure the DOM
          // (a changed node would otherwise be hidden until measured, and fitting would wait).
          measured: { width: it.w, height: it.h },
          handles: handles(it),
          // Keep the old data object when only the position moved: the component need not re-render.
          data: old && sameContent ? old.data : data,
          zIndex: Z[it.type],
          draggable: false,
          selectable: false,
          connectable: false,
          focusable: it.type === "machine" || it.type === "service" || it.type === "ingress" || it.type === "workload",
          ...(className ? { className } : {}),
        };
      }
      next.set(it.id, node);
      out.push(node);
    }
    this.nodes = next;
    // Nothing changed: the same array, so React Flow has nothing to adopt.
    if (out.length === this.lastNodes.length && out.every((n, i) => n === this.lastNodes[i])) return this.lastNodes;
    this.lastNodes = out;
    return out;
  }

  toEdges(edges: readonly CanvasEdge[], opts: FlowOptions): Edge[] {
    const next = new Map<string, Edge>();
    const out: Edge[] = [];
    for (const e of edges) {
      const active = opts.selected !== null && (e.source === opts.selected || e.target === opts.selected || e.targetHandle === opts.selected);
      const className = `kp-edge kp-edge-${e.kind}${active ? " is-active" : ""}`;
      const old = this.edges.get(e.id);
      const edge: Edge = old && old.source === e.source && old.target === e.target && (old.targetHandle ?? undefined) === e.targetHandle && old.className === className
        ? old
        : { id: e.id, source: e.source, target: e.target, ...(e.targetHandle ? { targetHandle: e.targetHandle } : {}), className, zIndex: EDGE_Z, selectable: false, focusable: false };
      next.set(e.id, edge);
      out.push(edge);
    }
    this.edges = next;
    if (out.length === this.lastEdges.length && out.every((e, i) => e === this.lastEdges[i])) return this.lastEdges;
    this.lastEdges = out;
    return out;
  }
}
