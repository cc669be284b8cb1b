import { describe, expect, it } from "vitest";
import type { LinkResult } from "./link";
import { chooseOpening } from "./opening";
import { freshWorkspace, type Workspace } from "./workspace";

const STARTER = "kind: Starter";
const linked: Workspace = { ...freshWorkspace("kind: Linked"), position: { step: 5, time: 2 } };
const saved: Workspace = { ...freshWorkspace("kind: Saved"), editor: "kind: Saved\n# my edits" };

const ok = (workspace: Workspace): LinkResult => ({ kind: "ok", workspace });
const none: LinkResult = { kind: "none" };
const damaged: LinkResult = { kind: "damaged", detail: "cut short" };
const future: LinkResult = { kind: "future", version: 3 };

describe("chooseOpening", () => {
  it.each([
    { name: "first visit: the starter", link: none, save: none, source: "starter", editor: STARTER, notice: undefined, keep: false },
    { name: "a reload: the autosave", link: none, save: ok(saved), source: "autosave", editor: saved.editor, notice: undefined, keep: false },
    { name: "a link on a first visit", link: ok(linked), save: none, source: "link", editor: "kind: Linked", notice: undefined, keep: false },
    { name: "a link over other saved work keeps that work aside", link: ok(linked), save: ok(saved), source: "link", editor: "kind: Linked", notice: "link-opened", keep: true },
    { name: "a link over the same work says nothing", link: ok(linked), save: ok({ ...linked, position: { step: 9, time: 4 } }), source: "link", editor: "kind: Linked", notice: undefined, keep: false },
    { name: "a damaged link opens the autosave", link: damaged, save: ok(saved), source: "autosave", editor: saved.editor, notice: "link-damaged", keep: false },
    { name: "a damaged link on a first visit opens the starter", link: damaged, save: none, source: "starter", editor: STARTER, notice: "link-damaged", keep: false },
    { name: "a link from the future opens the autosave", link: future, save: ok(saved), source: "autosave", editor: saved.editor, notice: "link-future", keep: false },
    { name: "an unreadable autosave is kept aside, not overwritten", link: none, save: damaged, source: "starter", editor: STARTER, notice: "autosave-unreadable", keep: true },
    { name: "an autosave from a newer Kubeplay is kept aside", link: none, save: future, source: "starter", editor: STARTER, notice: "autosave-unreadable", keep: true },
  ])("$name", ({ link, save, source, editor, notice, keep }) => {
    const o = chooseOpening(link, save, STARTER);
    expect(o.source).toBe(source);
    expect(o.workspace.editor).toBe(editor);
    expect(o.notice?.kind).toBe(notice);
    expect(o.keepPrevious).toBe(keep);
  });

  it("says which workspace opened instead of a bad link", () => {
    expect(chooseOpening(damaged, ok(saved), STARTER).notice).toEqual({ kind: "link-damaged", detail: "cut short", fallback: "autosave" });
    expect(chooseOpening(future, none, STARTER).notice).toEqual({ kind: "link-future", version: 3, fallback: "starter" });
  });
});
