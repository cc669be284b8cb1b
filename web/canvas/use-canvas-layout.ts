/**
 * The canvas's data pipeline, from the store to React Flow: cluster mirror → view model (cached
 * per object) → layout (plain .ts) → ghosts of removed pods → React Flow nodes and edges (cached
 * per item). Each stage runs only when its inputs changed.
 */
import { useEffect, useMemo, useReducer, useRef } from "react";
import { useApp } from "../state/store";
import { FlowCache } from "./flow";
import { GhostTracker } from "./ghosts";
import { idOfRef } from "./ids";
import { bestArrangement, clusterLayout, type Arrangement } from "./layout/cluster-layout";
import type { CanvasLayout } from "./layout/types";
import { workloadLayout } from "./layout/workload-layout";
import { clusterModel, ModelCache, workloadModel, type ClusterModel } from "./model/cluster-model";

export interface CanvasSize {
  width: number;
  height: number;
}

/** What decides the arrangement: zones, their nodes and the fullest node, not every pod change. */
function shapeKey(m: ClusterModel): string {
  let most = 0;
  for (const l of m.podsOnNode.values()) most = Math.max(most, l.length);
  return `${m.zones.map((z) => z.nodes.length).join(",")}|${most}|${m.queue.length > 0}|${m.services.length}|${m.ingresses.length}`;
}

export function useCanvasLayout(size: CanvasSize, fade: boolean) {
  const objects = useApp((s) => s.cluster.objects);
  const events = useApp((s) => s.cluster.events);
  const time = useApp((s) => s.cluster.time);
  const snapshots = useApp((s) => s.cluster.snapshots);
  const view = useApp((s) => s.layout.canvasView);
  const selection = useApp((s) => s.selection);

  const models = useRef(new ModelCache());
  const flow = useRef(new FlowCache());
  const ghosts = useRef(new GhostTracker());
  const lastSnapshots = useRef(snapshots);
  const arrangementRef = useRef<{ key: string; size: string; value: Arrangement }>({ key: "", size: "", value: "columns" });
  const [tick, rerender] = useReducer((x: number) => x + 1, 0);

  const layout: CanvasLayout = useMemo(() => {
    if (view === "workloads") return workloadLayout(workloadModel(objects, events, time, models.current));
    const model = clusterModel(objects, events, time, models.current);
    const key = shapeKey(model);
    const sizeKey = `${Math.round(size.width / 40)}x${Math.round(size.height / 40)}`;
    const a = arrangementRef.current;
    if (a.key !== key || a.size !== sizeKey) arrangementRef.current = { key, size: sizeKey, value: bestArrangement(model, size.width, size.height) };
    return clusterLayout(model, arrangementRef.current.value);
  }, [objects, events, time, view, size.width, size.height]);

  // A snapshot (load, seek) replaces the world: pods that vanish then are not "deleted", so no ghosts.
  const fromSnapshot = lastSnapshots.current !== snapshots;
  lastSnapshots.current = snapshots;
  // Recomputed on a new layout and when a ghost's time is up (tick).
  const ghostItems = useMemo(
    () => ghosts.current.update(layout.items, performance.now(), fade && !fromSnapshot),
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
  return { layout, nodes, edges, view };
}
