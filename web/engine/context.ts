/** Gives components the page's engine client, so they send commands without owning the worker. */
import { createContext, useContext } from "react";
import type { EngineClient } from "./client";

export const EngineContext = createContext<EngineClient | null>(null);

export function useEngine(): EngineClient {
  const client = useContext(EngineContext);
  if (!client) throw new Error("useEngine() outside <EngineContext.Provider>");
  return client;
}
