/**
 * Reads the scenario files named on the command line into one YAML stream, and maps a position in
 * that stream back to the file, document and line it came from, so errors point at the user's file.
 */
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import type { ScenarioError } from "../scenario/types";

export interface SourceFile {
  path: string;
  text: string;
  /** First line of this file in the joined stream (1-based). */
  firstLine: number;
  /** Index of this file's first document in the joined stream. */
  firstDoc: number;
  lines: number;
  docs: number;
}

export type ReadResult = { ok: true; text: string; files: SourceFile[] } | { ok: false; message: string };

/** Files larger than this are refused before reading them whole (the scenario limit is far below). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readScenarioFiles(paths: string[], read = (p: string) => readFileSync(p, "utf8")): ReadResult {
  const files: SourceFile[] = [];
  let line = 1;
  let doc = 0;
  const parts: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = read(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, message: code === "ENOENT" ? `error: the path "${path}" does not exist` : `error: cannot read "${path}": ${(e as Error).message}` };
    }
    if (text.length > MAX_FILE_BYTES) return { ok: false, message: `error: "${path}" is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
    if (!text.endsWith("\n")) text += "\n";
    const lines = text.split("\n").length - 1;
    let docs = 0;
    try {
      docs = parseAllDocuments(text).length;
    } catch {
      docs = 1;
    }
    files.push({ path, text, firstLine: line, firstDoc: doc, lines, docs });
    parts.push(text);
    // The separator line "---" between files takes one line and starts a new document.
    line += lines + 1;
    doc += Math.max(docs, 1);
  }
  return { ok: true, text: parts.join("---\n"), files };
}

/** "web.yaml:12:5: document 2: spec.replicas: …" for an error in the joined stream. */
export function formatError(e: ScenarioError, files: SourceFile[]): string {
  const f = [...files].reverse().find((x) => e.line >= x.firstLine) ?? files[0];
  const where = f ? `${f.path}:${e.line - f.firstLine + 1}:${e.column}` : `${e.line}:${e.column}`;
  const doc = f ? e.doc - f.firstDoc + 1 : e.doc + 1;
  const path = e.path ? `${e.path}: ` : "";
  const msg = e.path && e.message.startsWith(e.path) ? e.message : `${path}${e.message}`;
  return `${where}: ${e.severity} in document ${doc}: ${msg}`;
}
