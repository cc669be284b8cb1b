/**
 * The editor's status line: whether the engine has the editor's text, and since when. "Applied"
 * when the latest command that ran is an apply; "fresh cluster" after a Restart or a restore; and
 * "edited since" when the text differs from what the engine last got.
 */
import type { RunRecord } from "../share/journal";
import type { ErrorSource } from "../state/store";
import { manifestsForApply } from "./apply-text";

export type EditorStatus =
  | { kind: "none"; edited: boolean }
  /** `problems`: errors the engine found in the applied text (the problem list names them). */
  | { kind: "applied"; time: number; edited: boolean; problems: number }
  | { kind: "restarted"; edited: boolean };

export function editorStatus(run: RunRecord | undefined, submitted: ErrorSource | null, text: string, problems = 0): EditorStatus {
  if (!run) return { kind: "none", edited: false };
  const last = run.ran > 0 ? run.commands[run.ran - 1] : undefined;
  if (submitted === "apply" && last?.command.type === "apply") {
    return { kind: "applied", time: last.time, edited: last.command.yaml !== manifestsForApply(text), problems };
  }
  if (submitted === "load") return { kind: "restarted", edited: run.ran === 0 && run.scenario.yaml !== text };
  return { kind: "none", edited: false };
}
