import { defineConfig } from "vitest/config";

// Unit tests sit beside the code they test, in the engine (src/) and the app's plain .ts logic (web/).
// Browser tests (e2e/) run under Playwright, never here.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "dist/**"],
    environment: "node",
  },
});
