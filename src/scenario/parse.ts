/**
 * YAML text → validated, defaulted objects (+ the Scenario document), with every problem located by
 * document, line and column. A bad document never takes the good ones down: its problems are
 * reported and it is left out; the others load. No input can crash or hang the loader (LIMITS).
 */
import { LineCounter, type Document } from "yaml";
import { KINDS, objectKey, type KObject } from "../api/types";
import { byteLength } from "../api/label-validation";
import { applyDefaults } from "./defaults";
import { path, type FieldError, type PathSegment } from "./field";
import { LIMITS } from "./limits";
import { buildScenario, SCENARIO_API_VERSION } from "./scenario";
import type { ManifestResult, ParsedObject, ParseResult, ScenarioError, ScenarioSpec } from "./types";
import { lookupKind, validateObject, validateSchema } from "./validate";
import { documentMarkers, locate, readStream, scalarAt, toPlain, type Stream } from "./yaml-doc";

type Mode = "scenario" | "manifests";

/** Everything one stream accumulates while its documents are read. */
interface Run {
  mode: Mode;
  text: string;
  stream: Stream;
  objects: ParsedObject[];
  errors: ScenarioError[];
  /** objectKey → line of the first definition, for duplicate detection. */
  seen: Map<string, number>;
  scenario?: { spec?: ScenarioSpec; line: number; doc: number; yaml: Document.Parsed };
  hasNodes: boolean;
}

/** Parses a scenario: Kubernetes manifests plus at most one Scenario document. */
export function parseScenario(text: string): ParseResult {
  const run = parseStream(text, "scenario");
  const result: ParseResult = { objects: run.objects, errors: run.errors };
  if (run.scenario?.spec) result.scenario = run.scenario.spec;
  return result;
}

/** Parses what `kubectl apply -f` takes: Kubernetes manifests only (a Scenario document is an error). */
export function parseManifests(text: string): ManifestResult {
  const run = parseStream(text, "manifests");
  return { objects: run.objects, errors: run.errors };
}

function streamError(message: string, line = 1, column = 1, doc = 0): ScenarioError {
  return { doc, line, column, message, severity: "error" };
}

function parseStream(text: string, mode: Mode): Run {
  const empty: Run = { mode, text, stream: { lineCounter: new LineCounter(), docs: [] }, objects: [], errors: [], seen: new Map(), hasNodes: false };
  const bytes = byteLength(text);
  if (bytes > LIMITS.maxTextBytes) {
    const what = mode === "scenario" ? "scenario" : "manifest";
    empty.errors.push(streamError(`the ${what} is ${(bytes / 1e6).toFixed(1)} MB; the playground accepts up to ${LIMITS.maxTextBytes / 1024 / 1024} MiB`));
    return empty;
  }
  const markers = documentMarkers(text);
  if (markers.count > LIMITS.maxDocuments) {
    const offset = markers.offsets[LIMITS.maxDocuments] ?? 0;
    const line = text.slice(0, offset).split("\n").length;
    empty.errors.push(streamError(`more than ${LIMITS.maxDocuments} documents; the playground accepts up to ${LIMITS.maxDocuments} per file`, line, 1, LIMITS.maxDocuments));
    return empty;
  }
  const stream = readStream(text);
  const run: Run = { ...empty, stream };
  const pos = (offset: number) => stream.lineCounter.linePos(offset);
  if (stream.docs.length > LIMITS.maxDocuments) {
    const at = pos(stream.docs[LIMITS.maxDocuments]!.offset);
    run.errors.push(streamError(`more than ${LIMITS.maxDocuments} documents; the playground accepts up to ${LIMITS.maxDocuments} per file`, at.line, at.col, LIMITS.maxDocuments));
    return run;
  }
  let objectCount = 0;
  stream.docs.forEach((entry, docIndex) => {
    const at = pos(entry.offset);
    if (entry.tooDeep || !entry.doc) {
      run.errors.push(streamError(`nesting deeper than ${LIMITS.maxDepth} levels; the playground accepts up to ${LIMITS.maxDepth}`, at.line, at.col, docIndex));
      return;
    }
    const doc = entry.doc;
    const yamlProblems = [...doc.errors.map((e) => ({ e, severity: "error" as const })), ...doc.warnings.map((e) => ({ e, severity: "warning" as const }))];
    for (const { e, severity } of yamlProblems.slice(0, LIMITS.maxErrorsPerDocument)) {
      const p = pos(e.pos[0]);
      run.errors.push({ doc: docIndex, line: p.line, column: p.col, message: yamlMessage(e.code, e.message, text, e.pos[0]), severity });
    }
    if (doc.errors.length > 0) return;
    if (doc.contents === null || (isEmptyScalar(doc.contents))) return; // empty or comments only
    const plain = toPlain(doc);
    if (!plain.ok) {
      run.errors.push(streamError(plain.message, at.line, at.col, docIndex));
      return;
    }
    const value = plain.value;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      const start = pos(doc.contents.range?.[0] ?? entry.offset);
      const found = Array.isArray(value) ? "a list" : `${JSON.stringify(value)}`;
      run.errors.push(streamError(`a document must be a Kubernetes object (a mapping with apiVersion, kind, metadata…), found ${found}`, start.line, start.col, docIndex));
      return;
    }
    const o = value as Record<string, unknown>;
    const items = o.kind === "List" && Array.isArray(o.items) ? (o.items as unknown[]) : undefined;
    const parts: Array<[unknown, PathSegment[]]> = items ? items.map((item, i) => [item, ["items", i]]) : [[o, []]];
    for (const [part, prefix] of parts) {
      if (++objectCount > LIMITS.maxDocuments) {
        run.errors.push(streamError(`more than ${LIMITS.maxDocuments} objects; the playground accepts up to ${LIMITS.maxDocuments} per file`, at.line, at.col, docIndex));
        return;
      }
      processObject(run, doc, docIndex, part, prefix);
    }
  });
  finish(run);
  return run;
}

