/**
 * What the engine client reports besides the cluster: whether the worker runs (starting, ready or
 * stopped by a bug) and the latest problems per source. Written only by the engine client.
 */
import type { ScenarioError } from "../../src/scenario/types";

export type ErrorSource = "load" | "apply" | "action";

export type EngineStatus = { state: "starting" } | { state: "ready" } | { state: "fatal"; message: string };

export interface EngineSlice {
  engine: EngineStatus;
  setEngineStatus(status: EngineStatus): void;
}

export interface DiagnosticsSlice {
  /** The latest problems per source; each `errors` message replaces its source's list. */
  diagnostics: Readonly<Record<ErrorSource, readonly ScenarioError[]>>;
  receiveErrors(source: ErrorSource, errors: readonly ScenarioError[]): void;
}

export function createEngineSlice(set: (s: Partial<EngineSlice>) => void): EngineSlice {
  return {
    engine: { state: "starting" },
    setEngineStatus: (engine) => set({ engine }),
  };
}

export function createDiagnosticsSlice(set: (s: Partial<DiagnosticsSlice>) => void, get: () => DiagnosticsSlice): DiagnosticsSlice {
  return {
    diagnostics: { load: [], apply: [], action: [] },
    receiveErrors: (source, errors) => set({ diagnostics: { ...get().diagnostics, [source]: errors } }),
  };
}
