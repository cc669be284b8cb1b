import { useEffect, useMemo, useRef, useState } from "react";
import type { Pod } from "kubernetes-types/core/v1";
import { useTheme } from "../app/theme";
import { t } from "../i18n";
import { findObject } from "../panels/details/details";
import { virtualNowMs } from "../panels/pods/pod-rows";
import { useApp } from "../state/store";
import { jobBars, jobGanttDiagram } from "./gantt";
import { podLifecycleDiagram } from "./lifecycle";
import { renderDiagram } from "./render";
import { eventsAround, eventSequenceDiagram, relatedObjects } from "./sequence";
import "./diagrams.css";

type DiagramKind = "state" | "sequence" | "gantt";
const KINDS: readonly DiagramKind[] = ["state", "sequence", "gantt"];
const LABEL = { state: "diagrams.state", sequence: "diagrams.sequence", gantt: "diagrams.gantt" } as const;

/** Mermaid diagrams of the live state: the selected pod's lifecycle, the events around the selection, the Job runs. */
export function DiagramsPanel() {
  const selection = useApp((s) => s.selection);
  const objects = useApp((s) => s.cluster.objects);
  const events = useApp((s) => s.cluster.events);
  const time = useApp((s) => s.cluster.time);
  const epochMs = useApp((s) => s.cluster.epochMs);
  const dark = useTheme() === "dark";
  const [kind, setKind] = useState<DiagramKind>("state");
  const obj = selection ? findObject(objects, selection) : undefined;
  const nowMs = virtualNowMs(epochMs, time);

  const lifecycle = useMemo(() => (obj && obj.kind === "Pod" ? podLifecycleDiagram(obj as Pod, nowMs) : undefined), [obj, nowMs]);
  const around = useMemo(() => (selection ? eventsAround(events, relatedObjects(objects, selection)) : []), [events, objects, selection]);
  const bars = useMemo(() => jobBars(objects, epochMs, time), [objects, epochMs, time]);

  let text: string | undefined;
  let empty: string | undefined;
  if (kind === "state") {
    if (lifecycle) text = lifecycle.text;
    else empty = t("diagrams.empty");
  } else if (kind === "sequence") {
    if (!selection) empty = t("diagrams.empty");
    else if (around.length === 0) empty = t("diagrams.noEvents");
    else text = eventSequenceDiagram(around, selection);
  } else if (bars.length === 0) empty = t("diagrams.noJobs");
  else text = jobGanttDiagram(bars, epochMs);

  return (
    <div className="kp-diagrams" data-testid="diagrams" data-kind={kind}>
      <div className="kp-diagrams-bar">
        <div className="kp-seg" role="group" aria-label={t("diagrams.kind")}>
          {KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={k === kind} className={k === kind ? "is-active" : ""} onClick={() => setKind(k)} data-testid={`diagram-${k}`}>
              {t(LABEL[k])}
            </button>
          ))}
        </div>
      </div>
      {kind === "state" && lifecycle && (
        <p className="kp-diagrams-caption" data-testid="diagram-current" data-state={lifecycle.current} data-status={lifecycle.status}>
          {t("diagrams.current", { state: lifecycle.current })} <code>STATUS {lifecycle.status}</code>
        </p>
      )}
      {text ? <Diagram text={text} dark={dark} /> : <p className="kp-diagrams-empty">{empty}</p>}
    </div>
  );
}

function Diagram({ text, dark }: { text: string; dark: boolean }) {
  const [out, setOut] = useState<{ text: string; svg?: string; error?: string } | undefined>(undefined);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const [large, setLarge] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Diagrams keep their natural size in the narrow dock: bring the highlighted state into view.
  useEffect(() => {
    const el = box.current;
    const current = el?.querySelector("g.current");
    if (!el) return;
    if (!current) {
      el.scrollTo({ left: 0, top: 0 });
      return;
    }
    const a = el.getBoundingClientRect();
    const b = current.getBoundingClientRect();
    el.scrollTo({ left: el.scrollLeft + b.left - a.left - (a.width - b.width) / 2, top: el.scrollTop + b.top - a.top - (a.height - b.height) / 2 });
  }, [out]);
  useEffect(() => {
    let live = true;
    void renderDiagram(text, dark).then((r) => {
      if (live) setOut({ text, ...r });
    });
    return () => {
      live = false;
    };
  }, [text, dark]);

  const copy = (what: "text" | "svg") => {
    const value = what === "text" ? text : out?.svg ?? "";
    navigator.clipboard.writeText(value).then(
      () => setCopied(t("diagrams.copied")),
      () => setCopied(t("diagrams.copyFailed")),
    );
  };

  return (
    <>
      <div className="kp-diagrams-actions">
        <button type="button" className="btn btn-sm" onClick={() => copy("text")} data-testid="diagram-copy-text">{t("diagrams.copyText")}</button>
        <button type="button" className="btn btn-sm" onClick={() => copy("svg")} disabled={!out?.svg} data-testid="diagram-copy-svg">{t("diagrams.copySvg")}</button>
        <button type="button" className="btn btn-sm" onClick={() => setLarge(true)} disabled={!out?.svg} data-testid="diagram-enlarge">{t("diagrams.enlarge")}</button>
        {copied && <span className="kp-diagrams-copied" role="status">{copied}</span>}
      </div>
      {!out ? (
        <p className="kp-diagrams-empty">{t("diagrams.loading")}</p>
      ) : out.error ? (
        <p className="kp-diagrams-error" data-testid="diagram-error">{t("diagrams.failed", { message: out.error })}</p>
      ) : (
        // The SVG comes from mermaid in strict mode, rendered from text whose every label was escaped.
        <div ref={box} className="kp-diagram" data-testid="diagram" data-stale={out.text !== text} dangerouslySetInnerHTML={{ __html: out.svg ?? "" }} />
      )}
      {large && out?.svg && (
        <div className="kp-diagram-modal" role="dialog" aria-modal="true" aria-label={t("diagrams.enlarge")} onClick={() => setLarge(false)} onKeyDown={(e) => e.key === "Escape" && setLarge(false)} data-testid="diagram-large">
          <button type="button" className="btn btn-sm kp-diagram-modal-close" onClick={() => setLarge(false)} autoFocus>{t("diagrams.close")}</button>
          <div className="kp-diagram kp-diagram-large" dangerouslySetInnerHTML={{ __html: out.svg }} onClick={(e) => e.stopPropagation()} />
        </div>
      )}
      <details className="kp-diagrams-source">
        <summary>mermaid</summary>
        <pre data-testid="diagram-source">{text}</pre>
      </details>
    </>
  );
}
