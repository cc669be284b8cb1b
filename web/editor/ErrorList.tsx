import { useMemo } from "react";
import { t } from "../i18n";
import { useApp } from "../state/store";
import { errorItems } from "./error-text";
import { revealInEditor } from "./reveal";

/** The problems with the editor's text, each with where it is; a click moves the cursor there. */
export function ErrorList() {
  const diagnostics = useApp((s) => s.diagnostics);
  const submitted = useApp((s) => s.editorSubmitted);
  const items = useMemo(() => errorItems(diagnostics, submitted), [diagnostics, submitted]);
  if (items.length === 0) return null;
  const errors = items.some((i) => i.severity === "error");
  return (
    <div className={`problems${errors ? "" : " problems-warnings"}`} data-testid="error-list">
      <div className="problems-header">
        {items.length === 1 ? t("errors.count.one") : t("errors.count", { count: items.length })}
      </div>
      <ul>
        {items.map((e) => (
          <li key={e.key} className={`problem problem-${e.severity}`}>
            <span className="problem-icon" aria-hidden="true">{e.severity === "error" ? "✕" : "!"}</span>
            <span className="problem-source">{t(`errors.source.${e.source}` as const)}</span>
            {e.at ? (
              <button type="button" className="problem-text problem-link" onClick={() => e.at && revealInEditor(e.at.line, e.at.column)}>{e.text}</button>
            ) : (
              <span className="problem-text">{e.text}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
