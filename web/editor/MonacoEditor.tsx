/**
 * The Monaco editor for the scenario (loaded lazily with ./monaco). The store's text is the truth:
 * typing writes it, and a text set from outside (import, a restored workspace) replaces the
 * model's as an undoable edit. The engine's problems become markers at their line and column.
 * Editor and model are created and disposed inside the effect, so StrictMode's double mount does
 * not leave a second model behind.
 */
import { useEffect, useRef } from "react";
import type { CodeEditorProps } from "./code-editor";
import { engineMarkers } from "./markers";
import { monaco, monacoTheme, SCENARIO_URI, setUpMonaco } from "./monaco";
import { onReveal } from "./reveal";

const MARKER_OWNER = "kubeplay";

export default function MonacoEditor({ text, onChange, onApply, problems, theme, label }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef({ onChange, onApply });
  handlers.current = { onChange, onApply };
  const initial = useRef({ text, theme, label });

  useEffect(() => {
    if (!host.current) return;
    setUpMonaco();
    const { text: firstText, theme: firstTheme, label: ariaLabel } = initial.current;
    const model = monaco.editor.createModel(firstText, "yaml", monaco.Uri.parse(SCENARIO_URI));
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const editor = monaco.editor.create(host.current, {
      model,
      theme: monacoTheme(firstTheme),
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
      fontSize: 13,
      lineHeight: 20,
      lineNumbersMinChars: 3,
      padding: { top: 10, bottom: 10 },
      scrollBeyondLastLine: false,
      renderLineHighlight: "line",
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      // Suggestions and hovers may extend past the card: the card clips its content.
      fixedOverflowWidgets: true,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      quickSuggestions: { other: true, comments: false, strings: true },
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, useShadows: false },
      guides: { indentation: true },
      wordWrap: "off",
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onApply());
    const changes = model.onDidChangeContent(() => handlers.current.onChange(model.getValue()));
    const stopReveal = onReveal((lineNumber, column) => {
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
      editor.setPosition({ lineNumber, column });
      editor.focus();
    });
    editorRef.current = editor;
    return () => {
      stopReveal();
      changes.dispose();
      editorRef.current = null;
      editor.dispose();
      model.dispose();
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === text) return;
    editor.pushUndoStop();
    editor.executeEdits("kubeplay", [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }, [text]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = engineMarkers(model.getValue(), problems).map((m) => ({
      ...m,
      severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      source: "kubeplay",
    }));
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }, [problems]);

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(theme));
  }, [theme]);

  return <div className="monaco-host" ref={host} data-testid="monaco-editor" />;
}
