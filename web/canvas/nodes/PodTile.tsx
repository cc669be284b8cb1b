import { memo, useContext, useLayoutEffect, useRef, type MouseEvent } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { FarContext, glide } from "../flip";
import type { PodSlot } from "../layout/types";
import type { PodView } from "../model/pods";
import { containerDots, shortName } from "./display";

/**
 * A Pod: kubectl STATUS colours it; READY, restarts and one dot per container under its name.
 * Drawn by its container at (x, y) inside it; (ox, oy) is the container's place on the canvas.
 */
export const PodTile = memo(function PodTile({ view, x, y, ox, oy, selected, ghost }: { view: PodView; x: number; y: number; ox: number; oy: number; selected: boolean; ghost?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  const select = useApp((s) => s.select);
  const far = useContext(FarContext);
  useLayoutEffect(() => {
    if (!ghost) glide(el.current, view.id, ox + x, oy + y);
  }, [view.id, ox, oy, x, y, ghost]);
  const onClick = (e: MouseEvent) => {
    // The pod, not the node card around it.
    e.stopPropagation();
    select({ kind: "Pod", namespace: view.namespace, name: view.name });
  };
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
  const dots = far ? [] : containerDots(view.containers);
  return (
    <div
      ref={el}
      className={cls}
      style={{ left: x, top: y }}
      onClick={ghost ? undefined : onClick}
      data-pod={view.name}
      data-status={view.status}
      data-bound={view.nodeName}
      title={`${view.namespace}/${view.name} · ${view.status} · ${view.ready}`}
    >
      {!far && <div className="kp-pod-name">{shortName(view.name)}</div>}
      {!far && <div className="kp-pod-line">
        <span className="kp-pod-status">{view.status}</span>
        <span className="kp-pod-ready">{view.ready}</span>
        {view.restarts > 0 && (
          <span key={view.restarts} className="kp-pod-restarts" title={t("canvas.pod.restarts", { count: view.restarts })}>↻{view.restarts}</span>
        )}
        <span className="kp-pod-dots" aria-hidden="true">
          {dots.map((d, i) => <i key={i} className={`kp-dot kp-dot-${d.kind} kp-dot-${d.state}`} />)}
        </span>
      </div>}
    </div>
  );
});

/** A container's pods. */
export function PodGrid({ slots, selected, ox, oy }: { slots: readonly PodSlot[]; selected: string | undefined; ox: number; oy: number }) {
  return (
    <>
      {slots.map((s) => <PodTile key={s.view.id} view={s.view} x={s.x} y={s.y} ox={ox} oy={oy} selected={s.view.id === selected} />)}
    </>
  );
}
