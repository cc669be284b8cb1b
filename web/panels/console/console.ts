/**
 * The kubectl console's logic, free of React: turning a typed line into a kubectl command for the
 * engine (with the editor's YAML as the standard input of `-f`), the command history walked with
 * ↑/↓ as a shell does, and applying a completion to the line.
 */

/** What the console does with a typed line. */
export type ConsoleInput =
  | { type: "empty" }
  | { type: "clear" }
  | { type: "help" }
  | { type: "kubectl"; command: string; stdin?: string }
  | { type: "unknown"; program: string };

const FILE_FLAG = /^(?:-f|--filename)(?:=(.*))?$/;
/** Verbs whose `-f` reads manifests: in the playground the only file is the editor's YAML. */
const READS_FILE = new Set(["apply", "create"]);

/** Splits a typed line; `kubectl` (or the common alias `k`) in front is optional. */
export function parseConsoleLine(line: string, editorText: string): ConsoleInput {
  const trimmed = line.trim();
  if (!trimmed) return { type: "empty" };
  if (trimmed === "clear") return { type: "clear" };
  if (trimmed === "help") return { type: "help" };
  const words = trimmed.split(/\s+/);
  let rest = trimmed;
  if (words[0] === "kubectl" || words[0] === "k") rest = trimmed.slice(words[0].length).trim();
  else if (!KNOWN_VERBS.has(words[0]!)) return { type: "unknown", program: words[0]! };
  if (!rest) return { type: "kubectl", command: "" };
  const argv = rest.split(/\s+/);
  if (!READS_FILE.has(argv[0]!)) return { type: "kubectl", command: rest };
  // `apply -f anything.yaml` and `apply -f -` both read the editor's text.
  const out: string[] = [];
  let readsFile = false;
  for (let i = 0; i < argv.length; i++) {
    const m = FILE_FLAG.exec(argv[i]!);
    if (!m) { out.push(argv[i]!); continue; }
    readsFile = true;
    out.push("-f", "-");
    if (m[1] === undefined) i++;
  }
  return readsFile ? { type: "kubectl", command: out.join(" "), stdin: editorText } : { type: "kubectl", command: rest };
}

/** The verbs a learner may type without `kubectl` in front. */
export const KNOWN_VERBS: ReadonlySet<string> = new Set([
  "get", "describe", "logs", "apply", "create", "delete", "scale", "rollout", "set", "label", "annotate", "taint",
  "cordon", "uncordon", "drain", "top", "exec", "run", "expose",
]);

/** Shell-style history: entries oldest first, and where ↑/↓ is (entries.length = the new line). */
export interface History {
  entries: readonly string[];
  index: number;
  /** The line being typed before ↑ was first pressed, restored by ↓ past the newest entry. */
  draft: string;
}

export const HISTORY_LIMIT = 200;
export const emptyHistory: History = { entries: [], index: 0, draft: "" };

/** After running `line`: it joins the history (a repeat of the last entry is not added twice). */
export function remember(h: History, line: string): History {
  const trimmed = line.trim();
  const entries = !trimmed || h.entries.at(-1) === trimmed ? h.entries : [...h.entries, trimmed].slice(-HISTORY_LIMIT);
  return { entries, index: entries.length, draft: "" };
}

/** ↑: the previous entry (stays on the oldest). Returns the new history and the line to show. */
export function historyUp(h: History, current: string): { history: History; line: string } {
  if (h.entries.length === 0) return { history: h, line: current };
  const draft = h.index === h.entries.length ? current : h.draft;
  const index = Math.max(0, h.index - 1);
  return { history: { ...h, index, draft }, line: h.entries[index]! };
}

/** ↓: the next entry, then the draft. */
export function historyDown(h: History, current: string): { history: History; line: string } {
  if (h.index >= h.entries.length) return { history: h, line: current };
  const index = h.index + 1;
  return { history: { ...h, index }, line: index === h.entries.length ? h.draft : h.entries[index]! };
}

/**
 * The line after Tab. One candidate replaces the word being completed and adds a space; several
 * extend it to their common prefix, and are listed when that adds nothing.
 */
export function applyCompletion(line: string, prefix: string, candidates: readonly string[]): { line: string; list: string[] } {
  if (candidates.length === 0) return { line, list: [] };
  const stem = line.endsWith(prefix) ? line.slice(0, line.length - prefix.length) : line;
  if (candidates.length === 1) return { line: `${stem}${candidates[0]} `, list: [] };
  const common = commonPrefix(candidates);
  if (common.length > prefix.length) return { line: `${stem}${common}`, list: [] };
  return { line, list: [...candidates] };
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The part of the line the engine completes: without a leading `kubectl`/`k`. */
export function completionLine(line: string): { head: string; tail: string } {
  const m = /^(\s*(?:kubectl|k)\s+)/.exec(line);
  return m ? { head: m[1]!, tail: line.slice(m[1]!.length) } : { head: "", tail: line };
}
