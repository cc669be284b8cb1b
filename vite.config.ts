import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The engine runs in a module Web Worker (src/worker/entry.ts), bundled as ES modules.
export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  build: { target: "es2022" },
});
