import { useLayoutEffect, useMemo, useRef } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { virtualNowMs } from "../pods/pod-rows";
import { EVENT_COLUMNS, eventRows } from "./event-rows";

/** `kubectl events`: the cluster's events, oldest first, following the newest while scrolled to the end. */
export function EventList() {
  const events = useApp((s) => s.cluster.events);
  const time = useApp((s) => s.cluster.time);
  const epochMs = useApp((s) => s.cluster.epochMs);
  const rows = useMemo(() => eventRows(events, epochMs, virtualNowMs(epochMs, time)), [events, epochMs, time]);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [rows.length]);

  return (
    <section className="card" aria-labelledby="events-title">
      <div className="card-header">
        <h2 id="events-title">{t("events.title")} <span className="count">{rows.length}</span></h2>
      </div>
      <div
        className="table-wrap events-wrap"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        <table className="kube-table" data-testid="event-list">
          <thead>
            <tr>{EVENT_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.warning ? "row-warning" : undefined}>
                <td className="cell-nowrap">{r.lastSeen}</td>
                <td><span className={`event-type ${r.warning ? "event-warning" : "event-normal"}`}>{r.type}</span></td>
                <td className="cell-nowrap">{r.reason}</td>
                <td className="cell-nowrap">{r.object}</td>
                <td className="cell-message">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{t("events.empty")}</p>}
      </div>
    </section>
  );
}
