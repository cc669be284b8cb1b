/**
 * Lets the problem list move the editor's cursor to a problem. Whichever editor is mounted (Monaco
 * or the plain fallback) listens; the list does not need to know which.
 */
export type RevealListener = (line: number, column: number) => void;

const listeners = new Set<RevealListener>();

export function onReveal(listener: RevealListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function revealInEditor(line: number, column: number): void {
  for (const l of listeners) l(line, column);
}
