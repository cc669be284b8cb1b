import { useMemo } from "react";
import { t } from "../../i18n";
import { objectsOfKind } from "../../state/cluster";
import { useApp } from "../../state/store";
import { POD_COLUMNS, podRows, virtualNowMs } from "./pod-rows";

/** `kubectl get pods -o wide`, narrowed to the columns a learner reads first. */
export function PodTable() {
  const objects = useApp((s) => s.cluster.objects);
  const time = useApp((s) => s.cluster.time);
  const epochMs = useApp((s) => s.cluster.epochMs);
  const rows = useMemo(() => podRows(objectsOfKind(objects, "Pod"), virtualNowMs(epochMs, time)), [objects, time, epochMs]);

  return (
    <section className="card" aria-labelledby="pods-title">
      <div className="card-header">
        <h2 id="pods-title">{t("pods.title")} <span className="count">{rows.length}</span></h2>
      </div>
      <div className="table-wrap">
        <table className="kube-table" data-testid="pod-table">
          <thead>
            <tr>{POD_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-pod={r.name}>
                <td className="cell-name">{r.name}</td>
                <td>{r.ready}</td>
                <td><span className={`status tone-${r.tone}`} data-testid="pod-status">{r.status}</span></td>
                <td>{r.restarts}</td>
                <td>{r.age}</td>
                <td>{r.node}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{t("pods.empty")}</p>}
      </div>
    </section>
  );
}
