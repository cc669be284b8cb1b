/** Gives components the page's workspace keeper (share, import, export, notices). */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { RunRecord } from "./journal";
import type { WorkspaceKeeper } from "./keeper";

export const KeeperContext = createContext<WorkspaceKeeper | null>(null);

export function useKeeper(): WorkspaceKeeper {
  const keeper = useContext(KeeperContext);
  if (!keeper) throw new Error("useKeeper() outside <KeeperContext.Provider>");
  return keeper;
}

/** The scenario text the running cluster was built from (undefined before the engine answered). */
export function useLoadedScenario(): string | undefined {
  const keeper = useKeeper();
  return useSyncExternalStore(keeper.subscribe, () => keeper.loadedScenario());
}

/** The run's record: scenario, commands with their positions, how many ran, where the run stands. */
export function useRunRecord(): RunRecord | undefined {
  const keeper = useKeeper();
  return useSyncExternalStore(keeper.subscribe, () => keeper.runRecord());
}
