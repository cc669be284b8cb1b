import { useMemo } from "react";
import { t } from "../i18n";
import { useApp } from "../state/store";
import { errorItems } from "./error-text";

/** The scenario's problems, each with where it is ("document 1, line 3, column 5: …"). */
export function ErrorList() {
  const diagnostics = useApp((s) => s.diagnostics);
  const items = useMemo(() => errorItems(diagnostics), [diagnostics]);
  if (items.length === 0) return null;
  return (
    <div className="problems" data-testid="error-list">
      <div className="problems-header">
        {items.length === 1 ? t("errors.count.one") : t("errors.count", { count: items.length })}
      </div>
      <ul>
        {items.map((e) => (
          <li key={e.key} className={`problem problem-${e.severity}`}>
            <span className="problem-icon" aria-hidden="true">{e.severity === "error" ? "✕" : "!"}</span>
            <span className="problem-source">{t(`errors.source.${e.source}` as const)}</span>
            <span className="problem-text">{e.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
