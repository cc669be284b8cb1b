import { useEffect } from "react";
import { useEngine } from "../engine/context";
import { appStore } from "../state/store";
import { shortcutFor } from "./shortcuts";

/** Binds the page's shortcuts (shortcuts.ts) to the engine and the help dialog. */
export function useShortcuts(helpOpen: boolean, setHelpOpen: (open: boolean) => void): void {
  const engine = useEngine();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutFor(e, helpOpen);
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case "togglePlay":
          if (appStore.getState().playback.playing) engine.pause();
          else engine.play();
          return;
        case "step":
          engine.step();
          return;
        case "toggleHelp":
          setHelpOpen(!helpOpen);
          return;
        case "closeHelp":
          setHelpOpen(false);
          return;
        case "openMenu":
          appStore.getState().requestMenu();
          return;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [engine, helpOpen, setHelpOpen]);
}
