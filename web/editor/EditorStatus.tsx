import { t } from "../i18n";
import { formatVirtualTime } from "../panels/timeline/timeline";
import { useRunRecord } from "../share/context";
import { useApp } from "../state/store";
import { editorStatus } from "./status";

/** One line under the editor: what the engine last did with this text (applied when, rebuilt). */
export function EditorStatus() {
  const run = useRunRecord();
  const text = useApp((s) => s.editor.text);
  const submitted = useApp((s) => s.editorSubmitted);
  const errors = useApp((s) => s.diagnostics.apply.filter((e) => e.severity === "error").length);
  const status = editorStatus(run, submitted, text, errors);
  return (
    <div className="editor-status" data-testid="editor-status" data-commands-run={run?.ran ?? 0} aria-live="polite">
      {status.kind === "applied" && (
        <span className={status.problems > 0 ? "editor-status-problems" : "editor-status-ok"}>
          {status.problems > 0 ? "" : "✓ "}{t("editor.status.applied", { time: t("timeline.time", { time: formatVirtualTime(status.time) }) })}
        </span>
      )}
      {status.kind === "restarted" && <span className="editor-status-ok">✓ {t("editor.status.restarted")}</span>}
      {status.edited && <span className="editor-status-edited" title={t("editor.status.edited.title")}>{t("editor.status.edited")}</span>}
    </div>
  );
}
