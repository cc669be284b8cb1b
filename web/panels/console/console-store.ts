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

export function setHistory(history: History): void {
  consoleStore.setState({ history });
}

export function clearTranscript(): void {
  consoleStore.setState({ transcript: [] });
}
