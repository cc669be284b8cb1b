/**
 * Which workspace the page opens with: a link in the address bar first, then the autosave, then the
 * starter scenario. A link that cannot be opened never costs the learner their saved work: the page
 * opens the autosave (or the starter) and says what was wrong with the link. Opening a good link
 * over different saved work keeps that work aside (PREVIOUS_KEY) so it can be brought back.
 */
import type { LinkResult } from "./link";
import { freshWorkspace, type Workspace } from "./workspace";

export type OpeningSource = "link" | "autosave" | "starter";

/** What the page tells the learner about how it opened; none for the ordinary cases. */
export type OpeningNotice =
  | { kind: "link-future"; version: number; fallback: OpeningSource }
  | { kind: "link-damaged"; detail: string; fallback: OpeningSource }
  /** A good link replaced saved work that differs from it; that work was kept aside. */
  | { kind: "link-opened"; previousKept: boolean }
  /** The autosave could not be read (a newer Kubeplay wrote it, or it was altered). */
  | { kind: "autosave-unreadable"; detail: string };

export interface Opening {
  workspace: Workspace;
  source: OpeningSource;
  notice?: OpeningNotice;
  /** The saved work should be moved aside before anything is saved (a link replaced it). */
  keepPrevious: boolean;
}

export function chooseOpening(link: LinkResult, saved: LinkResult, starter: string): Opening {
  const fallback = (): { workspace: Workspace; source: OpeningSource } =>
    saved.kind === "ok" ? { workspace: saved.workspace, source: "autosave" } : { workspace: freshWorkspace(starter), source: "starter" };

  switch (link.kind) {
    case "ok": {
      const differs = saved.kind !== "none" && !(saved.kind === "ok" && sameWork(saved.workspace, link.workspace));
      return {
        workspace: link.workspace,
        source: "link",
        keepPrevious: differs,
        ...(differs ? { notice: { kind: "link-opened", previousKept: true } as const } : {}),
      };
    }
    case "future": {
      const f = fallback();
      return { ...f, keepPrevious: false, notice: { kind: "link-future", version: link.version, fallback: f.source } };
    }
    case "damaged": {
      const f = fallback();
      return { ...f, keepPrevious: false, notice: { kind: "link-damaged", detail: link.detail, fallback: f.source } };
    }
    case "none":
      break;
  }
  if (saved.kind === "ok") return { workspace: saved.workspace, source: "autosave", keepPrevious: false };
  const starterOpening = { workspace: freshWorkspace(starter), source: "starter" as const };
  switch (saved.kind) {
    case "none": return { ...starterOpening, keepPrevious: false };
    // Unreadable saved work is moved aside, not overwritten by the starter's first save.
    case "future": return { ...starterOpening, keepPrevious: true, notice: { kind: "autosave-unreadable", detail: `saved by a newer Kubeplay (format v${saved.version})` } };
    case "damaged": return { ...starterOpening, keepPrevious: true, notice: { kind: "autosave-unreadable", detail: saved.detail } };
  }
}

/** The same scenario, commands and editor text: opening the link loses nothing of the saved work. */
function sameWork(a: Workspace, b: Workspace): boolean {
  return a.scenario.yaml === b.scenario.yaml && a.scenario.seed === b.scenario.seed && a.editor === b.editor
    && JSON.stringify(a.commands) === JSON.stringify(b.commands);
}
