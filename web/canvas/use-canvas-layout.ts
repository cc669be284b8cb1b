/**
 * The canvas's data pipeline, from the store to React Flow: cluster mirror → view model (cached
 * per object) → layout (plain .ts) → ghosts of removed pods → React Flow nodes and edges (cached
 * per item). Each stage runs only when its inputs changed.
 */
import { useEffect, useMemo, useReducer, useRef } from "react";
import { useApp } from "../state/store";
import { useRedrawnCluster } from "./redraw";
import { FlowCache } from "./flow";
import { forgetPlaces } from "./flip";
import { GhostTracker } from "./ghosts";
import { podBoxes } from "./layout/boxes";
import { idOfRef } from "./ids";
import { bestShape, clusterLayout, type ClusterShape } from "./layout/cluster-layout";
import { LayoutMemory } from "./layout/memory";
import type { CanvasLayout } from "./layout/types";
import { bestWorkloadColumns, workloadLayout } from "./layout/workload-layout";
import { clusterModel, ModelCache, workloadModel, type ClusterModel } from "./model/cluster-model";

export interface CanvasSize {
  width: number;
  height: number;
}

/** Canvas pixels the fit leaves around the picture (see FIT in ClusterCanvas): not for the layout. */
export const FIT_MARGIN = { x: 40, y: 108 };

/** What decides the arrangement: zones, their nodes and the fullest node, not every pod change. */
function shapeKey(m: ClusterModel): string {
  let most = 0;
  for (const l of m.podsOnNode.values()) most = Math.max(most, l.length);
  // Doublings only: the shape is chosen again when a node has twice the pods, not at every pod.
  const scale = most === 0 ? 0 : Math.ceil(Math.log2(most + 1));
  return `${m.zones.map((z) => z.nodes.length).join(",")}|${scale}|${m.services.length}|${m.ingresses.length}`;
}

export function useCanvasLayout(size: CanvasSize, fade: boolean) {
  const podCount = useRef(0);
  const { objects, events, time, snapshots } = useRedrawnCluster(podCount.current);
  const view = useApp((s) => s.layout.canvasView);
  const selection = useApp((s) => s.selection);

  const models = useRef(new ModelCache());
  const memory = useRef(new LayoutMemory());
  const memorySnapshots = useRef(snapshots);
  const flow = useRef(new FlowCache());
  const ghosts = useRef(new GhostTracker());
  const lastSnapshots = useRef(snapshots);
  const shapeRef = useRef<{ key: string; size: string; value: ClusterShape }>({ key: "", size: "", value: { arrangement: "columns", cols: 2 } });
  const colsRef = useRef<{ key: string; size: string; value: number }>({ key: "", size: "", value: 3 });
  const [tick, rerender] = useReducer((x: number) => x + 1, 0);

  const layout: CanvasLayout = useMemo(() => {
    const w = size.width - FIT_MARGIN.x;
    const h = size.height - FIT_MARGIN.y;
    const sizeKey = `${Math.round(size.width / 40)}x${Math.round(size.height / 40)}`;
    if (view === "workloads") {
      const model = workloadModel(objects, events, time, models.current);
      const key = `${model.workloads.map((x) => `${x.pods.length}:${x.children.map((c) => c.pods.length).join(",")}`).join(";")}`;
      const c = colsRef.current;
      if (c.key !== key || c.size !== sizeKey) colsRef.current = { key, size: sizeKey, value: bestWorkloadColumns(model, w, h) };
      return workloadLayout(model, colsRef.current.value);
    }
    // A snapshot (load, seek) draws the picture afresh, as it would be drawn at that instant.
    if (memorySnapshots.current !== snapshots) {
      memorySnapshots.current = snapshots;
      memory.current.forget();
      forgetPlaces();
    }
    const model = clusterModel(objects, events, time, models.current);
    const key = shapeKey(model);
    const a = shapeRef.current;
    if (a.key !== key || a.size !== sizeKey) shapeRef.current = { key, size: sizeKey, value: bestShape(model, w, h) };
    return clusterLayout(model, shapeRef.current.value, memory.current);
  }, [objects, events, time, view, size.width, size.height, snapshots]);

  // A snapshot (load, seek) replaces the world: pods that vanish then are not "deleted", so no ghosts.
  const fromSnapshot = lastSnapshots.current !== snapshots;
  lastSnapshots.current = snapshots;
  // Recomputed on a new layout and when a ghost's time is up (tick).
  const ghostItems = useMemo(
    () => ghosts.current.update(podBoxes(layout), performance.now(), fade && !fromSnapshot),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fromSnapshot and fade are read at layout time
    [layout, tick],
  );

  const expiry = ghosts.current.nextExpiry();
  useEffect(() => {
    if (expiry === undefined) return;
    const timer = setTimeout(rerender, Math.max(0, expiry - performance.now()) + 16);
    return () => clearTimeout(timer);
  }, [expiry]);

  const selected = selection ? idOfRef(selection) : null;
  const nodes = useMemo(
    () => flow.current.toNodes(ghostItems.length > 0 ? [...layout.items, ...ghostItems] : layout.items, { selected }),
    [layout, ghostItems, selected],
  );
  const edges = useMemo(() => flow.current.toEdges(layout.edges, { selected }), [layout, selected]);
  podCount.current = layout.pods;
  return { layout, nodes, edges, view };
}
