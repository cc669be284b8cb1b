/**
 * "Predict, then run": the engine steps forward until the next event with the chosen reason, then
 * the cluster is taken back to just before it, so the class can predict what happens; "reveal"
 * runs forward to it. The engine is deterministic, so the same event comes again.
 */
import type { EventRecord } from "../../src/api/events";
import type { EngineClient } from "../engine/client";
import type { AppStore } from "../state/store";

/** How far ahead (virtual seconds) and how many steps a search may go before giving up. */
export const PREDICT_HORIZON_SECONDS = 900;
export const PREDICT_STEP_LIMIT = 5000;

/** Resolves when the store has taken in a new engine message (patch or snapshot). */
function nextMessage(store: AppStore): Promise<void> {
  const before = store.getState().cluster.seq;
  const snaps = store.getState().cluster.snapshots;
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.cluster.seq !== before || s.cluster.snapshots !== snaps) {
        stop();
        resolve();
      }
    });
  });
}

const matches = (e: EventRecord, reason: string | undefined) => reason === undefined || e.reason === reason;

/** Steps until an event with `reason` (any event when undefined) is recorded; returns it. */
export async function stepUntilEvent(engine: EngineClient, store: AppStore, reason: string | undefined, cancelled: () => boolean): Promise<EventRecord | undefined> {
  const start = store.getState().cluster.time;
  for (let i = 0; i < PREDICT_STEP_LIMIT && !cancelled(); i++) {
    const seen = store.getState().cluster.events.length;
    const last = store.getState().cluster.events.at(-1);
    const arrived = nextMessage(store);
    engine.step();
    await arrived;
    const s = store.getState().cluster;
    // The mirror's event list is bounded: compare by the last event we knew, not only by length.
    const fresh = s.events.length > seen ? s.events.slice(seen) : s.events.slice(s.events.lastIndexOf(last!) + 1);
    const hit = fresh.find((e) => matches(e, reason));
    if (hit) return hit;
    if (s.nextEventTime === undefined || s.time - start > PREDICT_HORIZON_SECONDS) return undefined;
  }
  return undefined;
}

/** Takes the cluster back to just before `time` (the event's instant). */
export async function seekBefore(engine: EngineClient, store: AppStore, time: number): Promise<void> {
  const arrived = nextMessage(store);
  engine.seek(Math.max(0, time - 0.001));
  await arrived;
}
