/**
 * The engine's problems as editor markers: each at its line and column, underlining the word it
 * points at (a whole empty line gets one character), so the squiggle sits where the learner must
 * look. Problems without a place in the text (doc < 0, line 0) are left to the problem list.
 */
import type { ScenarioError } from "../../src/scenario/types";

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  severity: ScenarioError["severity"];
  message: string;
}

export function engineMarkers(text: string, errors: readonly ScenarioError[]): MarkerRange[] {
  const lines = text.split("\n");
  const out: MarkerRange[] = [];
  for (const e of errors) {
    if (e.doc < 0 || e.line <= 0) continue;
    const lineNumber = Math.min(e.line, lines.length);
    const line = (lines[lineNumber - 1] ?? "").replace(/\r$/, "");
    const { start, end } = wordAt(line, e.line > lines.length ? line.length + 1 : e.column);
    out.push({ startLineNumber: lineNumber, startColumn: start, endLineNumber: lineNumber, endColumn: end, severity: e.severity, message: e.message });
  }
  return out;
}

/** The 1-based column span of the token at `column`; the line's text when the column is past it. */
function wordAt(line: string, column: number): { start: number; end: number } {
  const firstText = line.length - line.trimStart().length + 1;
  if (line.trim() === "") return { start: 1, end: Math.max(2, line.length + 1) };
  if (column < 1 || column > line.length) return { start: firstText, end: line.trimEnd().length + 1 };
  let start = column;
  if (line[start - 1] === " ") start = Math.max(column, firstText);
  let end = start;
  while (end <= line.length && !/\s/.test(line[end - 1] ?? " ")) end++;
  return end > start ? { start, end } : { start, end: start + 1 };
}
