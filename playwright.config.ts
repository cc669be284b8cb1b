/**
 * Browser tests against the built app (`npm run test:e2e` builds first), served by `vite preview`,
 * in a real Chromium. No browser is downloaded: the executable comes from CHROMIUM_PATH, or
 * Playwright's own browser when one was installed, or Debian's chromium package.
 */
import { existsSync } from "node:fs";
import { chromium, defineConfig } from "@playwright/test";

/** E2E_PORT lets two runs on one machine (a developer and a CI check) use different ports. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright knows no browser for this platform: fall through to the system one.
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    "No Chromium found for the browser tests. Install one (Debian/Ubuntu: `apt-get install chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // The machines are small and shared: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      // Without the background-networking flags Chromium opens connections this network refuses.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
