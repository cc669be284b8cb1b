/**
 * The page's entry: starts the engine worker, loads the editor's scenario into it and renders the
 * app. The engine client lives outside React so that StrictMode's double effects cannot start two
 * workers.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { EngineClient } from "./engine/client";
import { EngineContext } from "./engine/context";
import { createEngineWorker } from "./engine/worker";
import { appStore } from "./state/store";
import "./styles.css";

const engine = new EngineClient(appStore, createEngineWorker);
engine.start();
engine.load(appStore.getState().editor.text);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <EngineContext.Provider value={engine}>
      <App />
    </EngineContext.Provider>
  </StrictMode>,
);
