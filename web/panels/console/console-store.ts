/**
 * The console's transcript and history, kept outside the component so they survive switching dock
 * tabs (and the page's language switch, which remounts the app). One writer: the console panel.
 */
import { createStore } from "zustand/vanilla";
import { emptyHistory, remember, type History } from "./console";

export interface TranscriptEntry {
  id: number;
  /** The line as typed ("" for a local notice). */
  input: string;
  stdout: string;
  stderr: string;
  /** The command is still running in the engine. */
  pending: boolean;
  /** A following command (get -w, logs -f) still printing: the engine's request id, for Ctrl+C. */
  following?: number;
}

/** Entries kept on screen: a long session keeps its latest output. */
export const TRANSCRIPT_LIMIT = 200;

interface ConsoleState {
  transcript: TranscriptEntry[];
  history: History;
  nextId: number;
}

export const consoleStore = createStore<ConsoleState>()(() => ({ transcript: [], history: emptyHistory, nextId: 1 }));

/** Adds a running command; returns its id for `finish`. */
export function begin(input: string): number {
  const s = consoleStore.getState();
  const id = s.nextId;
  consoleStore.setState({
    nextId: id + 1,
    history: remember(s.history, input),
    transcript: [...s.transcript, { id, input, stdout: "", stderr: "", pending: true }].slice(-TRANSCRIPT_LIMIT),
  });
  return id;
}

export function finish(id: number, stdout: string, stderr: string): void {
  consoleStore.setState((s) => ({ transcript: s.transcript.map((e) => (e.id === id ? { ...e, stdout, stderr, pending: false } : e)) }));
}

/** The entry follows (get -w, logs -f): its request id, until it ends. */
export function follow(id: number, requestId: number): void {
  consoleStore.setState((s) => ({ transcript: s.transcript.map((e) => (e.id === id ? { ...e, following: requestId } : e)) }));
}

/** More output of a following entry; with `ended`, it stops following (a non-empty reason is printed on stderr). */
export function append(id: number, stdout: string, ended?: string): void {
  consoleStore.setState((s) => ({
    transcript: s.transcript.map((e) => {
      if (e.id !== id) return e;
      const next: TranscriptEntry = { ...e, stdout: e.stdout + stdout };
      if (ended !== undefined) {
        delete next.following;
        if (ended) next.stderr = `${e.stderr}${ended}\n`;
      }
      return next;
    }),
  }));
}

/** The entry that is still following, if any (at most one: a new command stops it). */
export function followingEntry(): TranscriptEntry | undefined {
  return consoleStore.getState().transcript.find((e) => e.following !== undefined);
}

export function setHistory(history: History): void {
  consoleStore.setState({ history });
}

export function clearTranscript(): void {
  consoleStore.setState({ transcript: [] });
}
