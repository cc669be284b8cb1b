import { describe, expect, it } from "vitest";
import type { FromWorker, Replay } from "../../src/protocol/messages";
import { createAppStore } from "../state/store";
import { AUTOSAVE_KEY, PREVIOUS_KEY, SaveSchedule, type KeyValueStore, type Timers } from "./autosave";
import { Journal } from "./journal";
import { WorkspaceKeeper, type PageHost } from "./keeper";
import { decodeWorkspace, encodeWorkspace } from "./link";
import { freshWorkspace, type Workspace } from "./workspace";

const STARTER = "kind: Starter\n";

class FakeTimers implements Timers {
  t = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; cb: () => void }>();
  set(cb: () => void, ms: number): number {
    this.due.set(this.next, { at: this.t + ms, cb });
    return this.next++;
  }
  clear(h: number): void {
    this.due.delete(h);
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const [h, first] = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (h === undefined || !first || first.at > end) break;
      this.due.delete(h);
      this.t = first.at;
      first.cb();
    }
    this.t = end;
  }
}

class MapStorage implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

function setup(opts: { hash?: string; saved?: Workspace } = {}) {
  const storage = new MapStorage();
  if (opts.saved) storage.setItem(AUTOSAVE_KEY, encodeWorkspace(opts.saved));
  const timers = new FakeTimers();
  const listeners: Record<string, Array<() => void>> = {};
  const page: PageHost & { hidden: boolean; urls: string[] } = {
    location: { href: `https://kubeplay.dev/${opts.hash ?? ""}`, hash: opts.hash ?? "", pathname: "/", search: "" },
    history: { replaceState: (_d, _u, url) => { page.urls.push(url); page.location.hash = ""; } },
    addEventListener: (type, cb) => { (listeners[type] ??= []).push(cb); },
    hidden: false,
    urls: [],
  };
  const loads: Array<{ yaml: string; seed?: number; replay?: Replay }> = [];
  const journal = new Journal();
  const store = createAppStore("");
  const engine = {
    // The fake worker answers at once, as the real one does in order.
    load(yaml: string, seed?: number, replay?: Replay) {
      loads.push({ yaml, ...(seed === undefined ? {} : { seed }), ...(replay ? { replay } : {}) });
      journal.sent({ type: "load", yaml, ...(seed === undefined ? {} : { seed }), ...(replay ? { replay } : {}) });
      journal.received({ type: "errors", source: "load", errors: [] });
    },
    setSpeed(speed: number) {
      store.getState().receivePlayback(false, speed);
    },
  };
  const keeper = new WorkspaceKeeper({ engine, journal, store, storage, page, timers });
  const fire = (type: string) => listeners[type]?.forEach((cb) => cb());
  const saved = () => decodeWorkspace(storage.getItem(AUTOSAVE_KEY) ?? "");
  const worker = (msg: FromWorker) => journal.received(msg);
  return { storage, timers, page, loads, journal, store, keeper, fire, saved, worker };
}

const played: Workspace = {
  scenario: { yaml: "kind: Played\n", seed: 9 },
  commands: [{ atStep: 3, time: 1, command: { type: "apply", yaml: "kind: Applied\n" } }],
  ran: 1,
  position: { step: 20, time: 12.5 },
  editor: "kind: Applied\n# still typing",
  view: { speed: 10, canvasView: "workloads", panel: "pods", selection: { kind: "Pod", namespace: "default", name: "web-1" } },
};

