import { useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { useEngine } from "../engine/context";
import { t } from "../i18n";
import { appStore, useApp } from "../state/store";
import { popTrail, presentKey, pushTrail, reasonChoices } from "./present";
import { presentStore, setPresenting, type Predict } from "./present-store";
import { seekBefore, stepUntilEvent } from "./predict";

const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable=true], .monaco-editor, [data-own-keys]";

/**
 * Instructor mode's controls: the remote's keys (forward steps one engine event, back returns to
 * the previous position), a laser dot that follows the pointer, and "predict, then run".
 */
export function PresentOverlay() {
  const engine = useEngine();
  const laser = useStore(presentStore, (s) => s.laser);
  const predict = useStore(presentStore, (s) => s.predict);
  const events = useApp((s) => s.cluster.events);
  const [reason, setReason] = useState<string>("");
  const [dot, setDot] = useState<{ x: number; y: number } | null>(null);
  const cancelled = useRef(false);
  const reasons = useMemo(() => reasonChoices(events.map((e) => e.reason)), [events]);

  useEffect(() => {
    cancelled.current = false;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as Element | null;
      const typing = !!target?.closest?.(TYPING);
      const action = presentKey(e.key, typing);
      if (!action) return;
      // The page's own shortcuts (→ steps) must not run a second time.
      e.preventDefault();
      e.stopImmediatePropagation();
      const s = presentStore.getState();
      switch (action) {
        case "exit":
          setPresenting(false);
          return;
        case "laser":
          presentStore.setState({ laser: !s.laser });
          return;
        case "forward":
          presentStore.setState({ trail: pushTrail(s.trail, appStore.getState().cluster.time) });
          engine.step();
          return;
        case "back": {
          const r = popTrail(s.trail);
          presentStore.setState({ trail: r.trail });
          if (r.time !== undefined) engine.seek(r.time);
          return;
        }
        default: {
          const never: never = action;
          return never;
        }
      }
    };
    // Capture phase: ahead of the page's shortcut handler on window.
    window.addEventListener("keydown", onKey, true);
    return () => {
      cancelled.current = true;
      window.removeEventListener("keydown", onKey, true);
    };
  }, [engine]);

  useEffect(() => {
    if (!laser) return;
    const move = (e: PointerEvent) => setDot({ x: e.clientX, y: e.clientY });
    window.addEventListener("pointermove", move);
    return () => window.removeEventListener("pointermove", move);
  }, [laser]);

  const setPredict = (p: Predict) => presentStore.setState({ predict: p });

  const arm = async () => {
    const chosen = reason || undefined;
    if (appStore.getState().playback.playing) engine.pause();
    setPredict({ phase: "running", reason: chosen });
    const hit = await stepUntilEvent(engine, appStore, chosen, () => cancelled.current);
    if (cancelled.current) return;
    if (!hit) {
      setPredict({ phase: "none", reason: chosen });
      return;
    }
    await seekBefore(engine, appStore, hit.time);
    setPredict({ phase: "asking", event: hit });
  };

  const reveal = async (p: Extract<Predict, { phase: "asking" }>) => {
    const hit = await stepUntilEvent(engine, appStore, p.event.reason, () => cancelled.current);
    setPredict({ phase: "revealed", event: hit ?? p.event });
  };

  return (
    <>
      <div className="kp-present-bar" role="toolbar" aria-label={t("present.enter")} data-testid="present-bar">
        <span className="kp-present-keys">{t("present.keys")}</span>
        <button type="button" className={`btn btn-sm${laser ? " is-on" : ""}`} aria-pressed={laser} title={t("present.laser.title")} onClick={() => presentStore.setState({ laser: !laser })} data-testid="present-laser">
          {t("present.laser")}
        </button>
        <span className="kp-present-predict" title={t("present.predict.title")}>
          <b>{t("present.predict")}</b>
          <label>
            <span className="kp-visually-hidden">{t("present.predict.reason")}</span>
            <select value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t("present.predict.reason")} data-testid="predict-reason">
              <option value="">{t("present.predict.any")}</option>
              {reasons.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          <button type="button" className="btn btn-sm btn-primary" onClick={() => void arm()} disabled={predict.phase === "running"} data-testid="predict-arm">
            {t("present.predict.arm")}
          </button>
        </span>
      </div>
      {predict.phase !== "idle" && <PredictCard predict={predict} onReveal={reveal} onClose={() => setPredict({ phase: "idle" })} />}
      {laser && dot && <div className="kp-laser" style={{ left: dot.x, top: dot.y }} aria-hidden="true" data-testid="laser" />}
    </>
  );
}

function PredictCard({ predict, onReveal, onClose }: { predict: Predict; onReveal(p: Extract<Predict, { phase: "asking" }>): void; onClose(): void }) {
  return (
    <div className="kp-predict" role="dialog" aria-live="polite" data-testid="predict-card" data-phase={predict.phase}>
      {predict.phase === "running" && <p>{t("present.predict.waiting", { reason: predict.reason ?? t("present.predict.any") })}</p>}
      {predict.phase === "none" && (
        <>
          <p>{t("present.predict.none", { seconds: 900 })}</p>
          <button type="button" className="btn btn-sm" onClick={onClose}>{t("present.predict.close")}</button>
        </>
      )}
      {predict.phase === "asking" && (
        <>
          <h2>{t("present.predict.ask")}</h2>
          <p>{t("present.predict.hint", { object: `${predict.event.involvedObject.kind.toLowerCase()}/${predict.event.involvedObject.name}` })}</p>
          <button type="button" className="btn btn-primary" onClick={() => onReveal(predict)} data-testid="predict-reveal">{t("present.predict.reveal")}</button>
        </>
      )}
      {predict.phase === "revealed" && (
        <>
          <p>{t("present.predict.revealed")}</p>
          <p className="kp-predict-event" data-testid="predict-event">
            <span className={`event-type ${predict.event.type === "Warning" ? "event-warning" : "event-normal"}`}>{predict.event.type}</span>{" "}
            <b>{predict.event.reason}</b> <code>{predict.event.involvedObject.kind.toLowerCase()}/{predict.event.involvedObject.name}</code>
            <br />
            {predict.event.message}
          </p>
          <button type="button" className="btn btn-sm" onClick={onClose} data-testid="predict-close">{t("present.predict.close")}</button>
        </>
      )}
    </div>
  );
}
