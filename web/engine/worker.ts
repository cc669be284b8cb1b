/**
 * Starts the engine in a module Web Worker. Vite bundles the entry from this URL pattern; the
 * main thread never imports the engine's runtime, only its types.
 */
import type { EngineWorker } from "./client";

export function createEngineWorker(): EngineWorker {
  return new Worker(new URL("../../src/worker/entry.ts", import.meta.url), { type: "module", name: "kubeplay-engine" });
}
