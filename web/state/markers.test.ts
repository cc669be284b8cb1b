import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/api/events";
import type { WireSnapshot } from "../../src/protocol/messages";
import { appendMarkers, emptyMarkers, forEachMarker, markersAfterSnapshot, type Markers } from "./markers";

function ev(time: number, warning = false): EventRecord {
  return { time, type: warning ? "Warning" : "Normal", reason: "R", message: "m", source: "kubelet", count: 1, involvedObject: { kind: "Pod", name: "p" } };
}

function snap(cause: WireSnapshot["cause"], time: number, horizon: number, events: EventRecord[], eventCount = events.length): WireSnapshot {
  return { cause, time, horizon, epochMs: 0, objects: [], events, eventCount };
}

const times = (m: Markers) => {
  const out: number[] = [];
  forEachMarker(m, (x) => out.push(x.time));
  return out;
};

describe("timeline markers", () => {
  it("a load starts afresh from the snapshot's events", () => {
    const m = markersAfterSnapshot(appendMarkers(emptyMarkers, [ev(1)], 1, 1, 1), snap("load", 0, 0, [ev(0)]));
    expect(times(m)).toEqual([0]);
  });

  it("appends patch events and leaves older versions as they were", () => {
    const v1 = markersAfterSnapshot(emptyMarkers, snap("load", 0, 0, []));
    const v2 = appendMarkers(v1, [ev(1), ev(2, true)], 2, 2, 2);
    const v3 = appendMarkers(v2, [ev(3)], 3, 3, 3);
    expect(times(v2)).toEqual([1, 2]);
    expect(times(v3)).toEqual([1, 2, 3]);
    expect(v3.list[1]!.warning).toBe(true);
    expect(appendMarkers(v3, [], 3, 4, 4)).toBe(v3);
  });

  it("a seek back keeps the future's marks, and replaying forward does not duplicate them", () => {
    let m = markersAfterSnapshot(emptyMarkers, snap("load", 0, 0, []));
    m = appendMarkers(m, [ev(1), ev(2), ev(5), ev(9)], 4, 9, 9);
    m = markersAfterSnapshot(m, snap("seek", 3, 9, [ev(1), ev(2)]));
    expect(times(m)).toEqual([1, 2, 5, 9]);
    m = appendMarkers(m, [ev(5)], 3, 9, 6);
    expect(times(m)).toEqual([1, 2, 5, 9]);
  });

  it("a new branch drops the marks past the events seen, without touching older versions", () => {
    let m = markersAfterSnapshot(emptyMarkers, snap("load", 0, 0, []));
    m = appendMarkers(m, [ev(1), ev(2), ev(5), ev(9)], 4, 9, 9);
    const beforeSeek = m;
    m = markersAfterSnapshot(m, snap("seek", 3, 9, [ev(1), ev(2)]));
    const branched = appendMarkers(m, [ev(3, true)], 3, 3, 3);
    expect(times(branched)).toEqual([1, 2, 3]);
    expect(times(beforeSeek)).toEqual([1, 2, 5, 9]);
  });

  it("a long run's snapshot with only its latest events leaves the earlier ones unknown", () => {
    const m = markersAfterSnapshot(emptyMarkers, snap("load", 100, 100, [ev(99), ev(100)], 502));
    expect(m.length).toBe(502);
    expect(times(m)).toEqual([99, 100]);
  });
});
