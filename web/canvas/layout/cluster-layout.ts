/**
 * The cluster view: the scheduling queue on top, zones below it (each a labelled group of its
 * Nodes, each Node with its Pods in a grid), Ingresses and Services in columns on the left with
 * edges to their backends and ready endpoints. Zones sit side by side ("columns") or stacked
 * ("rows"); `bestShape` picks the arrangement and pod columns that fill the canvas at the largest zoom.
 */
import type { ClusterModel } from "../model/cluster-model";
import { LayoutMemory } from "./memory";
import type { PodView } from "../model/pods";
import { MACHINE, POD, QUEUE, SERVICE, ZONE, gridCell, gridColumns, gridHeight, gridWidth } from "./geometry";
import type { CanvasEdge, CanvasItem, CanvasLayout, PodSlot } from "./types";

export type Arrangement = "columns" | "rows";

/** A Service with more ready endpoints than this gets one edge per Node hosting them instead. */
export const MAX_ENDPOINT_EDGES = 60;

/**
 * How the picture is arranged. "columns": zones in a grid of `zoneCols` columns (all side by side
 * by default), each zone's nodes stacked; "rows": zones stacked, each zone's nodes side by side.
 * `cols` pod columns per node; Services and Ingresses on the left or in a row on top.
 */
export interface ClusterShape {
  arrangement: Arrangement;
  cols: number;
  zoneCols?: number;
  network?: "left" | "top";
}

function mostPodsOnANode(model: ClusterModel): number {
  let most = 0;
  for (const list of model.podsOnNode.values()) most = Math.max(most, list.length);
  return most;
}

/**
 * Lays the cluster out. With a `memory` (the canvas keeps one), pods keep their arrival order and
 * boxes their room from frame to frame; without, pods are in name order and boxes fit exactly.
 */
