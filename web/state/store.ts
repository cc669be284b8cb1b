/**
 * The app's state, one zustand store in slices. Each slice has one writer:
 * - cluster: the mirror of the simulated cluster, written only by engine snapshots and patches;
 * - playback, diagnostics, engine: written only by the engine client from worker messages;
 * - editor: written only by editor actions.
 * Components read through selectors (`useApp(s => …)`) and derive views with plain functions.
 */
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ScenarioError } from "../../src/scenario/types";
import type { WirePatch, WireSnapshot } from "../../src/protocol/messages";
import { applyPatch, emptyMirror, mirrorFromSnapshot, type ClusterMirror } from "./cluster";
import { DEFAULT_SCENARIO } from "../editor/default-scenario";

export type ErrorSource = "load" | "apply" | "action";

export interface ClusterSlice {
  cluster: ClusterMirror;
  /** Replaces the mirror. */
  receiveSnapshot(seq: number, snapshot: WireSnapshot): void;
  /** Applies a patch; false when its seq does not follow (the caller asks for a resync). */
  receivePatch(seq: number, patch: WirePatch): boolean;
}

export interface PlaybackSlice {
  playback: { playing: boolean; speed: number };
  receivePlayback(playing: boolean, speed: number): void;
}

export interface DiagnosticsSlice {
  /** The latest problems per source; each `errors` message replaces its source's list. */
  diagnostics: Readonly<Record<ErrorSource, readonly ScenarioError[]>>;
  receiveErrors(source: ErrorSource, errors: readonly ScenarioError[]): void;
}

export type EngineStatus = { state: "starting" } | { state: "ready" } | { state: "fatal"; message: string };

export interface EngineSlice {
  engine: EngineStatus;
  setEngineStatus(status: EngineStatus): void;
}

export interface EditorSlice {
  editor: { text: string };
  setEditorText(text: string): void;
}

export type AppState = ClusterSlice & PlaybackSlice & DiagnosticsSlice & EngineSlice & EditorSlice;
export type AppStore = StoreApi<AppState>;

type Set = StoreApi<AppState>["setState"];
type Get = StoreApi<AppState>["getState"];

const clusterSlice = (set: Set, get: Get): ClusterSlice => ({
  cluster: emptyMirror,
  receiveSnapshot: (seq, snapshot) => set({ cluster: mirrorFromSnapshot(seq, snapshot) }),
  receivePatch: (seq, patch) => {
    const next = applyPatch(get().cluster, seq, patch);
    if (next === "gap") return false;
    set({ cluster: next });
    return true;
  },
});

const playbackSlice = (set: Set): PlaybackSlice => ({
  playback: { playing: false, speed: 1 },
  receivePlayback: (playing, speed) => set({ playback: { playing, speed } }),
});

const diagnosticsSlice = (set: Set, get: Get): DiagnosticsSlice => ({
  diagnostics: { load: [], apply: [], action: [] },
  receiveErrors: (source, errors) => set({ diagnostics: { ...get().diagnostics, [source]: errors } }),
});

const engineSlice = (set: Set): EngineSlice => ({
  engine: { state: "starting" },
  setEngineStatus: (engine) => set({ engine }),
});

const editorSlice = (set: Set, initialText: string): EditorSlice => ({
  editor: { text: initialText },
  setEditorText: (text) => set({ editor: { text } }),
});

export function createAppStore(initialText: string = DEFAULT_SCENARIO): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...clusterSlice(set, get),
    ...playbackSlice(set),
    ...diagnosticsSlice(set, get),
    ...engineSlice(set),
    ...editorSlice(set, initialText),
  }));
}

/** The page's store. */
export const appStore = createAppStore();

/** Reads the page's store through a selector; the component re-renders when the selection changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
