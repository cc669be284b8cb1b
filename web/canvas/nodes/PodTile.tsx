import { memo, useContext, useLayoutEffect, useRef, type MouseEvent } from "react";
import { t } from "../../i18n";
import type { SelectedRef } from "../../state/selection";
import { FarContext, glide } from "../flip";
import { OpenMenuContext, type MenuRequest } from "../menu/ContextMenu";
import { POD } from "../layout/geometry";
import type { PodSlot } from "../layout/types";
import type { PodView } from "../model/pods";
import { containerDots, shortName } from "./display";
import { paintPods, palette } from "./pod-paint";

/**
 * A Pod: kubectl STATUS colours it; READY, restarts and one dot per container under its name.
 * Drawn by its container at (x, y) inside it; (ox, oy) is the container's place on the canvas.
 */
export const PodTile = memo(function PodTile({ view, x, y, ox, oy, selected, ghost }: { view: PodView; x: number; y: number; ox: number; oy: number; selected: boolean; ghost?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!ghost) glide(el.current, view.id, ox + x, oy + y);
  }, [view.id, ox, oy, x, y, ghost]);
  const cls = [
    "kp-pod",
    `tone-${view.tone}`,
    view.terminating ? "is-terminating" : "",
    view.finished ? "is-finished" : "",
    view.probeFailing ? "is-probe-failing" : "",
    view.unschedulable ? "is-unschedulable" : "",
    selected ? "is-selected" : "",
    ghost ? "is-ghost" : "",
  ].filter(Boolean).join(" ");
  const dots = containerDots(view.containers);
  return (
    <div
      ref={el}
      className={cls}
      style={{ left: x, top: y }}
      data-pod={view.name}
      data-ns={view.namespace}
      data-status={view.status}
      data-unknown={view.unknown || undefined}
      data-bound={view.nodeName}
      title={view.unknown
        ? t("canvas.pod.unknownTitle", { pod: `${view.namespace}/${view.name}`, node: view.nodeName, status: view.status, ready: view.ready })
        : `${view.namespace}/${view.name} · ${view.status} · ${view.ready}`}
    >
      <div className="kp-pod-name">{shortName(view.name)}</div>
      <div className="kp-pod-line">
        <span className="kp-pod-status">{view.unknown ? "Unknown" : view.status}</span>
        <span className="kp-pod-ready">{view.ready}</span>
        {view.restarts > 0 && (
          <span key={view.restarts} className="kp-pod-restarts" title={t("canvas.pod.restarts", { count: view.restarts })}>↻{view.restarts}</span>
        )}
        <span className="kp-pod-dots" aria-hidden="true">
          {dots.map((d, i) => <i key={i} className={`kp-dot kp-dot-${d.kind} kp-dot-${d.state}`} />)}
        </span>
      </div>
    </div>
  );
});

/**
 * A container's pods. Near, each is a tile of its own; far away (text too small to read) they are
 * painted on one <canvas>, a thousand pods costing a few hundred microseconds instead of a
 * thousand elements to style and lay out. Clicks select the pod under the pointer either way.
 */
export function PodGrid({ slots, selected, ox, oy, w, h, onSelect }: { slots: readonly PodSlot[]; selected: string | undefined; ox: number; oy: number; w: number; h: number; onSelect(ref: SelectedRef): void }) {
  const far = useContext(FarContext);
  const openMenu = useContext(OpenMenuContext);
  if (far) return <PodCanvas slots={slots} selected={selected} w={w} h={h} onSelect={onSelect} onMenu={openMenu} />;
  const onClick = (e: MouseEvent) => {
    const tile = (e.target as HTMLElement).closest<HTMLElement>(".kp-pod[data-pod]");
    if (!tile) return;
    // The pod, not the node card around it.
    e.stopPropagation();
    onSelect({ kind: "Pod", namespace: tile.dataset.ns ?? "default", name: tile.dataset.pod ?? "" });
  };
  const onContextMenu = (e: MouseEvent) => {
    const tile = (e.target as HTMLElement).closest<HTMLElement>(".kp-pod[data-pod]");
    if (!tile) return;
    e.preventDefault();
    e.stopPropagation();
    openMenu({ ref: { kind: "Pod", namespace: tile.dataset.ns ?? "default", name: tile.dataset.pod ?? "" }, x: e.clientX, y: e.clientY });
  };
  return (
    <div className="kp-pods" onClick={onClick} onContextMenu={onContextMenu}>
      {slots.map((s) => <PodTile key={s.view.id} view={s.view} x={s.x} y={s.y} ox={ox} oy={oy} selected={s.view.id === selected} />)}
    </div>
  );
}

/** Canvas pixels per layout unit of the far-away painting: tiles are small on screen by then. */
const FAR_SCALE = 0.35;

/** Paints the pods of a container `w` × `h` canvas pixels large (sizes from the layout: nothing is measured). */
function PodCanvas({ slots, selected, w, h, onSelect, onMenu }: { slots: readonly PodSlot[]; selected: string | undefined; w: number; h: number; onSelect(ref: SelectedRef): void; onMenu(req: MenuRequest): void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pw = Math.max(1, Math.ceil(w * FAR_SCALE));
    const ph = Math.max(1, Math.ceil(h * FAR_SCALE));
    if (el.width !== pw) el.width = pw;
    if (el.height !== ph) el.height = ph;
    const ctx = el.getContext("2d");
    if (ctx) paintPods(ctx, slots, palette(el), FAR_SCALE, selected);
  }, [slots, selected, w, h]);
  /** The pod under the pointer. */
  const hitAt = (e: MouseEvent<HTMLCanvasElement>): SelectedRef | undefined => {
    const r = e.currentTarget.getBoundingClientRect();
    // Layout units under the pointer (the canvas is scaled with the view).
    const x = ((e.clientX - r.left) / r.width) * w;
    const y = ((e.clientY - r.top) / r.height) * h;
    const hit = slots.find((s) => x >= s.x && x <= s.x + POD.w && y >= s.y && y <= s.y + POD.h);
    return hit ? { kind: "Pod", namespace: hit.view.namespace, name: hit.view.name } : undefined;
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = hitAt(e);
    if (!hit) return;
    e.stopPropagation();
    onSelect(hit);
  };
  const onContextMenu = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = hitAt(e);
    if (!hit) return;
    e.preventDefault();
    e.stopPropagation();
    onMenu({ ref: hit, x: e.clientX, y: e.clientY });
  };
  return <canvas ref={ref} className="kp-pods-canvas" onClick={onClick} onContextMenu={onContextMenu} aria-hidden="true" />;
}
