/**
 * Worker → UI traffic: the bytes of each patch message the worker posts per animation frame while
 * a 200-pod Deployment (behind a Service, with a rolling update at 40 s) plays at 10×. The worker
 * host runs in Node with a pacer that ticks every 16.7 ms of simulated wall time; the size is the
 * message's JSON in UTF-8, what the structured clone carries. Target: every frame ≤ 10 KiB.
 */
import type { FromWorker } from "../src/protocol/messages";
import { utf8Length } from "../src/worker/outbox";
import { WorkerHost, type Pacer } from "../src/worker/host";
import type { BenchSuite } from "./run";
import { deploymentScenario } from "./ui-scenarios";

const FRAME_MS = 1000 / 60;
const SPEED = 10;
/** Wall seconds of playback measured (10× speed: 90 s of virtual time). */
const WALL_SECONDS = 9;

class FramePacer implements Pacer {
  wall = 0;
  private due: Array<() => void> = [];
  now(): number {
    return this.wall;
  }
  requestTick(cb: () => void): void {
    this.due.push(cb);
  }
  frame(): void {
    this.wall += FRAME_MS;
    const run = this.due;
    this.due = [];
    for (const cb of run) cb();
  }
}

function largestFrameBytes(): number {
  const pacer = new FramePacer();
  let frameBytes = 0;
  const frames: number[] = [];
  const host = new WorkerHost({
    pacer,
    post: (m: FromWorker) => {
      if (m.type === "patch") frameBytes += utf8Length(JSON.stringify(m));
    },
  });
  host.receive({ type: "load", yaml: deploymentScenario(200, 4) });
  host.receive({ type: "setSpeed", speed: SPEED });
  host.receive({ type: "play" });
  for (let i = 0; i < (WALL_SECONDS * 1000) / FRAME_MS; i++) {
    frameBytes = 0;
    pacer.frame();
    frames.push(frameBytes);
  }
  const sorted = [...frames].sort((a, b) => a - b);
  const kib = (b: number) => (b / 1024).toFixed(2);
  process.stderr.write(`  ${frames.length} frames, patch bytes per frame: median ${kib(sorted[sorted.length >> 1]!)} KiB, p95 ${kib(sorted[Math.floor(sorted.length * 0.95)]!)} KiB, max ${kib(sorted.at(-1)!)} KiB, total ${kib(frames.reduce((a, b) => a + b, 0))} KiB\n`);
  return sorted.at(-1)! / 1024;
}

export const suites: BenchSuite[] = [
  // Deterministic (simulated wall time): one run is the figure.
  { name: "ui worker→UI patch per frame (200 pods, max)", unit: "KiB", target: 10, better: "lower", runs: 1, run: largestFrameBytes },
];
