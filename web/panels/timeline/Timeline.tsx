import { useEngine } from "../../engine/context";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { SPEEDS, formatVirtualTime } from "./timeline";

/** Play / pause, step one engine event, playback speed, and the virtual clock. */
export function Timeline() {
  const engine = useEngine();
  const ready = useApp((s) => s.engine.state === "ready" && s.cluster.seq !== null);
  const { playing, speed } = useApp((s) => s.playback);
  const time = useApp((s) => s.cluster.time);
  const next = useApp((s) => s.cluster.nextEventTime);
  const lastStep = useApp((s) => s.cluster.lastStep);
  const seq = useApp((s) => s.cluster.seq);

  return (
    <section className="card timeline" aria-label={t("timeline.time.label")} data-seq={seq ?? ""}>
      <div className="controls">
        <button
          type="button"
          className="btn btn-primary btn-icon"
          disabled={!ready}
          onClick={() => (playing ? engine.pause() : engine.play())}
          aria-label={playing ? t("timeline.pause") : t("timeline.play")}
          data-testid="play-pause"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span>{playing ? t("timeline.pause") : t("timeline.play")}</span>
        </button>
        <button type="button" className="btn btn-icon" disabled={!ready} onClick={() => engine.step()} title={t("timeline.step.title")} data-testid="step">
          <StepIcon />
          <span>{t("timeline.step")}</span>
        </button>
        <label className="speed">
          <span>{t("timeline.speed")}</span>
          <select value={speed} onChange={(e) => engine.setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{t("timeline.speed.option", { speed: s })}</option>)}
          </select>
        </label>
      </div>
      <div className="clock">
        <output className="clock-time" data-testid="virtual-time" aria-label={t("timeline.time.label")}>
          {t("timeline.time", { time: formatVirtualTime(time) })}
        </output>
        <span className="clock-next">
          {next === undefined ? t("timeline.idle") : t("timeline.nextEvent", { time: t("timeline.time", { time: formatVirtualTime(next) }) })}
        </span>
      </div>
      <div className="last-step">
        <span className="last-step-label">{t("timeline.lastStep")}</span>
        {lastStep ? (
          <>
            <code data-testid="last-step">{lastStep.label}</code>
            <span className="last-step-time">{t("timeline.stepAt", { time: t("timeline.time", { time: formatVirtualTime(lastStep.time) }) })}</span>
          </>
        ) : (
          <span className="last-step-none">{t("timeline.noStep")}</span>
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
