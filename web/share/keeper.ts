/**
 * Keeps the learner's workspace: opens the page with the right one (link, autosave, starter),
 * saves it as it changes, makes share links, and swaps in imported or kept-aside work. It is the
 * one place that turns a Workspace into engine commands and store writes, and back.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Replay } from "../../src/protocol/messages";
import type { EngineClient } from "../engine/client";
import type { AppStore } from "../state/store";
import { AUTOSAVE_KEY, PREVIOUS_KEY, readRaw, readSaved, SaveSchedule, writeRaw, writeSaved, type KeyValueStore, type Timers } from "./autosave";
import type { Journal, RunRecord } from "./journal";
import { decodeWorkspace, shareUrl } from "./link";
import { chooseOpening, type OpeningNotice } from "./opening";
import { freshWorkspace, type Workspace } from "./workspace";

/** The page around the app: its address, history and lifecycle events (window in the browser). */
export interface PageHost {
  location: { href: string; hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: "pagehide" | "visibilitychange" | "hashchange", cb: () => void): void;
  readonly hidden: boolean;
}

export interface NoticeState {
  notice: OpeningNotice | undefined;
  /** The latest autosave failed (storage full or disabled). */
  saveFailed: boolean;
}

export interface KeeperDeps {
  engine: Pick<EngineClient, "load" | "setSpeed">;
  journal: Journal;
  store: AppStore;
  storage: KeyValueStore | undefined;
  page: PageHost;
  timers: Timers;
}

export class WorkspaceKeeper {
  readonly notices: StoreApi<NoticeState> = createStore<NoticeState>()(() => ({ notice: undefined, saveFailed: false }));
  private readonly schedule: SaveSchedule;
  private started = false;
  private starter = "";

  constructor(private readonly deps: KeeperDeps) {
    this.schedule = new SaveSchedule(() => this.save(), deps.timers);
  }

  /**
   * Opens the page's workspace and starts saving it. Call once, after the engine client started.
   * A link pasted into the address bar of the open page (only the hash changes) opens the same way.
   */
  open(starter: string): void {
    if (this.started) return;
    this.started = true;
    this.starter = starter;
    const { page } = this.deps;
    this.openFromAddress();

    const request = () => this.schedule.request();
    this.deps.journal.subscribe(request);
    this.deps.store.subscribe((s, prev) => {
      if (s.editor.text !== prev.editor.text || s.playback.speed !== prev.playback.speed || s.layout !== prev.layout || s.selection !== prev.selection) request();
    });
    page.addEventListener("pagehide", () => this.schedule.flush());
    page.addEventListener("visibilitychange", () => { if (page.hidden) this.schedule.flush(); });
    page.addEventListener("hashchange", () => {
      if (!page.location.hash) return;
      // The work so far is saved first: the link may replace it, and it must be kept aside.
      this.schedule.flush();
      this.openFromAddress();
    });
  }

  private openFromAddress(): void {
    const { storage, page } = this.deps;
    const opening = chooseOpening(decodeWorkspace(page.location.hash), readSaved(storage), this.starter);
    if (opening.keepPrevious) {
      const raw = readRaw(storage);
      if (raw !== null) writeRaw(storage, PREVIOUS_KEY, raw);
    }
    // The link has been read: from now on the address is the plain page and a reload opens the
    // autosave, which holds the link's workspace plus whatever the learner does next.
    if (page.location.hash) page.history.replaceState(null, "", page.location.pathname + page.location.search);
    this.notices.setState({ notice: opening.notice });
    this.restore(opening.workspace);
    if (opening.source !== "autosave") this.schedule.request();
  }

  /** The workspace as it stands; undefined until the engine answered the first load. */
  current(): Workspace | undefined {
    const run = this.deps.journal.current();
    if (!run) return undefined;
    const s = this.deps.store.getState();
    return { ...run, editor: s.editor.text, view: { speed: s.playback.speed, canvasView: s.layout.canvasView, panel: s.layout.panel, selection: s.selection } };
  }

  /** Calls `listener` when the run's record changes (a load answered, a command, a new position). */
  readonly subscribe = (listener: () => void): (() => void) => this.deps.journal.subscribe(listener);

  runRecord(): RunRecord | undefined {
    return this.deps.journal.current();
  }

  /** The scenario text the running cluster was built from. */
  loadedScenario(): string | undefined {
    return this.deps.journal.current()?.scenario.yaml;
  }

  /** A link that opens this workspace, or undefined before the engine answered. */
  shareLink(): string | undefined {
    const ws = this.current();
    return ws ? shareUrl(this.deps.page.location.href, ws) : undefined;
  }

  /** Starts over with `yaml` in the editor and in a fresh cluster (Import, Restart). */
  openText(yaml: string): void {
    const s = this.deps.store.getState();
    this.restore(freshWorkspace(yaml, { speed: s.playback.speed, canvasView: s.layout.canvasView, panel: s.layout.panel }));
    this.schedule.request();
  }

  /** Brings back the work a shared link replaced; the link's workspace is kept aside in its place. */
  restorePrevious(): boolean {
    const { storage } = this.deps;
    const previous = readSaved(storage, PREVIOUS_KEY);
    if (previous.kind !== "ok") return false;
    const now = this.current();
    if (now) writeSaved(storage, now, PREVIOUS_KEY);
    this.restore(previous.workspace);
    this.notices.setState({ notice: undefined });
    this.schedule.request();
    return true;
  }

  dismissNotice(): void {
    this.notices.setState({ notice: undefined });
  }

  /** Saves now (tests, page hide). */
  flush(): void {
    this.schedule.flush();
  }

  private restore(ws: Workspace): void {
    const { engine, store } = this.deps;
    const moved = ws.commands.length > 0 || ws.position.step > 0 || ws.position.time > 0;
    const replay: Replay | undefined = moved ? { commands: ws.commands, ran: ws.ran, step: ws.position.step, time: ws.position.time } : undefined;
    engine.load(ws.scenario.yaml, ws.scenario.seed, replay);
    if (ws.view.speed !== store.getState().playback.speed) engine.setSpeed(ws.view.speed);
    const s = store.getState();
    s.setCanvasView(ws.view.canvasView);
    s.setPanel(ws.view.panel);
    s.select(ws.view.selection);
    s.setEditorText(ws.editor);
    store.getState().markSubmitted(submittedSource(ws));
  }

  private save(): void {
    // Before the engine answered the first load there is nothing to save; its answer asks again.
    const ws = this.current();
    if (!ws) return;
    const ok = writeSaved(this.deps.storage, ws, AUTOSAVE_KEY);
    if (ok !== !this.notices.getState().saveFailed) this.notices.setState({ saveFailed: !ok });
  }
}

/** localStorage when the browser lets the page use it. */
export function browserStorage(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const browserTimers: Timers = {
  set: (cb, ms) => window.setTimeout(cb, ms),
  clear: (h) => window.clearTimeout(h),
  now: () => performance.now(),
};

/**
 * What the editor's text was last sent as, for a restored workspace: an apply when the run's last
 * command is one, the load when the editor shows the loaded text, else nothing the engine saw.
 */
function submittedSource(ws: Workspace): "load" | "apply" | null {
  const last = ws.ran > 0 ? ws.commands[ws.ran - 1] : undefined;
  if (last?.command.type === "apply") return "apply";
  return ws.ran === 0 && ws.editor === ws.scenario.yaml ? "load" : null;
}
