/**
 * Starts the page's long-lived parts outside React (StrictMode's double effects must not start two
 * workers or open the workspace twice): the theme, the engine worker with the share journal
 * watching its messages, and the workspace keeper, which opens the link, the autosave or the
 * starter scenario. `Providers` hands the engine and the keeper to the components.
 */
import type { ReactNode } from "react";
import { EngineClient } from "../engine/client";
import { EngineContext } from "../engine/context";
import { createEngineWorker } from "../engine/worker";
import { DEFAULT_SCENARIO } from "../editor/default-scenario";
import { KeeperContext } from "../share/context";
import { Journal, observeWorker } from "../share/journal";
import { browserStorage, browserTimers, WorkspaceKeeper } from "../share/keeper";
import { appStore } from "../state/store";
import { startTheme } from "./theme";

export interface Booted {
  engine: EngineClient;
  keeper: WorkspaceKeeper;
}

export function boot(): Booted {
  const storage = browserStorage();
  startTheme(storage);
  const journal = new Journal();
  const engine = new EngineClient(appStore, () => observeWorker(createEngineWorker(), journal));
  engine.start();
  const page = {
    location: window.location,
    history: window.history,
    addEventListener: (type: "pagehide" | "visibilitychange" | "hashchange", cb: () => void) => (type === "visibilitychange" ? document : window).addEventListener(type, cb),
    get hidden() {
      return document.hidden;
    },
  };
  const keeper = new WorkspaceKeeper({ engine, journal, store: appStore, storage, page, timers: browserTimers });
  keeper.open(DEFAULT_SCENARIO);
  return { engine, keeper };
}

export function Providers({ booted, children }: { booted: Booted; children: ReactNode }) {
  return (
    <EngineContext.Provider value={booted.engine}>
      <KeeperContext.Provider value={booted.keeper}>{children}</KeeperContext.Provider>
    </EngineContext.Provider>
  );
}