function isEmptyScalar(node: unknown): boolean {
  return typeof node === "object" && node !== null && "value" in node && (node as { value: unknown }).value === null
    && !("items" in node);
}

/** yaml's messages, with the hint a learner needs for the common ones. */
function yamlMessage(code: string, message: string, text: string, offset: number): string {
  const first = message.split("\n")[0]!;
  switch (code) {
    case "DUPLICATE_KEY": {
      const key = /^[^\s:]+/.exec(text.slice(offset, offset + 200))?.[0];
      return key ? `YAML: duplicate key ${JSON.stringify(key)}: a key may appear only once in a mapping` : `YAML: ${first}`;
    }
    case "TAB_AS_INDENT":
      return `YAML: ${first} (indent with spaces)`;
    default:
      return `YAML: ${first}`;
  }
}

/** Converts the validators' field errors into located scenario errors for one document. */
function report(run: Run, doc: Document.Parsed, docIndex: number, prefix: PathSegment[], errors: FieldError[]): void {
  let shown = 0;
  for (const fe of errors) {
    if (shown === LIMITS.maxErrorsPerDocument) {
      const p = run.stream.lineCounter.linePos(doc.range[0]);
      run.errors.push({ doc: docIndex, line: p.line, column: p.col, message: `…and ${errors.length - shown} more problems in this document`, severity: "error" });
      return;
    }
    shown++;
    const p = run.stream.lineCounter.linePos(locate(doc, [...prefix, ...fe.path.segments], fe.atKey === true));
    let message = fe.message;
    if (fe.quoted) {
      const scalar = scalarAt(doc, [...prefix, ...fe.path.segments]);
      const source = scalar && !scalar.block ? run.text.slice(scalar.offset, scalar.end).trim() : undefined;
      if (source) message = message.replace(`(${fe.quoted})`, `(${JSON.stringify(source)})`);
    }
    const e: ScenarioError = { doc: docIndex, line: p.line, column: p.col, message, severity: fe.severity };
    if (fe.path.text) e.path = fe.path.text;
    run.errors.push(e);
  }
}

function processObject(run: Run, doc: Document.Parsed, docIndex: number, raw: unknown, prefix: PathSegment[]): void {
  const lineOf = (segments: readonly PathSegment[]) => run.stream.lineCounter.linePos(locate(doc, segments, false)).line;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    report(run, doc, docIndex, prefix, [{ path: path(), severity: "error", message: "a list item must be a Kubernetes object" }]);
    return;
  }
  const o = raw as Record<string, unknown>;
  if (o.kind === "Scenario") {
    processScenario(run, doc, docIndex, o, prefix, lineOf);
    return;
  }
  const lookup = lookupKind(o.apiVersion, o.kind);
  if (!lookup.ok) {
    report(run, doc, docIndex, prefix, lookup.errors);
    return;
  }
  const kind = lookup.kind;
  const schemaErrors = validateSchema(o.apiVersion as string, kind, o);
  if (schemaErrors.length > 0) {
    report(run, doc, docIndex, prefix, schemaErrors);
    return;
  }
  const object = applyDefaults(kind, o as KObject);
  const problems = validateObject(kind, object);
  report(run, doc, docIndex, prefix, problems);
  if (problems.some((p) => p.severity === "error")) return;
  const meta = object.metadata ?? {};
  const line = lineOf(prefix);
  if (meta.name) {
    const key = objectKey(kind, meta.namespace, meta.name);
    const first = run.seen.get(key);
    if (first !== undefined) {
      const info = KINDS[kind];
      const group = info.apiVersion.includes("/") ? `.${info.apiVersion.split("/")[0]}` : "";
      report(run, doc, docIndex, prefix, [{
        path: path("metadata", "name"), severity: "error",
        message: `metadata.name: Duplicate value: ${JSON.stringify(meta.name)}: ${info.plural}${group} ${JSON.stringify(meta.name)}${meta.namespace ? ` in namespace ${JSON.stringify(meta.namespace)}` : ""} is already defined at line ${first}`,
      }]);
      return;
    }
    run.seen.set(key, line);
  }
  if (kind === "Node") run.hasNodes = true;
  run.objects.push({ doc: docIndex, line, kind, object });
}

