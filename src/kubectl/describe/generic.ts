/**
 * The generic describer kubectl uses for kinds without their own (genericDescriber and
 * printUnstructuredContent in describe.go): name, namespace, labels, annotations, then every other
 * field sorted, with "smart" labels ("involvedObject" → "Involved Object", "uid" → "UID").
 */
import type { Event } from "kubernetes-types/core/v1";
import type { KObject } from "../../api/types";
import { describeEvents } from "./events";
import { LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, tabbedString, type PrefixWriter } from "./writer";

const ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);
const SKIP = new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);

type CharClass = "lower" | "upper" | "digit" | "other";
const classOf = (c: string): CharClass => (/[a-z]/.test(c) ? "lower" : /[A-Z]/.test(c) ? "upper" : /[0-9]/.test(c) ? "digit" : "other");

/** fatih/camelcase Split: runs of one character class; "HTTPServer" → HTTP, Server. */
function camelSplit(s: string): string[] {
  const runs: Array<{ cls: CharClass; text: string }> = [];
  for (const ch of s) {
    const cls = classOf(ch);
    const last = runs[runs.length - 1];
    if (last && last.cls === cls) last.text += ch;
    else runs.push({ cls, text: ch });
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i]!, b = runs[i + 1]!;
    if (a.cls === "upper" && b.cls === "lower") {
      b.text = a.text.slice(-1) + b.text;
      a.text = a.text.slice(0, -1);
    }
  }
  return runs.map((r) => r.text).filter((t) => t !== "");
}

/** smartLabelFor. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** Go's %v of a JSON scalar. */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  return String(v);
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else if (value !== null && typeof value === "object") {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalar(value)}\n`);
    }
  }
}

export function describeGeneric(o: KObject, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${o.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${o.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", o.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", o.metadata?.annotations);
    printContent(w, LEVEL_0, JSON.parse(JSON.stringify(o)) as Record<string, unknown>, "");
    if (events) describeEvents(w, events, nowMs);
  });
}
