import { useEngine } from "../../engine/context";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { Scrubber } from "./Scrubber";
import { SPEEDS, formatVirtualTime } from "./timeline";
import "./timeline.css";

/**
 * The timeline bar: play / pause, step one engine event, step to the next change of the selected
 * object, speed, the virtual clock and the scrubber.
 */
export function Timeline() {
  const engine = useEngine();
  const ready = useApp((s) => s.engine.state === "ready" && s.cluster.seq !== null);
  const { playing, speed } = useApp((s) => s.playback);
  const time = useApp((s) => s.cluster.time);
  const seeking = useApp((s) => s.seeking);
  const next = useApp((s) => s.cluster.nextEventTime);
  const lastStep = useApp((s) => s.cluster.lastStep);
  const seq = useApp((s) => s.cluster.seq);
  const selection = useApp((s) => s.selection);
  const speeds: readonly number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);

  return (
    <section className="timeline kp-timeline" aria-label={t("timeline.label")} data-seq={seq ?? ""}>
      <div className="kp-tl-controls">
        <button
          type="button"
          className="btn btn-primary kp-tl-play"
          disabled={!ready}
          onClick={() => (playing ? engine.pause() : engine.play())}
          aria-label={playing ? t("timeline.pause") : t("timeline.play")}
          title={t(playing ? "timeline.pause.title" : "timeline.play.title")}
          data-testid="play-pause"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span>{playing ? t("timeline.pause") : t("timeline.play")}</span>
        </button>
        <button type="button" className="btn kp-tl-btn" disabled={!ready} onClick={() => engine.step()} title={t("timeline.step.title")} data-testid="step">
          <StepIcon />
          <span>{t("timeline.step")}</span>
        </button>
        <button
          type="button"
          className="btn kp-tl-btn"
          disabled={!ready || !selection}
          onClick={() => selection && engine.stepToChange(selection)}
          title={selection ? t("timeline.nextChange.title", { name: selection.name }) : t("timeline.nextChange.none")}
          data-testid="step-to-change"
        >
          <NextChangeIcon />
          <span>{t("timeline.nextChange")}</span>
        </button>
        <label className="kp-tl-speed" title={t("timeline.speed.title")}>
          <span className="kp-tl-speed-label">{t("timeline.speed")}</span>
          <select value={speed} onChange={(e) => engine.setSpeed(Number(e.target.value))} data-testid="speed">
            {speeds.map((s) => <option key={s} value={s}>{t("timeline.speed.option", { speed: s })}</option>)}
          </select>
        </label>
      </div>
      <div className="kp-tl-clock">
        <output className="kp-tl-time" data-testid="virtual-time" aria-label={t("timeline.time.label")}>
          {t("timeline.time", { time: formatVirtualTime(seeking ?? time) })}
        </output>
        <span className="kp-tl-next">
          {seeking !== null ? t("timeline.seeking") : next === undefined ? t("timeline.idle") : t("timeline.nextEvent", { time: formatVirtualTime(next) })}
        </span>
      </div>
      <Scrubber disabled={!ready} />
      <div className="kp-tl-step" aria-live="polite">
        <span className="kp-tl-step-label">{t("timeline.lastStep")}</span>
        {lastStep ? (
          <>
            <code data-testid="last-step">{lastStep.label}</code>
            <span className="kp-tl-step-time">{t("timeline.stepAt", { time: t("timeline.time", { time: formatVirtualTime(lastStep.time) }) })}</span>
          </>
        ) : (
          <span className="kp-tl-step-none">{t("timeline.noStep")}</span>
        )}
      </div>
    </section>
  );
}

function PlayIcon() {
  return <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>;
}

function PauseIcon() {
  return <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" /></svg>;
}

function StepIcon() {
  return <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z" fill="currentColor" /></svg>;
}

function NextChangeIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2 3v10l6-5z" fill="currentColor" />
      <circle cx="12" cy="8" r="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
