/**
 * The canvas in a real Chromium (Playwright, Debian's /usr/bin/chromium or CHROMIUM_PATH) while a
 * 1,000-pod Deployment is created, scheduled, started and then rolled to a new image, playing at
 * 1000×. The page is the built app (`vite build`, served by `vite preview`), opened from a share
 * link that carries the scenario.
 *
 * - frame time: the interval between animation frames on the main thread (requestAnimationFrame
 *   timestamps), p95 over the measured window; 16.7 ms is 60 frames per second.
 * - long tasks: the longest main-thread task the Long Tasks API reports (it reports tasks over
 *   50 ms; 0 means there was none).
 *
 * Each browser session measures both over MEASURE_MS of wall time after Play; the suites report
 * the median of SESSIONS sessions (the machines are small and shared: one session is noisy).
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { shareUrl } from "../web/share/link";
import { freshWorkspace } from "../web/share/workspace";
import type { BenchSuite } from "./run";
import { deploymentScenario } from "./ui-scenarios";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 4176;
const PODS = 1000;
const MEASURE_MS = 20_000;
/** One frame of a 60 Hz display. performance.now() is coarsened to 0.1 ms, so intervals read 16.6–16.8. */
const VSYNC_MS = 1000 / 60;

interface Measurement {
  frameP95: number;
  frameMedian: number;
  frames: number;
  longestTask: number;
  longTasks: number;
  pods: number;
  /** Pods Running, once a second of the measured window. */
  running: number[];
}

/** Browser sessions measured; each suite reports the median over them. */
const SESSIONS = 3;
let built = false;
let sessions: Promise<Measurement[]> | undefined;

function chromiumPath(): string {
  const env = process.env.CHROMIUM_PATH;
  if (env) return env;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No Playwright browser for this platform: the system one below.
  }
  return "/usr/bin/chromium";
}

async function waitForServer(url: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

async function measure(): Promise<Measurement> {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "error"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    built = true;
  }
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"], { cwd: ROOT, stdio: "ignore" });
  const base = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitForServer(base);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The long-task observer is set up before the app starts; the frame loop once it runs (an
    // animation-frame callback requested from an init script is never called).
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[]; __measuring: boolean };
      w.__long = [];
      w.__measuring = false;
      new PerformanceObserver((list) => {
        if (w.__measuring) for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: "longtask", buffered: false });
    });
    await page.goto(shareUrl(base, freshWorkspace(deploymentScenario(PODS, 4), { speed: 1000 })));
    await page.getByTestId("play-pause").waitFor({ state: "visible" });
    await page.waitForFunction(() => document.querySelectorAll(".kp-machine").length >= 12);
    await page.waitForTimeout(1000);
    const canvas = page.getByTestId("canvas");
    const running = async () => Number(await canvas.getAttribute("data-running"));
    // A string, not a function: the TypeScript runner would wrap a named inner function in a
    // helper the page does not have.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__measuring = true;
      function loop(t) {
        if (!window.__measuring) return;
        window.__frames.push(t);
        requestAnimationFrame(loop);
      }
      requestAnimationFrame(loop);
    })()`);
    await page.getByTestId("play-pause").click();
    const runningSeen: number[] = [];
    const deadline = Date.now() + MEASURE_MS;
    while (Date.now() < deadline) {
      runningSeen.push(await running());
      await page.waitForTimeout(1000);
    }
    const result = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __long: number[]; __measuring: boolean };
      w.__measuring = false;
      return { frames: w.__frames, long: w.__long };
    });
    const pods = Number(await canvas.getAttribute("data-pods"));
    const deltas = result.frames.slice(1).map((t, i) => t - result.frames[i]!);
    const m: Measurement = {
      frameP95: percentile(deltas, 0.95),
      frameMedian: percentile(deltas, 0.5),
      frames: deltas.length,
      longestTask: Math.max(0, ...result.long),
      longTasks: result.long.length,
      pods,
      running: runningSeen,
    };
    const late = deltas.filter((d) => d > VSYNC_MS * 1.5).length;
    process.stderr.write(`  ${m.frames} frames in ${MEASURE_MS / 1000} s: median ${m.frameMedian.toFixed(2)} ms, p95 ${m.frameP95.toFixed(2)} ms, ${late} frames over 1.5 vsync; ` +
      `long tasks ≥ 50 ms: ${m.longTasks} (longest ${m.longestTask.toFixed(0)} ms); ${m.pods} pods, Running each second: ${m.running.join(" ")}\n`);
    return m;
  } finally {
    await browser.close();
    server.kill();
  }
}

async function measureAll(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (let i = 0; i < SESSIONS; i++) out.push(await measure());
  return out;
}

/** Run i of a suite reads session i (the sessions run once, for both suites). */
function metric(pick: (m: Measurement) => number): () => Promise<number> {
  let i = 0;
  return async () => {
    sessions ??= measureAll();
    return pick((await sessions)[i++ % SESSIONS]!);
  };
}

export const suites: BenchSuite[] = [
  { name: `ui canvas frame time p95 (${PODS} pods changing)`, unit: "ms", target: 16.7, better: "lower", runs: SESSIONS, run: metric((m) => m.frameP95) },
  { name: "ui longest main-thread task during playback", unit: "ms", target: 50, better: "lower", runs: SESSIONS, run: metric((m) => m.longestTask) },
];