function processScenario(
  run: Run, doc: Document.Parsed, docIndex: number, o: Record<string, unknown>, prefix: PathSegment[],
  lineOf: (s: readonly PathSegment[]) => number,
): void {
  const fail = (p: PathSegment[], message: string) =>
    report(run, doc, docIndex, prefix, [{ path: path(...p), severity: "error", message }]);
  if (run.mode === "manifests") {
    fail(["kind"], "a Scenario document belongs in the scenario itself; kubectl apply takes Kubernetes objects only");
    return;
  }
  if (o.apiVersion !== SCENARIO_API_VERSION) {
    fail(["apiVersion"], `no matches for kind "Scenario" in version ${JSON.stringify(o.apiVersion ?? "")}: Scenario is served as apiVersion ${JSON.stringify(SCENARIO_API_VERSION)}`);
    return;
  }
  if (run.scenario) {
    fail(["kind"], `only one Scenario document is allowed; the first one is at line ${run.scenario.line}`);
    return;
  }
  const line = lineOf(prefix);
  run.scenario = { line, doc: docIndex, yaml: doc };
  const schemaErrors = validateSchema(SCENARIO_API_VERSION, "Scenario", o);
  if (schemaErrors.length > 0) {
    report(run, doc, docIndex, prefix, schemaErrors);
    return;
  }
  const built = buildScenario(o, docIndex, (p) => lineOf([...prefix, ...p.segments]));
  report(run, doc, docIndex, prefix, built.errors);
  if (!built.spec) return;
  // An `apply` action's manifest is checked now, so a typo shows up at load time, in place.
  let nestedFailed = false;
  const rawActions = ((o.spec as { actions?: Array<{ apply?: unknown }> } | undefined)?.actions) ?? [];
  rawActions.forEach((a, i) => {
    if (typeof a.apply !== "string") return;
    const nested = parseManifests(a.apply);
    const scalar = scalarAt(doc, [...prefix, "spec", "actions", i, "apply"]);
    for (const e of nested.errors) {
      const p = nestedPosition(run, scalar, e.line, e.column);
      run.errors.push({
        doc: docIndex, line: p.line, column: p.column, path: `spec.actions[${i}].apply`,
        message: `spec.actions[${i}].apply: ${e.message}`, severity: e.severity,
      });
      if (e.severity === "error") nestedFailed = true;
    }
  });
  if (!nestedFailed) run.scenario.spec = built.spec;
}

/**
 * Line and column in the scenario of a position inside an `apply:` manifest. In a block scalar
 * (`apply: |`) line L of the manifest is L lines below the indicator, shifted by the block's
 * indentation; in a quoted or plain scalar, the scalar itself is the best we can point at.
 */
function nestedPosition(run: Run, scalar: { offset: number; end: number; block: boolean } | undefined, line: number, column: number): { line: number; column: number } {
  if (!scalar) return { line: 1, column: 1 };
  const at = run.stream.lineCounter.linePos(scalar.offset);
  if (!scalar.block) return { line: at.line, column: at.col };
  return { line: at.line + line, column: column + blockIndent(run, at.line + 1) };
}

/** Indentation of the first non-blank line at or after `line` (1-based). */
function blockIndent(run: Run, line: number): number {
  const starts = run.stream.lineCounter.lineStarts;
  for (let l = line; l <= starts.length; l++) {
    const from = starts[l - 1]!;
    const to = starts[l] ?? run.text.length;
    const content = run.text.slice(from, to).replace(/\r?\n$/, "");
    if (content.trim() !== "") return content.length - content.trimStart().length;
  }
  return 0;
}

/** Cross-document checks, then a stable order: by document, line, column. */
function finish(run: Run): void {
  const sc = run.scenario;
  if (sc?.spec?.cluster && run.hasNodes) {
    const p = run.stream.lineCounter.linePos(locate(sc.yaml, ["spec", "cluster"], true));
    run.errors.push({
      doc: sc.doc, line: p.line, column: p.col, path: "spec.cluster", severity: "warning",
      message: "spec.cluster: ignored: the scenario has Node documents, and they define the cluster",
    });
  }
  run.errors.sort((a, b) => a.doc - b.doc || a.line - b.line || a.column - b.column);
}
