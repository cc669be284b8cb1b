import { useRef, type KeyboardEvent } from "react";
import { useEngine } from "../engine/context";
import { t } from "../i18n";
import { useApp } from "../state/store";
import { ErrorList } from "./ErrorList";
import { lineNumbers } from "./gutter";

/** The scenario text and the Apply button. A plain textarea until the Monaco editor lands. */
export function ScenarioEditor() {
  const text = useApp((s) => s.editor.text);
  const setText = useApp((s) => s.setEditorText);
  const engine = useEngine();
  const gutter = useRef<HTMLPreElement>(null);

  const apply = () => engine.load(text);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      apply();
    }
  };

  return (
    <section className="card editor-card" aria-labelledby="editor-title">
      <div className="card-header">
        <div>
          <h2 id="editor-title">{t("editor.title")}</h2>
          <p className="card-hint">{t("editor.hint")}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={apply} title={t("editor.apply.title")} data-testid="apply">
          {t("editor.apply")}
        </button>
      </div>
      <div className="code">
        <pre className="code-gutter" ref={gutter} aria-hidden="true">{lineNumbers(text)}</pre>
        <textarea
          className="code-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-label={t("editor.label")}
          data-testid="scenario-editor"
        />
      </div>
      <ErrorList />
    </section>
  );
}
