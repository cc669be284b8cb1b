/**
 * Monaco, as much of it as the scenario editor uses: the editor core plus the features a YAML
 * author needs (completion, hover, problems navigation, folding, find, comments, formatting), YAML
 * highlighting, and monaco-yaml with the committed Kubernetes JSON schema, so completion and
 * validation work with no network. Importing the whole `monaco-editor` entry would bring the
 * TypeScript, CSS, HTML and JSON workers too. This module is loaded lazily with the editor.
 */
import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import "monaco-editor/esm/vs/editor/browser/coreCommands.js";
import "monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js";
import "monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/esm/vs/editor/contrib/find/browser/findController.js";
import "monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js";
import "monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js";
// Without the suggest controller no completion list ever opens.
import "monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import schema from "../../src/scenario/schema/kubernetes.schema.json";
import YamlWorker from "./yaml.worker?worker";

export { monaco };

/** The model's address; the schema applies to it. */
export const SCENARIO_URI = "file:///kubeplay/scenario.yaml";

let configured = false;

/** Workers, the YAML language service and the themes; once per page. */
export function setUpMonaco(): void {
  if (configured) return;
  configured = true;
  (globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === "yaml" ? new YamlWorker() : new EditorWorker()),
  };
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    isKubernetes: true,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: true },
    schemas: [{ uri: "https://kubeplay.dev/schema/kubernetes.schema.json", fileMatch: ["*.yaml", "**/*.yaml"], schema: schema as JSONSchema }],
  });
  defineThemes();
}

/** Themes drawn from the page's palette (styles.css), so the editor sits in its card. */
function defineThemes(): void {
  monaco.editor.defineTheme("kubeplay-light", {
    base: "vs",
    inherit: true,
    rules: [
      { token: "type", foreground: "1f5fbf" },
      { token: "keyword", foreground: "8a3ffc" },
      { token: "comment", foreground: "6e7781", fontStyle: "italic" },
    ],
    colors: {
      "editor.background": "#ffffff",
      "editor.lineHighlightBackground": "#f4f7fc",
      "editor.lineHighlightBorder": "#00000000",
      "editorLineNumber.foreground": "#a3acb9",
      "editorLineNumber.activeForeground": "#1b2433",
      "editorGutter.background": "#ffffff",
      "editor.selectionBackground": "#cfe0fc",
      "editorIndentGuide.background1": "#eef1f6",
    },
  });
  monaco.editor.defineTheme("kubeplay-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "type", foreground: "7aa7ff" },
      { token: "keyword", foreground: "c7a6ff" },
      { token: "comment", foreground: "7d8796", fontStyle: "italic" },
    ],
    colors: {
      "editor.background": "#161c26",
      "editor.lineHighlightBackground": "#1d2531",
      "editor.lineHighlightBorder": "#00000000",
      "editorLineNumber.foreground": "#566173",
      "editorLineNumber.activeForeground": "#dbe2ec",
      "editorGutter.background": "#161c26",
      "editor.selectionBackground": "#2d4a7a",
      "editorIndentGuide.background1": "#232b38",
    },
  });
}

export function monacoTheme(theme: "light" | "dark"): string {
  return theme === "dark" ? "kubeplay-dark" : "kubeplay-light";
}