describe("WorkspaceKeeper", () => {
  it("opens the starter on a first visit and saves it", () => {
    const { keeper, loads, store, timers, saved } = setup();
    keeper.open(STARTER);
    expect(loads).toEqual([{ yaml: STARTER }]);
    expect([store.getState().editor.text, store.getState().editorSubmitted]).toEqual([STARTER, "load"]);
    timers.advance(600);
    expect(saved()).toEqual({ kind: "ok", workspace: freshWorkspace(STARTER) });
  });

  it("reopens the autosave exactly where it stood: replayed commands, position, edits, speed", () => {
    const { keeper, loads, store } = setup({ saved: played });
    keeper.open(STARTER);
    expect(loads).toEqual([{ yaml: "kind: Played\n", seed: 9, replay: { commands: played.commands, ran: 1, step: 20, time: 12.5 } }]);
    // The run's last command applied the editor's text (edited since): its problems are the editor's.
    expect([store.getState().editor.text, store.getState().editorSubmitted]).toEqual([played.editor, "apply"]);
    expect(store.getState().playback.speed).toBe(10);
    expect(keeper.current()).toEqual(played);
  });

  it("marks no engine problems as the editor's when it holds edits the engine never saw", () => {
    const { keeper, store } = setup({ saved: { ...freshWorkspace("kind: A\n"), editor: "kind: B\n" } });
    keeper.open(STARTER);
    expect(store.getState().editorSubmitted).toBeNull();
  });

  it("opens a link, clears it from the address bar and keeps the different saved work aside", () => {
    const link = `#${encodeWorkspace(played)}`;
    const { keeper, loads, page, storage, keeper: k } = setup({ hash: link, saved: freshWorkspace("kind: Mine\n") });
    keeper.open(STARTER);
    expect(loads[0]!.yaml).toBe("kind: Played\n");
    expect(page.urls).toEqual(["/"]);
    expect(decodeWorkspace(storage.getItem(PREVIOUS_KEY) ?? "")).toMatchObject({ kind: "ok", workspace: { editor: "kind: Mine\n" } });
    expect(k.notices.getState().notice).toEqual({ kind: "link-opened", previousKept: true });

    expect(keeper.restorePrevious()).toBe(true);
    expect(loads.at(-1)!.yaml).toBe("kind: Mine\n");
    expect(decodeWorkspace(storage.getItem(PREVIOUS_KEY) ?? "")).toMatchObject({ kind: "ok", workspace: { editor: played.editor } });
    expect(k.notices.getState().notice).toBeUndefined();
  });

  it("opens the autosave under a damaged link and leaves the saved text as it was", () => {
    const { keeper, loads, storage, timers, saved } = setup({ hash: "#v1:not-a-link", saved: played });
    const before = storage.getItem(AUTOSAVE_KEY);
    keeper.open(STARTER);
    expect(loads[0]!.yaml).toBe("kind: Played\n");
    expect(keeper.notices.getState().notice).toMatchObject({ kind: "link-damaged", fallback: "autosave" });
    timers.advance(5000);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(before);
    expect(saved()).toEqual({ kind: "ok", workspace: played });
  });

  it("saves edits once typing pauses, and at least every two seconds while the cluster runs", () => {
    const { keeper, store, timers, saved, worker } = setup();
    keeper.open(STARTER);
    timers.advance(1000);
    store.getState().setEditorText("kind: A\n");
    timers.advance(300);
    store.getState().setEditorText("kind: AB\n");
    timers.advance(300);
    expect(saved()).toMatchObject({ workspace: { editor: STARTER } });
    timers.advance(300);
    expect(saved()).toMatchObject({ workspace: { editor: "kind: AB\n" } });

    for (let t = 0; t < 2100; t += 100) {
      worker({ type: "patch", seq: 1, patch: { time: t / 1000, step: t } as never });
      timers.advance(100);
    }
    const pos = saved();
    expect(pos.kind === "ok" && pos.workspace.position.step).toBeGreaterThan(1000);
  });

  it("saves at once when the page is hidden or closed", () => {
    const { keeper, store, timers, saved, fire, page } = setup();
    keeper.open(STARTER);
    timers.advance(1000);
    store.getState().setEditorText("kind: Typed\n");
    fire("pagehide");
    expect(saved()).toMatchObject({ workspace: { editor: "kind: Typed\n" } });
    store.getState().setEditorText("kind: Typed again\n");
    page.hidden = true;
    fire("visibilitychange");
    expect(saved()).toMatchObject({ workspace: { editor: "kind: Typed again\n" } });
  });

  it("makes a share link that opens the same workspace", () => {
    const { keeper } = setup({ saved: played });
    keeper.open(STARTER);
    const url = keeper.shareLink()!;
    expect(url.startsWith("https://kubeplay.dev/#v1:")).toBe(true);
    expect(decodeWorkspace(url.slice(url.indexOf("#")))).toEqual({ kind: "ok", workspace: played });
  });

  it("starts over with an imported file", () => {
    const { keeper, loads, store } = setup({ saved: played });
    keeper.open(STARTER);
    keeper.openText("kind: Imported\n");
    expect(loads.at(-1)).toEqual({ yaml: "kind: Imported\n" });
    expect(store.getState().editor.text).toBe("kind: Imported\n");
    expect(keeper.current()).toMatchObject({ commands: [], position: { step: 0, time: 0 } });
  });

  it("reports storage that refuses to save", () => {
    const { keeper, storage, timers } = setup();
    storage.setItem = () => { throw new Error("QuotaExceededError"); };
    keeper.open(STARTER);
    timers.advance(600);
    expect(keeper.notices.getState().saveFailed).toBe(true);
  });
});

describe("SaveSchedule", () => {
  it("saves once after a burst, never without a request", () => {
    const timers = new FakeTimers();
    let saves = 0;
    const s = new SaveSchedule(() => saves++, timers, 500, 2000);
    timers.advance(5000);
    expect(saves).toBe(0);
    for (let i = 0; i < 4; i++) { s.request(); timers.advance(100); }
    expect(saves).toBe(0);
    timers.advance(500);
    expect(saves).toBe(1);
    s.flush();
    expect(saves).toBe(1);
  });
});

describe("WorkspaceKeeper and links pasted into an open page", () => {
  it("saves the work so far, opens the link, and keeps that work aside", () => {
    const { keeper, store, page, fire, storage, loads } = setup();
    keeper.open(STARTER);
    store.getState().setEditorText("kind: Unsaved\n");
    page.location.hash = `#${encodeWorkspace(played)}`;
    fire("hashchange");
    expect(loads.at(-1)!.yaml).toBe("kind: Played\n");
    expect(page.urls.at(-1)).toBe("/");
    expect(decodeWorkspace(storage.getItem(PREVIOUS_KEY) ?? "")).toMatchObject({ kind: "ok", workspace: { editor: "kind: Unsaved\n" } });
    expect(keeper.notices.getState().notice?.kind).toBe("link-opened");
  });

  it("ignores the hash being cleared", () => {
    const { keeper, page, fire, loads } = setup();
    keeper.open(STARTER);
    page.location.hash = "";
    fire("hashchange");
    expect(loads).toHaveLength(1);
  });
});
