import {
  Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore,
  type NodeMouseHandler, type OnMove, type Node as FlowNode,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { t } from "../i18n";
import { useApp } from "../state/store";
import type { CanvasView } from "../state/layout";
import { FarContext, setGlideAllowed } from "./flip";
import { idOfRef, refOfId } from "./ids";
import { ContextMenu, OpenMenuContext, type MenuRequest } from "./menu/ContextMenu";
import { minimapClass } from "./minimap";
import { usePrefersReducedMotion } from "./motion";
import { nodeTypes } from "./nodes/registry";
import { fitZoom } from "./layout/cluster-layout";
import { FIT_MARGIN, useCanvasLayout, type CanvasSize } from "./use-canvas-layout";
import "./canvas.css";

/** The cluster on a pannable, zoomable canvas: zones, nodes and pods, or the workloads that own them. */
export function ClusterCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

/** Room around the picture for the panels drawn over the canvas (view switch, legend, minimap). */
const FIT_PADDING_TOP = 56;
const FIT = { padding: { top: `${FIT_PADDING_TOP}px`, bottom: "52px", left: "20px", right: "20px" }, maxZoom: 1.15 } as const;
const MINIMAP_SIZE = { width: 150, height: 96 } as const;
const MINIMAP_BELOW_ZOOM = 0.4;
/**
 * Below this zoom a pod's text is too small to read: pods are drawn as plain coloured tiles and do
 * not animate their moves. A thousand pods then cost the browser a thousand rectangles, not a
 * thousand small documents.
 */
const FAR_BELOW_ZOOM = 0.45;
/** Following a growing cluster re-fits at most this often (wall ms). */
const REFIT_EVERY_MS = 400;
/**
 * While playing, a re-fit leaves this much room to grow (the zoom is this share of the exact fit),
 * and the view is left alone while the picture still fits: each zoom jump repaints every pod, so a
 * cluster growing pod by pod should not re-fit on every few pods.
 */
const PLAYING_HEADROOM = 0.85;

function CanvasInner() {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<CanvasSize>({ width: 0, height: 0 });
  const reduced = usePrefersReducedMotion();
  // Far away, removed pods do not fade out as ghosts: hundreds of fading tiles in a rollout would
  // each be an element to style and lay out, for a change too small to see (last frame's zoom).
  const wasFar = useRef(false);
  const { layout, nodes, edges, view } = useCanvasLayout(size, !reduced && !wasFar.current);
  const select = useApp((s) => s.select);
  const loads = useApp((s) => s.cluster.loads);
  const snapshots = useApp((s) => s.cluster.snapshots);
  const empty = useApp((s) => s.cluster.seq !== null) && nodes.length <= 1;
  const flow = useReactFlow();
  /** Follow the cluster as it grows until the learner pans or zooms; Fit turns following back on. */
  const follow = useRef(true);
  const [following, setFollowing] = useState(true);
  const zoom = useStore((s) => s.transform[2]);
  // The overview earns its room once the picture is larger than the canvas (zoomed in, or a big cluster).
  const showMinimap = !following || zoom < MINIMAP_BELOW_ZOOM;
  // While following, the zoom the next fit will land on decides at once: a cluster growing past
  // the threshold never has its thousand pods built as tiles first.
  const fitted = fitZoom(layout, size.width - FIT_MARGIN.x, size.height - FIT_MARGIN.y);
  const far = (following ? Math.min(zoom, fitted) : zoom) < FAR_BELOW_ZOOM;
  wasFar.current = far;
  setGlideAllowed(!reduced && !far);
  const setFollow = useCallback((on: boolean) => {
    follow.current = on;
    setFollowing(on);
  }, []);

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
  const playing = useApp((s) => s.playback.playing);
  const lastRefit = useRef(0);
  const refitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A new scenario or another view: start over from the whole picture.
  useEffect(() => {
    setFollow(true);
    fit(false);
  }, [loads, view, fit, setFollow]);

  // The picture grew or shrank (pods added, nodes gone, the canvas resized). While playing, the
  // zoom jumps rather than glides (a zoom animation repaints every pod on every frame), and at
  // most every REFIT_EVERY_MS.
  useEffect(() => {
    if (!follow.current) return;
    clearTimeout(refitTimer.current);
    const wait = lastRefit.current + REFIT_EVERY_MS - performance.now();
    refitTimer.current = setTimeout(() => {
      if (!follow.current) return;
      lastRefit.current = performance.now();
      if (!playing) return fit(true);
      const exact = Math.min(FIT.maxZoom, fitZoom(layout, size.width - FIT_MARGIN.x, size.height - FIT_MARGIN.y));
      const v = flow.getViewport();
      const fits = v.x >= 0 && v.y >= 0 && v.x + layout.width * v.zoom <= size.width && v.y + layout.height * v.zoom <= size.height;
      if (fits && v.zoom >= exact * PLAYING_HEADROOM * 0.8) return;
      const zoom = exact * PLAYING_HEADROOM;
      void flow.setViewport({
        x: (size.width - layout.width * zoom) / 2,
        y: FIT_PADDING_TOP + (size.height - FIT_MARGIN.y - layout.height * zoom) / 2,
        zoom,
      });
    }, Math.max(0, wait));
    return () => clearTimeout(refitTimer.current);
  }, [layout, size.width, size.height, fit, flow, playing]);

  const onNodeClick: NodeMouseHandler = useCallback((_, node) => select(refOfId(node.id)), [select]);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const openMenu = useCallback((req: MenuRequest) => {
    select(req.ref);
    setMenu(req);
  }, [select]);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback((e: React.MouseEvent, node: FlowNode) => {
    const ref = refOfId(node.id);
    e.preventDefault();
    if (ref) openMenu({ ref, x: e.clientX, y: e.clientY });
  }, [openMenu]);
  // The keyboard's way in (the Menu key, Shift+F10): the selection's menu, at the selection.
  const menuRequest = useApp((s) => s.menuRequest);
  const selection = useApp((s) => s.selection);
  useEffect(() => {
    if (!menuRequest || !selection || !box.current) return;
    const id = idOfRef(selection);
    const el = selection.kind === "Pod"
      ? box.current.querySelector(`.kp-pod[data-pod="${CSS.escape(selection.name)}"][data-ns="${CSS.escape(selection.namespace ?? "default")}"]`)
      : box.current.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const r = (el ?? box.current).getBoundingClientRect();
    setMenu({ ref: selection, x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(r.height, 40) });
  }, [menuRequest]); // eslint-disable-line react-hooks/exhaustive-deps
  const onMove: OnMove = useCallback((event) => {
    // Moves the canvas makes itself come without a user event; a click is no move at all.
    if (event && follow.current) setFollow(false);
  }, [setFollow]);

  return (
    <div className={`kp-canvas${far ? " is-far" : ""}`} ref={box} data-testid="canvas" data-view={view} data-snapshots={snapshots} data-pods={layout.pods} data-running={layout.running}>
      <OpenMenuContext.Provider value={openMenu}>
      <FarContext.Provider value={far}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={(e) => { e.preventDefault(); closeMenu(); }}
        onPaneClick={() => select(null)}
        onMove={onMove}
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
        <Controls showInteractive={false} fitViewOptions={FIT} onFitView={() => { setFollow(true); fit(true); }} position="top-right" orientation="horizontal" />
        {showMinimap && <MiniMap pannable zoomable position="bottom-right" style={MINIMAP_SIZE} nodeClassName={minimapClass} nodeStrokeWidth={0} className="kp-minimap" ariaLabel={t("canvas.minimap")} />}
      </ReactFlow>
      </FarContext.Provider>
      </OpenMenuContext.Provider>
      <ContextMenu request={menu} onClose={closeMenu} bounds={menu ? box.current?.getBoundingClientRect() : undefined} />
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
  { tone: "unknown", label: "Unknown" },
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
