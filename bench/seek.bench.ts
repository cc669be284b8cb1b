/**
 * Seeking back in the worker: the wall time of a rewind of a 200-pod Deployment run to 600 s of
 * virtual time (a rollout at 40 s), back to 590 s, through the latest checkpoint the idle worker
 * built (src/worker/checkpoints.ts) — against the same rewind replayed from t = 0. Node, no browser.
 */
import { Checkpoints } from "../src/worker/checkpoints";
import { Session } from "../src/worker/session";
import type { BenchSuite } from "./run";
import { deploymentScenario } from "./ui-scenarios";

const YAML = deploymentScenario(200, 4);
const END = 600;
const TARGET = 590;

function liveRun(): Session {
  const { session } = Session.start(YAML);
  session.runTo(END);
  return session;
}

function rewindMs(useCheckpoint: boolean): number {
  const live = liveRun();
  let from: Session | undefined;
  if (useCheckpoint) {
    const cps = new Checkpoints({ fresh: () => Session.start(YAML).session });
    while (cps.work(live.timeline, live.steps, () => false));
    from = cps.take(live.timeline, TARGET);
    if (!from) throw new Error("no checkpoint before the target");
  }
  const t0 = performance.now();
  const s = live.rewind(TARGET, from);
  const ms = performance.now() - t0;
  if (s.time !== TARGET) throw new Error(`rewind ended at ${s.time}s`);
  return ms;
}

export const suites: BenchSuite[] = [
  { name: "seek back 10 s, 200 pods at 600 s, from a checkpoint", unit: "ms", target: 250, better: "lower", run: () => rewindMs(true) },
  { name: "seek back 10 s, 200 pods at 600 s, replay from t = 0", unit: "ms", target: 250, better: "lower", run: () => rewindMs(false) },
];
