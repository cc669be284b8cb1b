import type { ReactNode } from "react";
import type { EvictionExplanation, NotReadyExplanation, RolloutExplanation } from "../../../src/explain";
import type { ScheduleAttempt } from "../../../src/scheduler/explain";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { useExplain } from "./use-explain";
import { attemptView, camelParts, formatScore, rejectedNodes, rejectedNodesCss } from "./why";
import "./why.css";

/**
 * "Why?" about the selection: for a pod, the scheduler's latest attempt (every node's verdict and
 * every plugin's scores), why it is not Ready and why it was evicted; for a Deployment, why its
 * rollout is waiting. The words inside come from Kubernetes and stay in English.
 */
export function WhyPanel() {
  const selection = useApp((s) => s.selection);
  const state = useExplain(selection && (selection.kind === "Pod" || selection.kind === "Deployment") ? selection : null);
  if (!selection || (selection.kind !== "Pod" && selection.kind !== "Deployment")) {
    return <div className="kp-why kp-why-empty" data-testid="why"><p>{t("why.empty")}</p></div>;
  }
  if (!state) return <div className="kp-why" data-testid="why"><p className="kp-why-muted">{t("why.loading")}</p></div>;
  const { report } = state;
  const last = report.attempts.at(-1);
  return (
    <div className="kp-why" data-testid="why" data-kind={selection.kind} data-name={selection.name}>
      <header className="kp-why-head">
        <span className="kp-why-kind">{selection.kind}</span>
        <h3>{selection.name}</h3>
      </header>
      {report.error && <p className="kp-why-muted">{report.error}</p>}
      {selection.kind === "Pod" && (
        <>
          <Section title={t("why.scheduling")} testId="why-scheduling">
            {last ? <Attempt attempt={last} count={report.attempts.length} /> : <p className="kp-why-muted">{t("why.noAttempts")}</p>}
          </Section>
          {report.notReady && <NotReady x={report.notReady} />}
          {report.eviction && report.eviction.cause.kind !== "not-evicted" && <Eviction x={report.eviction} />}
          {last && last.message && <style data-testid="why-canvas-style">{rejectedNodesCss(rejectedNodes(last))}</style>}
        </>
      )}
      {selection.kind === "Deployment" && report.rollout && <Rollout x={report.rollout} />}
    </div>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="kp-why-section" data-testid={testId}>
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function Attempt({ attempt, count }: { attempt: ScheduleAttempt; count: number }) {
  const view = attemptView(attempt);
  const scored = view.rows.filter((r) => r.feasible && r.total !== null);
  return (
    <>
      <p className="kp-why-summary">
        {t("why.attempt", { n: attempt.attempt, total: count, time: `${attempt.time}s` })}{" "}
        {t("why.counts", { evaluated: attempt.evaluatedNodes, all: attempt.totalNodes, feasible: attempt.feasibleNodes })}
      </p>
      {attempt.message ? (
        <div className="kp-why-failed" data-testid="why-message">
          <span className="event-type event-warning">Warning</span> <b>FailedScheduling</b>
          <pre>{attempt.message}</pre>
        </div>
      ) : attempt.selected ? (
        <p className="kp-why-winner" data-testid="why-winner">{t("why.winner")} <b>{attempt.selected}</b></p>
      ) : null}
      {attempt.nominatedNode && <p className="kp-why-muted">{t("why.nominated", { node: attempt.nominatedNode, victims: (attempt.victims ?? []).join(", ") || "-" })}</p>}
      <div className="kp-why-table-wrap">
        <table className="kp-why-table" data-testid="why-nodes">
          <thead>
            <tr>
              <th>{t("why.col.node")}</th>
              <th>{t("why.col.verdict")}</th>
              <th className="kp-why-total">{t("why.col.total")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.name} className={r.winner ? "is-winner" : r.feasible ? "is-feasible" : "is-rejected"} data-node={r.name} data-testid="why-node-row">
                <td className="kp-why-node">{r.winner && <span aria-label={t("why.winner")}>★ </span>}{r.name}</td>
                <td>
                  {r.feasible ? (
                    <span className="kp-why-ok">{t("why.feasible")}</span>
                  ) : (
                    <ul className="kp-why-reasons">
                      {r.reasons.map((x, i) => <li key={i}><code>{x.plugin}</code> {x.reason}</li>)}
                    </ul>
                  )}
                </td>
                <td className="kp-why-total">{r.total === null ? "" : formatScore(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.plugins.length > 0 && (
        <div className="kp-why-table-wrap">
          <table className="kp-why-table kp-why-scores" data-testid="why-scores">
            <caption>{t("why.scores")}</caption>
            <thead>
              <tr>
                <th>{t("why.col.plugin")}</th>
                {scored.map((r) => <th key={r.name} className="kp-why-score">{r.winner ? "★ " : ""}{r.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {view.plugins.map((p) => (
                <tr key={p} data-plugin={p}>
                  <th className="kp-why-plugin">{camelBreaks(p)}</th>
                  {scored.map((r) => {
                    const s = r.scores.get(p);
                    return (
                      <td key={r.name} className="kp-why-score">
                        {s && (
                          <>
                            <b title={t("why.weighted")}>{formatScore(s.weighted)}</b>
                            <small><span title={t("why.raw")}>{formatScore(s.raw)}</span> → <span title={t("why.normalized")}>{formatScore(s.normalized)}</span></small>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="kp-why-sum">
                <th>{t("why.col.total")}</th>
                {scored.map((r) => <td key={r.name} className="kp-why-score"><b>{r.total === null ? "" : formatScore(r.total)}</b></td>)}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {view.plugins.length > 0 && <p className="kp-why-legend">{t("why.legend")}{scored.length > 1 && scored[1]!.total === scored[0]!.total ? ` ${t("why.tie")}` : ""}</p>}
    </>
  );
}

function NotReady({ x }: { x: NotReadyExplanation }) {
  return (
    <Section title={t("why.notReady")} testId="why-not-ready">
      {x.ready && <p className="kp-why-ok">{t("why.ready")}</p>}
      {x.condition && <p className="kp-why-muted"><code>Ready={x.condition.status}</code>{x.condition.reason ? ` ${x.condition.reason}` : ""}{x.condition.message ? `: ${x.condition.message}` : ""}</p>}
      {!x.ready && <pre className="kp-why-text">{x.text}</pre>}
    </Section>
  );
}

function Eviction({ x }: { x: EvictionExplanation }) {
  return (
    <Section title={t("why.evicted")} testId="why-evicted">
      <pre className="kp-why-text">{x.text}</pre>
    </Section>
  );
}

function Rollout({ x }: { x: RolloutExplanation | { error: string } }) {
  if ("error" in x) return <Section title={t("why.rollout")} testId="why-rollout"><p>{x.error}</p></Section>;
  return (
    <Section title={t("why.rollout")} testId="why-rollout">
      <p><code>{x.status.trim()}</code></p>
      <table className="kp-why-table kp-why-arith">
        <tbody>
          <tr><th>replicas</th><td>{x.desired}</td></tr>
          <tr><th>maxSurge</th><td>{String(x.maxSurge.value)} → {x.maxSurge.resolved}</td></tr>
          <tr><th>maxUnavailable</th><td>{String(x.maxUnavailable.value)} → {x.maxUnavailable.resolved}</td></tr>
          <tr><th>{t("why.rollout.maxTotal")}</th><td>{x.desired} + {x.maxSurge.resolved} = {x.maxTotal} ({t("why.rollout.now", { n: x.totalReplicas })})</td></tr>
          <tr><th>{t("why.rollout.minAvailable")}</th><td>{x.desired} − {x.maxUnavailable.resolved} = {x.minAvailable} ({t("why.rollout.now", { n: x.available })})</td></tr>
          <tr><th>{t("why.rollout.canScale")}</th><td>+{x.canScaleUp} / −{x.canScaleDown}</td></tr>
        </tbody>
      </table>
      {x.notAvailable.length > 0 && (
        <>
          <h5>{t("why.rollout.notAvailable")}</h5>
          <ul className="kp-why-reasons">{x.notAvailable.map((p) => <li key={p.pod}><code>{p.pod}</code> {p.reason}</li>)}</ul>
        </>
      )}
      <pre className="kp-why-text">{x.text}</pre>
    </Section>
  );
}

/** A plugin name that may wrap between its words ("NodeResources" "Fit"), never inside one. */
function camelBreaks(name: string) {
  return camelParts(name).map((part, i) => (i === 0 ? part : <span key={i}><wbr />{part}</span>));
}
