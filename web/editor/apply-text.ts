/**
 * What Apply sends. The editor holds the whole scenario, but `kubectl apply` takes Kubernetes
 * objects only: the Scenario document (cluster shape, seed, timeline) is read when a cluster is
 * built, so Apply leaves it out and the page says when it changed (Restart rebuilds the cluster).
 *
 * The Scenario document is replaced by a null document of the same height, so every other document
 * keeps its index and every line its number: the engine's errors point into the editor's text.
 * Documents are found by their `---` / `...` lines, the way YAML streams mark them.
 */

export interface DocumentSpan {
  /** 1-based, inclusive: the first line after the document's `---` (or line 1), the last before the next. */
  startLine: number;
  endLine: number;
  /** The document's text, without its `---` line. */
  text: string;
}

const DOC_START = /^---(\s|$)/;
const DOC_END = /^\.\.\.(\s|$)/;
/** A top-level `kind: Scenario` (quotes and a trailing comment allowed). */
const SCENARIO_KIND = /^kind:[ \t]*(["']?)Scenario\1[ \t]*(#.*)?$/;

/** The stream's documents by line. A leading part holding only comments is not a document of its own. */
export function splitDocuments(text: string): DocumentSpan[] {
  const lines = text.split("\n");
  const spans: DocumentSpan[] = [];
  let start = 1;
  let body: string[] = [];
  const close = (endLine: number) => {
    spans.push({ startLine: start, endLine, text: body.join("\n") });
    body = [];
  };
  lines.forEach((line, i) => {
    const n = i + 1;
    if (DOC_START.test(line) || DOC_END.test(line)) {
      // Comments and blank lines before the first `---` belong to the first document.
      if (spans.length > 0 || hasContent(body)) close(n - 1);
      start = n + 1;
      body = [];
      return;
    }
    body.push(line);
  });
  if (hasContent(body) || spans.length === 0) close(lines.length);
  return spans.filter((d) => d.startLine <= d.endLine || d.text !== "");
}

function hasContent(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
}

export function isScenarioDocument(doc: DocumentSpan): boolean {
  return doc.text.split("\n").some((l) => SCENARIO_KIND.test(l));
}

/** The Scenario document's text, trimmed, or undefined when there is none. */
export function scenarioDocument(text: string): string | undefined {
  return splitDocuments(text).find(isScenarioDocument)?.text.trim();
}

/** The text for `kubectl apply`: the scenario with its Scenario document turned into a null document. */
export function manifestsForApply(text: string): string {
  const doc = splitDocuments(text).find(isScenarioDocument);
  if (!doc) return text;
  const lines = text.split("\n");
  for (let n = doc.startLine; n <= doc.endLine; n++) lines[n - 1] = n === doc.startLine ? "~" : "";
  return lines.join("\n");
}

/** True when the editor's Scenario document differs from the one the running cluster was built from. */
export function scenarioChanged(loadedText: string, editorText: string): boolean {
  return normalise(scenarioDocument(loadedText)) !== normalise(scenarioDocument(editorText));
}

function normalise(doc: string | undefined): string {
  if (doc === undefined) return "";
  return doc
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trimEnd())
    .filter((l) => l !== "" && !l.trimStart().startsWith("#"))
    .join("\n");
}
