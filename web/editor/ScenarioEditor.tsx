import { Component, lazy, Suspense, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { useTheme } from "../app/theme";
import { t } from "../i18n";
import { useLoadedScenario } from "../share/context";
import { checkImport, YAML_FILE_TYPES } from "../share/file";
import { useApp } from "../state/store";
import { useEditorActions } from "./actions";
import { scenarioChanged } from "./apply-text";
import type { CodeEditorProps } from "./code-editor";
import { EditorStatus } from "./EditorStatus";
import { ErrorList } from "./ErrorList";
import { PlainEditor } from "./PlainEditor";

const MonacoEditor = lazy(() => import("./MonacoEditor"));

const NO_PROBLEMS: never[] = [];

/** The scenario: its YAML in the editor, the actions on it, and the engine's problems with it. */
export function ScenarioEditor() {
  const text = useApp((s) => s.editor.text);
  const setText = useApp((s) => s.setEditorText);
  const submitted = useApp((s) => s.editorSubmitted);
  const problems = useApp((s) => (s.editorSubmitted ? s.diagnostics[s.editorSubmitted] : NO_PROBLEMS));
  const theme = useTheme();
  const actions = useEditorActions();
  const loaded = useLoadedScenario();
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const changedScenario = useMemo(() => loaded !== undefined && scenarioChanged(loaded, text), [loaded, text]);

  const props: CodeEditorProps = { text, onChange: setText, onApply: actions.apply, problems, theme, label: t("editor.label") };
  const plain = <PlainEditor {...props} />;

  return (
    <section className="card editor-card" aria-labelledby="editor-title" data-testid="scenario-editor" data-submitted={submitted ?? ""}>
      <div className="card-header editor-header">
        <div className="editor-heading">
          <h2 id="editor-title">{t("editor.title")}</h2>
          <p className="card-hint">{t("editor.hint")}</p>
        </div>
        <div className="editor-actions">
          <ImportButton onText={(txt) => { setImportProblem(null); actions.importText(txt); }} onProblem={setImportProblem} />
          <button type="button" className="btn btn-quiet" onClick={actions.exportFile} title={t("editor.export.title")} aria-label={t("editor.export")} data-testid="export">
            <DownloadIcon /><span className="btn-label">{t("editor.export")}</span>
          </button>
          <span className="toolbar-gap" aria-hidden="true" />
          <button type="button" className="btn" onClick={actions.restart} title={t("editor.restart.title")} aria-label={t("editor.restart")} data-testid="restart">
            <RestartIcon /><span className="btn-label">{t("editor.restart")}</span>
          </button>
          <button type="button" className="btn btn-primary" onClick={actions.apply} title={t("editor.apply.title")} data-testid="apply">
            {t("editor.apply")}<kbd className="kbd-hint" aria-hidden="true">{t("editor.apply.keys")}</kbd>
          </button>
        </div>
      </div>
      {importProblem && <p className="editor-note editor-note-error" role="alert">{importProblem}</p>}
      {changedScenario && <p className="editor-note" data-testid="scenario-changed">{t("editor.scenarioChanged")}</p>}
      <div className="editor-body">
        <EditorBoundary fallback={<>{plain}<p className="editor-note">{t("editor.unavailable")}</p></>}>
          <Suspense fallback={<div className="editor-loading" aria-busy="true">{plain}<span className="editor-loading-label">{t("editor.loading")}</span></div>}>
            <MonacoEditor {...props} />
          </Suspense>
        </EditorBoundary>
      </div>
      <EditorStatus />
      <ErrorList />
    </section>
  );
}

function ImportButton({ onText, onProblem }: { onText(text: string): void; onProblem(message: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const check = checkImport(file.size);
    if (!check.ok) return onProblem(t("editor.import.tooLarge", { name: file.name, size: check.size, max: check.max }));
    try {
      onText(await file.text());
    } catch {
      onProblem(t("editor.import.failed", { name: file.name }));
    }
  };
  return (
    <>
      <button type="button" className="btn btn-quiet" onClick={() => input.current?.click()} title={t("editor.import.title")} aria-label={t("editor.import")} data-testid="import">
        <UploadIcon /><span className="btn-label">{t("editor.import")}</span>
      </button>
      <input ref={input} type="file" accept={YAML_FILE_TYPES} hidden onChange={(e) => void onFile(e)} data-testid="import-file" />
    </>
  );
}

/** Shows `fallback` when the Monaco chunk fails to load or to start. */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function UploadIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="icon">
      <path d="M8 11V2.5M4.5 6 8 2.5 11.5 6M2.5 10.5v3h11v-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="icon">
      <path d="M8 2.5V11M4.5 7.5 8 11l3.5-3.5M2.5 10.5v3h11v-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function RestartIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="icon">
      <path d="M3 8a5 5 0 1 0 1.6-3.7M3 2.5v2.8h2.8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
