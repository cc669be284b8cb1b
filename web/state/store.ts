/**
 * The app's state, one zustand store composed of slices, each in its own file with one writer:
 * - cluster (cluster-slice.ts): the mirror of the simulated cluster, written only by engine
 *   snapshots and patches, published once per animation frame;
 * - playback (playback.ts), engine status and diagnostics (engine-status.ts): written by the
 *   engine client from worker messages (the pending seek by the seek controller);
 * - selection (selection.ts) and layout (layout.ts): written by the canvas and panels;
 * - editor (editor.ts): written only by editor actions.
 * Components read through selectors (`useApp(s => …)`) and derive views with plain functions.
 */
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import { DEFAULT_SCENARIO } from "../editor/default-scenario";
import { createClusterSlice, type ClusterSlice } from "./cluster-slice";
import { createEditorSlice, type EditorSlice } from "./editor";
import { createDiagnosticsSlice, createEngineSlice, type DiagnosticsSlice, type EngineSlice } from "./engine-status";
import { defaultFrameScheduler, type FrameScheduler } from "./frame";
import { createLayoutSlice, type LayoutSlice } from "./layout";
import { createPlaybackSlice, type PlaybackSlice } from "./playback";
import { createSelectionSlice, type SelectionSlice } from "./selection";

export type { ClusterSlice } from "./cluster-slice";
export type { EditorSlice } from "./editor";
export type { DiagnosticsSlice, EngineSlice, EngineStatus, ErrorSource } from "./engine-status";
export type { LayoutSlice } from "./layout";
export type { PlaybackSlice } from "./playback";
export type { SelectionSlice } from "./selection";

export type AppState = ClusterSlice & PlaybackSlice & DiagnosticsSlice & EngineSlice & EditorSlice & SelectionSlice & LayoutSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** When the cluster mirror is published (default: once per animation frame; at once outside a browser). */
  frame?: FrameScheduler;
}

export function createAppStore(initialText: string = DEFAULT_SCENARIO, opts: StoreOptions = {}): AppStore {
  const frame = opts.frame ?? defaultFrameScheduler();
  return createStore<AppState>()((set, get) => ({
    ...createClusterSlice(set, get, frame),
    ...createPlaybackSlice(set),
    ...createDiagnosticsSlice(set, get),
    ...createEngineSlice(set),
    ...createEditorSlice(set, initialText),
    ...createSelectionSlice(set, get),
    ...createLayoutSlice(set, get),
  }));
}

/** The page's store. */
export const appStore = createAppStore();

/** Reads the page's store through a selector; the component re-renders when the selection changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
