import { describe, expect, it } from "vitest";
import type { WireSnapshot } from "../../src/protocol/messages";
import { SeekController } from "./seek";
import { createAppStore } from "./store";

const snapshot = (time: number): WireSnapshot => ({ cause: "seek", time, epochMs: 0, objects: [], events: [], eventCount: 0, horizon: 100 });

describe("SeekController", () => {
  it("keeps one seek in flight and sends only the latest position asked for meanwhile", () => {
    const store = createAppStore("");
    const sent: number[] = [];
    const seeks = new SeekController(store, { seek: (t) => sent.push(t) });
    let seq = 0;
    seeks.seek(10);
    seeks.seek(20);
    seeks.seek(30);
    expect(sent).toEqual([10]);
    expect(store.getState().seeking).toBe(30);
    store.getState().receiveSnapshot(seq++, snapshot(10));
    expect(sent).toEqual([10, 30]);
    expect(store.getState().seeking).toBe(30);
    store.getState().receiveSnapshot(seq++, snapshot(30));
    expect(sent).toEqual([10, 30]);
    expect(store.getState().seeking).toBe(null);
  });

  it("clamps negative positions to the start", () => {
    const store = createAppStore("");
    const sent: number[] = [];
    new SeekController(store, { seek: (t) => sent.push(t) }).seek(-4);
    expect(sent).toEqual([0]);
  });
});
