/**
 * Autosave: the workspace in localStorage, in the share-link format (so one decoder, with its
 * version check and validation, reads both). Saving is debounced but bounded: a burst of edits
 * saves once it pauses, and a running cluster still saves every `maxWaitMs`; the page flushes when
 * it is hidden or closed, so a reload or a closed tab loses nothing.
 */
import { decodeWorkspace, encodeWorkspace, type LinkResult } from "./link";
import type { Workspace } from "./workspace";

/** The part of `localStorage` used here (a Map-backed fake in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = "kubeplay.workspace";
/** The work a shared link replaced, kept until the next link replaces it. */
export const PREVIOUS_KEY = "kubeplay.workspace.previous";

/** Reads a saved workspace. Storage that cannot be read (disabled, blocked) is no workspace. */
export function readSaved(storage: KeyValueStore | undefined, key = AUTOSAVE_KEY): LinkResult {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(key) ?? null;
  } catch {
    return { kind: "none" };
  }
  return saved === null ? { kind: "none" } : decodeWorkspace(saved);
}

/** The raw saved string, for moving it aside unread. */
export function readRaw(storage: KeyValueStore | undefined, key = AUTOSAVE_KEY): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a workspace; false when the storage refused it (full, disabled). */
export function writeSaved(storage: KeyValueStore | undefined, ws: Workspace, key = AUTOSAVE_KEY): boolean {
  return writeRaw(storage, key, encodeWorkspace(ws));
}

export function writeRaw(storage: KeyValueStore | undefined, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock timers, injected so the schedule is testable. */
export interface Timers {
  set(cb: () => void, ms: number): number;
  clear(handle: number): void;
  now(): number;
}

/**
 * Calls `save` `delayMs` after the latest `request()`, and no later than `maxWaitMs` after the
 * first request since the last save.
 */
export class SaveSchedule {
  private timer: number | undefined;
  private firstRequest: number | undefined;

  constructor(
    private readonly save: () => void,
    private readonly timers: Timers,
    private readonly delayMs = 500,
    private readonly maxWaitMs = 2000,
  ) {}

  get pending(): boolean {
    return this.firstRequest !== undefined;
  }

  request(): void {
    const now = this.timers.now();
    this.firstRequest ??= now;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstRequest + this.maxWaitMs - now));
    this.timer = this.timers.set(() => this.flush(), wait);
  }

  /** Saves now if anything waits. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.firstRequest === undefined) return;
    this.firstRequest = undefined;
    this.save();
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.firstRequest = undefined;
  }
}