export function clusterLayout(model: ClusterModel, shape: Arrangement | ClusterShape, memory?: LayoutMemory): CanvasLayout {
  const items: CanvasItem[] = [];
  const edges: CanvasEdge[] = [];
  const arrangement = typeof shape === "string" ? shape : shape.arrangement;
  const cols = typeof shape === "string" ? gridColumns(mostPodsOnANode(model)) : shape.cols;
  const zoneCols = arrangement === "rows" ? 1 : Math.max(1, Math.min(model.zones.length, (typeof shape === "string" ? undefined : shape.zoneCols) ?? model.zones.length));
  const networkOnTop = typeof shape !== "string" && shape.network === "top";
  const machineW = gridWidth(cols) + 2 * MACHINE.pad;
  /** The pods of a group by slot (null: a free slot), stable from frame to frame with a memory. */
  const placed = (group: string, pods: readonly PodView[]): Array<PodView | null> => {
    if (!memory) return [...pods];
    const byId = new Map(pods.map((p) => [p.id, p]));
    return memory.slots(group, pods.map((p) => p.id)).map((id) => (id === null ? null : byId.get(id)!));
  };
  const onNode = new Map<string, Array<PodView | null>>();
  for (const z of model.zones) for (const n of z.nodes) onNode.set(n.name, placed(`node/${n.name}`, model.podsOnNode.get(n.name) ?? []));
  // Every node card gets the same height: room for the fullest node's pods.
  let longest = 0;
  for (const list of onNode.values()) longest = Math.max(longest, list.length);
  const neededRows = Math.max(1, Math.ceil(longest / cols));
  const rows = memory ? memory.capacity(`node-rows/${cols}`, neededRows) : neededRows;
  const machineH = (_name: string) => MACHINE.head + gridHeight(rows * cols, cols) + MACHINE.pad;

  // Network: columns on the left, or one row on top.
  const hasIngress = model.ingresses.length > 0;
  const hasServices = model.services.length > 0;
  const netCards = model.ingresses.length + model.services.length;
  const left = networkOnTop ? 0 : (hasIngress ? SERVICE.w + SERVICE.colGap : 0) + (hasServices ? SERVICE.w + SERVICE.colGap : 0);
  const netRowH = networkOnTop && netCards > 0 ? SERVICE.h + QUEUE.gap : 0;

  // Zone boxes, measured first so the queue lane can span them.
  const zoneBoxes = model.zones.map((z) => {
    const heights = z.nodes.map((n) => machineH(n.name));
    if (arrangement === "columns") {
      const inner = heights.reduce((a, h) => a + h, 0) + Math.max(0, heights.length - 1) * MACHINE.gap;
      return { zone: z, heights, w: machineW + 2 * ZONE.pad, h: ZONE.head + inner + ZONE.pad };
    }
    const tallest = Math.max(0, ...heights);
    return { zone: z, heights, w: 2 * ZONE.pad + z.nodes.length * machineW + Math.max(0, z.nodes.length - 1) * MACHINE.gap, h: ZONE.head + tallest + ZONE.pad };
  });
  // Equal boxes read as a grid: zones share the tallest height and the widest width.
  const zoneW = Math.max(0, ...zoneBoxes.map((b) => b.w));
  const zoneH = Math.max(0, ...zoneBoxes.map((b) => b.h));
  const gridCols = Math.min(zoneCols, Math.max(1, zoneBoxes.length));
  const gridRows = Math.ceil(zoneBoxes.length / gridCols);
  const zonesW = gridCols * zoneW + Math.max(0, gridCols - 1) * ZONE.gap;
  const zonesH = gridRows * zoneH + Math.max(0, gridRows - 1) * ZONE.gap;

  // The scheduling queue lane.
  const laneW = Math.max(zonesW, 2 * QUEUE.pad + gridWidth(2));
  const perRow = Math.max(1, Math.floor((laneW - 2 * QUEUE.pad + POD.gap) / (POD.w + POD.gap)));
  const queueSlots = placed("queue", model.queue);
  let queueRows = Math.ceil(queueSlots.length / perRow);
  if (memory) {
    if (model.queue.length === 0) memory.release(`queue/${perRow}`);
    else queueRows = memory.capacity(`queue/${perRow}`, queueRows);
  }
  const laneH = queueRows === 0 ? QUEUE.head + QUEUE.emptyBody : QUEUE.head + gridHeight(queueRows * perRow, perRow) + QUEUE.pad;
  items.push({
    type: "queue", id: "queue", x: left, y: netRowH, w: laneW, h: laneH,
    data: {
      count: model.queue.length,
      unschedulable: model.queue.filter((p) => p.unschedulable).length,
      slots: slots(queueSlots, perRow, QUEUE.pad, QUEUE.head),
    },
  });

  const top = netRowH + laneH + QUEUE.gap;
  zoneBoxes.forEach((b, zi) => {
    const zx = left + (zi % gridCols) * (zoneW + ZONE.gap);
    const zy = top + Math.floor(zi / gridCols) * (zoneH + ZONE.gap);
    const podCount = b.zone.nodes.reduce((a, n) => a + (model.podsOnNode.get(n.name)?.length ?? 0), 0);
    items.push({ type: "zone", id: b.zone.id, x: zx, y: zy, w: zoneW, h: zoneH, data: { name: b.zone.name, nodeCount: b.zone.nodes.length, podCount } });
    let mx = zx + ZONE.pad;
    let my = zy + ZONE.head;
    b.zone.nodes.forEach((n, ni) => {
      const mh = b.heights[ni]!;
      const podSlots = slots(onNode.get(n.name) ?? [], cols, MACHINE.pad, MACHINE.head);
      items.push({ type: "machine", id: n.id, x: mx, y: my, w: machineW, h: mh, data: { ...n, slots: podSlots } });
      if (arrangement === "columns") my += mh + MACHINE.gap;
      else mx += machineW + MACHINE.gap;
    });
  });

  // Services and Ingresses, top-aligned with the zones.
  const podNode = new Map<string, string>();
  for (const [node, list] of model.podsOnNode) for (const p of list) podNode.set(p.id, `Node/${node}`);
  /** Where the i-th network card goes (ingresses first, then services). */
  const netAt = (i: number, column: number): { x: number; y: number } => networkOnTop
    ? { x: i * (SERVICE.w + SERVICE.gap), y: 0 }
    : { x: column * (SERVICE.w + SERVICE.colGap), y: top + i * (SERVICE.h + SERVICE.gap) };
  model.services.forEach((s, i) => {
    const at = netAt(networkOnTop ? model.ingresses.length + i : i, hasIngress ? 1 : 0);
    items.push({ type: "service", id: s.id, x: at.x, y: at.y, w: SERVICE.w, h: SERVICE.h, data: s });
    const targets = s.endpoints.filter((id) => podNode.has(id));
    if (targets.length <= MAX_ENDPOINT_EDGES) {
      for (const t of targets) edges.push({ id: `${s.id}->${t}`, source: s.id, target: podNode.get(t)!, targetHandle: t, kind: "endpoint" });
    } else {
      for (const n of new Set(targets.map((t) => podNode.get(t)).filter((n): n is string => !!n))) {
        edges.push({ id: `${s.id}->${n}`, source: s.id, target: n, kind: "endpoint" });
      }
    }
  });
  const serviceIds = new Set(model.services.map((s) => s.id));
  model.ingresses.forEach((g, i) => {
    const at = netAt(i, 0);
    items.push({ type: "ingress", id: g.id, x: at.x, y: at.y, w: SERVICE.w, h: SERVICE.h, data: g });
    for (const b of g.backends) if (serviceIds.has(b)) edges.push({ id: `${g.id}->${b}`, source: g.id, target: b, kind: "backend" });
  });
  const netH = networkOnTop ? 0 : Math.max(model.services.length, model.ingresses.length) * (SERVICE.h + SERVICE.gap);
  const netW = networkOnTop ? netCards * (SERVICE.w + SERVICE.gap) - SERVICE.gap : 0;

  return { items, edges, width: Math.max(left + laneW, netW), height: Math.max(top + zonesH, top + netH), pods: model.pods.size, running: countRunning(model.pods.values()) };
}

