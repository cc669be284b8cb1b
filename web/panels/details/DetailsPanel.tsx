import { useMemo } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { virtualNowMs } from "../pods/pod-rows";
import { findObject, getCommand, objectEvents, objectYaml, wideLine } from "./details";
import "./details.css";

/** The selected object, live: its kubectl line, its recent events and its YAML with status. */
export function DetailsPanel() {
  const selection = useApp((s) => s.selection);
  const select = useApp((s) => s.select);
  const objects = useApp((s) => s.cluster.objects);
  const events = useApp((s) => s.cluster.events);
  const time = useApp((s) => s.cluster.time);
  const epochMs = useApp((s) => s.cluster.epochMs);
  const obj = selection ? findObject(objects, selection) : undefined;
  const nowMs = virtualNowMs(epochMs, time);
  // The YAML changes only with the object; ages in the wide line and events change with the clock.
  const yaml = useMemo(() => (obj ? objectYaml(obj) : ""), [obj]);
  const wide = useMemo(() => (obj ? wideLine(obj, nowMs) : ""), [obj, nowMs]);
  const rows = useMemo(() => (selection ? objectEvents(events, selection, epochMs, nowMs) : []), [events, selection, epochMs, nowMs]);

  if (!selection) {
    return (
      <div className="kp-details kp-details-empty" data-testid="details">
        <SelectIcon />
        <p>{t("details.empty")}</p>
      </div>
    );
  }
  return (
    <div className="kp-details" data-testid="details" data-kind={selection.kind} data-name={selection.name}>
      <header className="kp-details-head">
        <span className="kp-details-kind">{selection.kind}</span>
        <h3 className="kp-details-name" data-testid="details-name">{selection.name}</h3>
        {selection.namespace && <span className="kp-details-ns">{selection.namespace}</span>}
        <button type="button" className="kp-details-close" onClick={() => select(null)} aria-label={t("details.close")} title={t("details.close")}>×</button>
      </header>
      {!obj ? (
        <p className="kp-details-gone" data-testid="details-gone">{t("details.gone", { kind: selection.kind, name: selection.name })}</p>
      ) : (
        <>
          <section className="kp-details-section">
            <h4><code className="kp-cmd">{getCommand(selection, "wide")}</code></h4>
            <pre className="kp-term" data-testid="details-wide">{wide}</pre>
          </section>
          <section className="kp-details-section">
            <h4>{t("details.events")} <span className="count">{rows.length}</span></h4>
            {rows.length === 0 ? (
              <p className="kp-details-none">{t("details.events.none")}</p>
            ) : (
              <ol className="kp-details-events" data-testid="details-events">
                {rows.map((r) => (
                  <li key={r.key} className={r.warning ? "is-warning" : ""}>
                    <span className={`event-type ${r.warning ? "event-warning" : "event-normal"}`}>{r.type}</span>
                    <span className="kp-ev-reason">{r.reason}</span>
                    <span className="kp-ev-age">{r.lastSeen}</span>
                    <span className="kp-ev-message">{r.message}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="kp-details-section kp-details-yaml">
            <h4><code className="kp-cmd">{getCommand(selection, "yaml")}</code></h4>
            <pre className="kp-term kp-yaml" data-testid="details-yaml">{yaml}</pre>
          </section>
        </>
      )}
    </div>
  );
}

function SelectIcon() {
  return (
    <svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" className="kp-details-icon">
      <rect x="6" y="6" width="26" height="20" rx="4" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="4 3" />
      <path d="M24 22l16 6-7 2.5L30.5 38z" fill="currentColor" />
    </svg>
  );
}
