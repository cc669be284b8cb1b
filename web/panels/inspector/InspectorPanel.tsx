import { useState } from "react";
import type { Pod } from "kubernetes-types/core/v1";
import { t } from "../../i18n";
import { findObject } from "../details/details";
import { useApp } from "../../state/store";
import { containerNames, describeCommand, logsCommand, restartsOf, yamlCommand, type InspectorView } from "./inspector";
import { Actions } from "./Actions";
import { useKubectl } from "./use-kubectl";
import "./inspector.css";

const VIEWS: readonly InspectorView[] = ["describe", "logs", "yaml"];
const VIEW_LABEL = { describe: "inspector.describe", logs: "inspector.logs", yaml: "inspector.yaml" } as const;

/** The selection as kubectl shows it: `describe` (with its Events), container logs, live YAML with status. */
export function InspectorPanel() {
  const selection = useApp((s) => s.selection);
  const objects = useApp((s) => s.cluster.objects);
  const [view, setView] = useState<InspectorView>("describe");
  const [container, setContainer] = useState<string | undefined>(undefined);
  const [previous, setPrevious] = useState(false);
  const obj = selection ? findObject(objects, selection) : undefined;
  const pod = selection?.kind === "Pod" ? (obj as Pod | undefined) : undefined;
  const containers = containerNames(pod);
  const chosen = container && containers.includes(container) ? container : containers.find((c) => (pod?.spec?.containers ?? []).some((x) => x.name === c));
  const views = selection?.kind === "Pod" ? VIEWS : VIEWS.filter((v) => v !== "logs");
  const active = views.includes(view) ? view : "describe";
  const command = !selection ? null : active === "describe" ? describeCommand(selection) : active === "yaml" ? yamlCommand(selection) : logsCommand(selection, chosen, previous);
  const result = useKubectl(command);

  if (!selection) {
    return <div className="kp-inspector kp-inspector-empty" data-testid="inspector"><p>{t("inspector.empty")}</p></div>;
  }
  return (
    <div className="kp-inspector" data-testid="inspector" data-view={active}>
      <div className="kp-inspector-bar">
        <div className="kp-seg" role="group" aria-label={t("inspector.view")}>
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={v === active} className={v === active ? "is-active" : ""} onClick={() => setView(v)} data-testid={`inspector-${v}`}>
              {t(VIEW_LABEL[v])}
            </button>
          ))}
        </div>
        {active === "logs" && (
          <>
            <label className="kp-inspector-opt">
              <span>{t("inspector.container")}</span>
              <select value={chosen ?? ""} onChange={(e) => setContainer(e.target.value)} data-testid="inspector-container">
                {containers.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
            <label className="kp-inspector-opt" title={t("inspector.previous.title")}>
              <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} data-testid="inspector-previous" />
              <span>--previous</span>
              {restartsOf(pod, chosen) > 0 && <span className="kp-inspector-badge">↻{restartsOf(pod, chosen)}</span>}
            </label>
          </>
        )}
      </div>
      {obj && <Actions selection={selection} obj={obj} />}
      <code className="kp-cmd kp-inspector-cmd">kubectl {command}</code>
      {!result ? (
        <p className="kp-inspector-muted">…</p>
      ) : (
        <>
          {result.stdout && <pre className="kp-inspector-out" data-testid="inspector-output">{result.stdout}</pre>}
          {result.stderr && <pre className="kp-inspector-out kp-inspector-err" data-testid="inspector-error">{result.stderr}</pre>}
          {!result.stdout && !result.stderr && <p className="kp-inspector-muted" data-testid="inspector-output">{t("inspector.noOutput")}</p>}
        </>
      )}
    </div>
  );
}
