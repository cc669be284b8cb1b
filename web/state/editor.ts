/** The editor slice: the scenario text being edited. Written only by editor actions. */
import type { ErrorSource } from "./engine-status";

export interface EditorSlice {
  editor: { text: string };
  setEditorText(text: string): void;
  /**
   * Which engine problems are about the editor's text: the source its latest submission went to
   * (Apply → "apply", Restart or a restored workspace → "load"); the editor shows that source's
   * problems as markers. null: none are (the text was restored with edits the engine never saw).
   */
  editorSubmitted: ErrorSource | null;
  markSubmitted(source: ErrorSource | null): void;
}

export function createEditorSlice(set: (s: Partial<EditorSlice>) => void, initialText: string): EditorSlice {
  return {
    editor: { text: initialText },
    setEditorText: (text) => set({ editor: { text } }),
    editorSubmitted: "load",
    markSubmitted: (editorSubmitted) => set({ editorSubmitted }),
  };
}
