/**
 * The Web Worker entry: connects the worker's message port to a WorkerHost. This is the only engine
 * file that touches wall time (the pacer: performance.now and a ~60 Hz timer); the host and the
 * Simulation below it stay on virtual time.
 */
import type { FromWorker } from "../protocol/messages";
import { WorkerHost } from "./host";

/** About one animation frame: the UI applies at most one patch per frame anyway. */
const TICK_MS = 16;

const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  onmessage: ((ev: MessageEvent<unknown>) => void) | null;
};

const host = new WorkerHost({
  post: (msg) => scope.postMessage(msg),
  pacer: {
    now: () => performance.now(),
    requestTick: (cb) => {
      setTimeout(cb, TICK_MS);
    },
  },
});

scope.onmessage = (ev) => host.receive(ev.data);
