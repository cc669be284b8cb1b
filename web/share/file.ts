/**
 * Import and export of the editor's YAML as a file. The name of an exported file comes from the
 * scenario (the Scenario document's name, else the first object's), so a class's downloads are
 * told apart; an imported file is refused above the size the engine accepts.
 */
import { LIMITS } from "../../src/scenario/limits";
import { isScenarioDocument, splitDocuments } from "../editor/apply-text";

export const MAX_IMPORT_BYTES = LIMITS.maxTextBytes;
export const YAML_FILE_TYPES = ".yaml,.yml,application/yaml,application/x-yaml,text/yaml,text/x-yaml,text/plain";

/** "rolling-update.yaml": a DNS-label-like name from the text, "scenario.yaml" when it has none. */
export function exportFileName(text: string): string {
  const scenario = splitDocuments(text).find(isScenarioDocument);
  const name = (scenario && firstName(scenario.text)) ?? firstName(text);
  const safe = (name ?? "").toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 63);
  return `${safe || "scenario"}.yaml`;
}

/** The first `metadata.name`, block (`metadata:\n  name: x`) or flow (`metadata: {name: x}`) style. */
function firstName(text: string): string | undefined {
  const block = /^metadata:[ \t]*(?:#.*)?\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*["']?([\w.-]+)/m.exec(text);
  const flow = /^metadata:[ \t]*\{(?:[^\n]*?[{,])?[ \t]*name:[ \t]*["']?([\w.-]+)/m.exec(text);
  const hits = [block, flow].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index);
  return hits[0]?.[1];
}

export type ImportCheck = { ok: true } | { ok: false; reason: "tooLarge"; size: string; max: string };

export function checkImport(sizeBytes: number): ImportCheck {
  if (sizeBytes <= MAX_IMPORT_BYTES) return { ok: true };
  return { ok: false, reason: "tooLarge", size: formatBytes(sizeBytes), max: formatBytes(MAX_IMPORT_BYTES) };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
