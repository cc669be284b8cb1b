/**
 * How scenario problems read in the error list: "document 1, line 3, column 5: message", with
 * documents counted from 1 for humans (the engine counts from 0).
 */
import type { ScenarioError } from "../../src/scenario/types";
import { t } from "../i18n";
import type { ErrorSource } from "../state/store";

export interface ErrorItem {
  key: string;
  source: ErrorSource;
  severity: ScenarioError["severity"];
  text: string;
}

const SOURCES: readonly ErrorSource[] = ["load", "apply", "action"];

export function errorText(e: ScenarioError): string {
  // Problems from the UI (doc < 0) or without a position carry only their message.
  if (e.doc < 0) return e.message;
  if (e.line <= 0) return t("errors.atDoc", { doc: e.doc + 1, message: e.message });
  return t("errors.at", { doc: e.doc + 1, line: e.line, column: e.column, message: e.message });
}

/** Every current problem, scenario load first, each source in the engine's order. */
export function errorItems(diagnostics: Readonly<Record<ErrorSource, readonly ScenarioError[]>>): ErrorItem[] {
  return SOURCES.flatMap((source) =>
    diagnostics[source].map((e, i) => ({ key: `${source}-${i}`, source, severity: e.severity, text: errorText(e) })));
}