export function countRunning(views: Iterable<PodView>): number {
  let n = 0;
  for (const v of views) if (v.status === "Running") n++;
  return n;
}

/** Pods in a grid of `cols` columns whose top-left is (x, y) inside the container; null cells stay empty. */
function slots(pods: ReadonlyArray<PodView | null>, cols: number, x: number, y: number): PodSlot[] {
  const out: PodSlot[] = [];
  pods.forEach((view, i) => {
    if (view) out.push({ view, ...gridCell(i, cols, x, y) });
  });
  return out;
}

/** The zoom at which a layout fits a viewport of `w` × `h` pixels. */
export function fitZoom(layout: { width: number; height: number }, w: number, h: number): number {
  if (layout.width <= 0 || layout.height <= 0) return 1;
  return Math.min(w / layout.width, h / layout.height);
}

/**
 * The shape whose layout fits a `w` × `h` viewport at the largest zoom: zones side by side, in a
 * grid or stacked; as few pod columns per node as the fullest node needs, or a few more (wider
 * nodes make shorter zones); Services on the left or on top. Ties go to the simpler shape. A big
 * cluster tries fewer shapes (each try lays out every pod).
 */
export function bestShape(model: ClusterModel, w: number, h: number, maxZoom = 1.15): ClusterShape {
  const least = gridColumns(mostPodsOnANode(model));
  let best: ClusterShape = { arrangement: "columns", cols: least };
  if (w <= 0 || h <= 0) return best;
  const big = model.pods.size > 300;
  const zones = Math.max(1, model.zones.length);
  const candidates: ClusterShape[] = [];
  for (const network of model.services.length + model.ingresses.length > 0 ? (["left", "top"] as const) : (["left"] as const)) {
    for (let cols = least; cols <= (big ? least : Math.min(8, least + 3)); cols++) {
      for (let zoneCols = zones; zoneCols >= 1; zoneCols--) candidates.push({ arrangement: "columns", cols, zoneCols, network });
      if (zones > 1) candidates.push({ arrangement: "rows", cols, network });
    }
  }
  let bestZoom = 0;
  for (const c of candidates) {
    const zoom = Math.min(maxZoom, fitZoom(clusterLayout(model, c), w, h));
    if (zoom > bestZoom * 1.04) {
      bestZoom = zoom;
      best = c;
    }
  }
  return best;
}
