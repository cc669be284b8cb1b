import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { binMarkers, formatTick, formatVirtualTime, scrubberEnd, ticks, timeAt } from "./timeline";
import { useSeek } from "./use-seek";

const BINS = 240;

/**
 * The scrubber over virtual time: event marks (warnings in red), the part of the timeline already
 * run (up to the horizon: seeking there replays exactly), the clock's position. Dragging seeks;
 * arrow keys move by a second (Shift: ten).
 */
export function Scrubber({ disabled }: { disabled: boolean }) {
  const time = useApp((s) => s.cluster.time);
  const horizon = useApp((s) => s.cluster.horizon);
  const markers = useApp((s) => s.cluster.markers);
  const seeking = useApp((s) => s.seeking);
  const seek = useSeek();
  const track = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);

  // The end only grows while dragging, so the track does not rescale under the pointer.
  const endRef = useRef(10);
  const end = dragging ? endRef.current : scrubberEnd(horizon, time);
  endRef.current = end;
  const bins = useMemo(() => binMarkers(markers, end, BINS), [markers, end]);
  const peak = Math.max(1, ...bins.normal.map((n, i) => n + bins.warning[i]!));
  const shown = seeking ?? time;
  const pct = (x: number) => `${(Math.min(1, Math.max(0, x / end)) * 100).toFixed(3)}%`;

  const at = (e: PointerEvent) => {
    const r = track.current!.getBoundingClientRect();
    return timeAt((e.clientX - r.left) / r.width, end);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (disabled || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
    seek.seek(at(e));
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    setHover(at(e));
    if (dragging) seek.seek(at(e));
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    setDragging(false);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const step = e.shiftKey ? 10 : 1;
    const to = e.key === "ArrowLeft" ? shown - step : e.key === "ArrowRight" ? shown + step : e.key === "Home" ? 0 : e.key === "End" ? horizon : null;
    if (to === null) return;
    e.preventDefault();
    // The global → shortcut steps the engine; inside the scrubber the arrows move the clock.
    e.stopPropagation();
    seek.seek(Math.min(end, Math.max(0, to)));
  };

  return (
    <div className={`kp-scrubber${disabled ? " is-disabled" : ""}${dragging ? " is-dragging" : ""}`}>
      <div
        ref={track}
        className="kp-scrub-track"
        role="slider"
        tabIndex={disabled ? -1 : 0}
        aria-label={t("timeline.scrubber")}
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={Math.round(shown * 10) / 10}
        aria-valuetext={formatVirtualTime(shown)}
        aria-disabled={disabled}
        data-testid="scrubber"
        data-end={end}
        data-horizon={horizon}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKey}
      >
        <div className="kp-scrub-known" style={{ width: pct(horizon) }} />
        <div className="kp-scrub-done" style={{ width: pct(shown) }} />
        <svg className="kp-scrub-marks" viewBox={`0 0 ${BINS} 20`} preserveAspectRatio="none" aria-hidden="true">
          {bins.normal.map((n, i) => {
            const w = bins.warning[i]!;
            if (n + w === 0) return null;
            const h = 4 + 14 * (Math.log1p(n + w) / Math.log1p(peak));
            return <rect key={i} x={i + 0.1} width={0.8} y={20 - h} height={h} className={w > 0 ? "is-warning" : ""} />;
          })}
        </svg>
        <div className="kp-scrub-thumb" style={{ left: pct(shown) }} />
        {hover !== null && !dragging && (
          <div className="kp-scrub-hover" style={{ left: pct(hover) }}><span>{formatVirtualTime(hover)}</span></div>
        )}
      </div>
      <div className="kp-scrub-ticks" aria-hidden="true">
        {ticks(end).map((x) => <span key={x} style={{ left: pct(x) }}>{formatTick(x)}</span>)}
      </div>
    </div>
  );
}
