/**
 * What the editor's buttons do. Apply sends the YAML to the running cluster as `kubectl apply`
 * does (the Scenario document left out, see apply-text.ts); Restart builds a fresh cluster from
 * it at t = 0; Import opens a file the same way; Export downloads the text.
 */
import { useEngine } from "../engine/context";
import { useKeeper } from "../share/context";
import { exportFileName } from "../share/file";
import { appStore } from "../state/store";
import { manifestsForApply } from "./apply-text";

export interface EditorActions {
  apply(): void;
  restart(): void;
  importText(text: string): void;
  exportFile(): void;
}

export function useEditorActions(): EditorActions {
  const engine = useEngine();
  const keeper = useKeeper();
  return {
    apply: () => {
      const s = appStore.getState();
      engine.apply(manifestsForApply(s.editor.text));
      s.markSubmitted("apply");
    },
    restart: () => keeper.openText(appStore.getState().editor.text),
    importText: (text) => keeper.openText(text),
    exportFile: () => download(exportFileName(appStore.getState().editor.text), appStore.getState().editor.text),
  };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL may go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
