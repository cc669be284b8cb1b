import { describe, expect, it } from "vitest";
import type { WirePatch, WireSnapshot } from "../../src/protocol/messages";
import { createAppStore } from "./store";

const snapshot: WireSnapshot = { cause: "load", time: 0, epochMs: 0, objects: [], events: [], eventCount: 0, horizon: 0 };
const patch = (time: number): WirePatch => ({ time, changes: [], events: [], eventCount: 0, steps: [], horizon: time });

function manualFrames() {
  const pending: Array<() => void> = [];
  return { frame: (work: () => void) => { pending.push(work); }, run: () => pending.splice(0).forEach((w) => w()), pending };
}

describe("cluster slice", () => {
  it("publishes a burst of patches once, at the next frame", () => {
    const frames = manualFrames();
    const store = createAppStore("", { frame: frames.frame });
    let renders = 0;
    store.subscribe(() => renders++);
    const s = store.getState();
    s.receiveSnapshot(0, snapshot);
    expect(s.receivePatch(1, patch(1))).toBe(true);
    expect(s.receivePatch(2, patch(2))).toBe(true);
    expect(store.getState().cluster.seq).toBe(null);
    expect(frames.pending).toHaveLength(1);
    frames.run();
    expect(store.getState().cluster.seq).toBe(2);
    expect(store.getState().cluster.time).toBe(2);
    expect(renders).toBe(1);
  });

  it("reports a gap at once, before the frame", () => {
    const frames = manualFrames();
    const store = createAppStore("", { frame: frames.frame });
    store.getState().receiveSnapshot(0, snapshot);
    expect(store.getState().receivePatch(2, patch(2))).toBe(false);
    expect(store.getState().receivePatch(1, patch(1))).toBe(true);
  });

  it("publishes without a frame when patches pile up (a hidden tab gets no frames)", () => {
    const frames = manualFrames();
    const store = createAppStore("", { frame: frames.frame });
    store.getState().receiveSnapshot(0, snapshot);
    for (let i = 1; i <= 40; i++) store.getState().receivePatch(i, patch(i));
    expect(store.getState().cluster.seq).toBeGreaterThan(0);
  });
});
