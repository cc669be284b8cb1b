/**
 * How scenario problems read in the error list: "document 1, line 3, column 5: message", with
 * documents counted from 1 for humans (the engine counts from 0). The list shows the problems of
 * the editor's latest submission (Apply or Restart) and of the latest action: older ones describe
 * text that is no longer there.
 */
import type { ScenarioError } from "../../src/scenario/types";
import { t } from "../i18n";
import type { ErrorSource } from "../state/store";

export interface ErrorItem {
  key: string;
  source: ErrorSource;
  severity: ScenarioError["severity"];
  text: string;
  /** Where the problem is in the editor's text, when it is in the text at all. */
  at?: { line: number; column: number };
}

export function errorText(e: ScenarioError): string {
  // Problems from the UI (doc < 0) or without a position carry only their message.
  if (e.doc < 0) return e.message;
  if (e.line <= 0) return t("errors.atDoc", { doc: e.doc + 1, message: e.message });
  return t("errors.at", { doc: e.doc + 1, line: e.line, column: e.column, message: e.message });
}

/**
 * The problems about the editor's text (`submitted`'s), the load's problems that concern no text
 * (a shared run that did not replay), and the latest action's, in the engine's order.
 */
export function errorItems(diagnostics: Readonly<Record<ErrorSource, readonly ScenarioError[]>>, submitted: ErrorSource | null): ErrorItem[] {
  const shown = (source: ErrorSource, e: ScenarioError) =>
    source === "action" || source === submitted || (source === "load" && e.doc < 0);
  const order: ErrorSource[] = ["load", "apply", "action"];
  return order.flatMap((source) =>
    diagnostics[source].flatMap((e, i) => (shown(source, e) ? [{
      key: `${source}-${i}`,
      source,
      severity: e.severity,
      text: errorText(e),
      ...(e.doc >= 0 && e.line > 0 ? { at: { line: e.line, column: Math.max(1, e.column) } } : {}),
    }] : [])));
}
