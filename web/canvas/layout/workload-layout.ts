/**
 * The workload view: one row per workload, read left to right as ownership goes. The workload's
 * card, then its ReplicaSets (newest first) or Jobs, then each one's Pods in a box; a StatefulSet,
 * DaemonSet or lone Job owns its Pods' box directly. Pods keep their canvas ids, so switching views
 * moves each pod from its node to its owner.
 */
import type { WorkloadModel } from "../model/cluster-model";
import type { PodSetView } from "../model/workloads";
import { WORKLOAD, gridCell, gridColumns, gridHeight, gridWidth } from "./geometry";
import { countRunning } from "./cluster-layout";
import type { CanvasEdge, CanvasItem, CanvasLayout, WorkloadData } from "./types";

const BOX_PAD = 10;

/** A card's data: the set's own fields only (its pod list changes identity every frame). */
function card(s: PodSetView, top: boolean, childCount: number): WorkloadData {
  return { id: s.id, kind: s.kind, name: s.name, namespace: s.namespace, ready: s.ready, desired: s.desired, detail: s.detail, top, childCount };
}

function largestPodSet(model: WorkloadModel): number {
  let most = 0;
  for (const w of model.workloads) {
    most = Math.max(most, w.pods.length);
    for (const c of w.children) most = Math.max(most, c.pods.length);
  }
  return most;
}

/** Lays the workloads out with `cols` pod columns per box (default: by the largest box). */
export function workloadLayout(model: WorkloadModel, cols = gridColumns(largestPodSet(model), 3, 8)): CanvasLayout {
  const items: CanvasItem[] = [];
  const edges: CanvasEdge[] = [];
  const boxW = gridWidth(cols) + 2 * BOX_PAD;
  const boxH = (n: number) => Math.max(WORKLOAD.h, gridHeight(n, cols) + 2 * BOX_PAD);
  const col1 = WORKLOAD.w + WORKLOAD.colGap;
  const col2 = col1 + WORKLOAD.w + WORKLOAD.colGap;

  /** A box of pods at (x, y) owned by `owner`; returns its height. */
  const podBox = (set: PodSetView, owner: string, x: number, y: number): number => {
    const pods = set.pods.filter((id) => model.pods.has(id));
    const h = boxH(pods.length);
    const id = `podset:${set.id}`;
    const slots = pods.map((pid, i) => ({ view: model.pods.get(pid)!, ...gridCell(i, cols, BOX_PAD, BOX_PAD) }));
    items.push({ type: "podset", id, x, y, w: boxW, h, data: { count: pods.length, slots } });
    edges.push({ id: `${owner}->${id}`, source: owner, target: id, kind: "owner" });
    return h;
  };

  let y = 0;
  for (const w of model.workloads) {
    items.push({ type: "workload", id: w.id, x: 0, y, w: WORKLOAD.w, h: WORKLOAD.h, data: card(w, true, w.children.length) });
    let rowH: number = WORKLOAD.h;
    if (w.children.length > 0) {
      let cy = y;
      for (const c of w.children) {
        items.push({ type: "workload", id: c.id, x: col1, y: cy, w: WORKLOAD.w, h: WORKLOAD.h, data: card(c, false, 0) });
        edges.push({ id: `${w.id}->${c.id}`, source: w.id, target: c.id, kind: "owner" });
        const h = c.pods.length > 0 ? Math.max(WORKLOAD.h, podBox(c, c.id, col2, cy)) : WORKLOAD.h;
        cy += h + WORKLOAD.gap;
      }
      rowH = cy - WORKLOAD.gap - y;
    } else {
      rowH = Math.max(rowH, podBox(w, w.id, col2, y));
    }
    y += rowH + WORKLOAD.rowGap;
  }
  const height = Math.max(0, y - WORKLOAD.rowGap);
  return { items, edges, width: col2 + boxW, height, pods: model.pods.size, running: countRunning(model.pods.values()) };
}

/** Pod columns per box that let the layout fill a `w` × `h` viewport at the largest zoom. */
export function bestWorkloadColumns(model: WorkloadModel, w: number, h: number, maxZoom = 1.15): number {
  const most = Math.max(1, largestPodSet(model));
  let best = gridColumns(most, 3, 8);
  if (w <= 0 || h <= 0) return best;
  let bestZoom = 0;
  for (let cols = 2; cols <= Math.min(10, Math.max(2, most)); cols++) {
    const l = workloadLayout(model, cols);
    const zoom = Math.min(maxZoom, w / l.width, h / l.height);
    if (zoom > bestZoom * 1.04) {
      bestZoom = zoom;
      best = cols;
    }
  }
  return best;
}
