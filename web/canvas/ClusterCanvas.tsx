import {
  Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow,
  type NodeMouseHandler, type OnMoveStart,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { t } from "../i18n";
import { useApp } from "../state/store";
import type { CanvasView } from "../state/layout";
import { refOfId } from "./ids";
import { minimapClass } from "./minimap";
import { usePrefersReducedMotion } from "./motion";
import { nodeTypes } from "./nodes/registry";
import { useCanvasLayout, type CanvasSize } from "./use-canvas-layout";
import "./canvas.css";

/** The cluster on a pannable, zoomable canvas: zones, nodes and pods, or the workloads that own them. */
export function ClusterCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

const FIT = { padding: 0.06, maxZoom: 1.15 } as const;

function CanvasInner() {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<CanvasSize>({ width: 0, height: 0 });
  const reduced = usePrefersReducedMotion();
  const { layout, nodes, edges, view } = useCanvasLayout(size, !reduced);
  const select = useApp((s) => s.select);
  const loads = useApp((s) => s.cluster.loads);
  const empty = useApp((s) => s.cluster.seq !== null) && nodes.length <= 1;
  const flow = useReactFlow();
  /** Follow the cluster as it grows until the learner pans or zooms; Fit turns following back on. */
  const follow = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const fit = useCallback((animate: boolean) => {
    requestAnimationFrame(() => void flow.fitView({ ...FIT, duration: animate && !reduced ? 350 : 0 }));
  }, [flow, reduced]);

  // A new scenario or another view: start over from the whole picture.
  useEffect(() => {
    follow.current = true;
    fit(false);
  }, [loads, view, fit]);

  // The picture grew or shrank (pods added, nodes gone, the canvas resized).
  useEffect(() => {
    if (follow.current) fit(true);
  }, [layout.width, layout.height, size.width, size.height, fit]);

  const onNodeClick: NodeMouseHandler = useCallback((_, node) => select(refOfId(node.id)), [select]);
  const onMoveStart: OnMoveStart = useCallback((event) => {
    // Moves the canvas makes itself come without a user event.
    if (event) follow.current = false;
  }, []);

  return (
    <div className="kp-canvas" ref={box} data-testid="canvas" data-view={view}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => select(null)}
        onMoveStart={onMoveStart}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        // Space belongs to the editor and the play/pause shortcut, not to panning.
        panActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomActivationKeyCode={null}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} className="kp-background" />
        <Panel position="top-left">
          <ViewSwitch view={view} />
        </Panel>
        <Panel position="bottom-left" className="kp-legend-panel">
          <Legend />
        </Panel>
        <Controls showInteractive={false} fitViewOptions={FIT} onFitView={() => { follow.current = true; fit(true); }} position="bottom-right" />
        <MiniMap pannable zoomable nodeClassName={minimapClass} nodeStrokeWidth={0} className="kp-minimap" ariaLabel={t("canvas.minimap")} />
      </ReactFlow>
      {empty && <div className="kp-canvas-empty">{t("canvas.empty")}</div>}
    </div>
  );
}

const VIEWS: ReadonlyArray<{ id: CanvasView; label: "canvas.view.cluster" | "canvas.view.workloads" }> = [
  { id: "cluster", label: "canvas.view.cluster" },
  { id: "workloads", label: "canvas.view.workloads" },
];

function ViewSwitch({ view }: { view: CanvasView }) {
  const setView = useApp((s) => s.setCanvasView);
  return (
    <div className="kp-segmented" role="tablist" aria-label={t("canvas.view.label")}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          className={view === v.id ? "is-active" : ""}
          onClick={() => setView(v.id)}
          data-testid={`canvas-view-${v.id}`}
        >
          {t(v.label)}
        </button>
      ))}
    </div>
  );
}

const LEGEND = [
  { tone: "ok", label: "Running" },
  { tone: "progress", label: "Pending" },
  { tone: "done", label: "Completed" },
  { tone: "warning", label: "NotReady" },
  { tone: "error", label: "Error" },
] as const;

/** kubectl's own words for the colours, as a learner will read them in `kubectl get pods`. */
function Legend() {
  return (
    <ul className="kp-legend" aria-label={t("canvas.legend")}>
      {LEGEND.map((l) => (
        <li key={l.tone}><i className={`kp-legend-dot tone-${l.tone}`} />{l.label}</li>
      ))}
    </ul>
  );
}
