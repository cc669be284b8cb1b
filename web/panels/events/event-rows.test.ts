import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../../src/api/events";
import { eventRows } from "./event-rows";

const EPOCH = Date.UTC(2026, 0, 1);
const at = (seconds: number) => EPOCH + seconds * 1000;

function rec(time: number, reason: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    time, type: "Normal", reason, message: `${reason} message`, source: "kubelet", host: "zone-a-1", count: 1,
    involvedObject: { kind: "Pod", namespace: "default", name: "web-1" }, ...extra,
  };
}

describe("eventRows", () => {
  it("prints kubectl events' columns: age, type, reason, Kind/name, message", () => {
    const rows = eventRows([rec(2, "Pulling")], EPOCH, at(14));
    expect(rows).toEqual([expect.objectContaining({ lastSeen: "12s", type: "Normal", reason: "Pulling", object: "Pod/web-1", message: "Pulling message", warning: false })]);
  });

  it("folds repeats of one event into one row: last seen (xN over first seen)", () => {
    const log = [rec(0, "BackOff", { type: "Warning" }), rec(5, "Started"), rec(10, "BackOff", { type: "Warning", count: 2 }), rec(40, "BackOff", { type: "Warning", count: 3 })];
    const rows = eventRows(log, EPOCH, at(45));
    expect(rows.map((r) => [r.reason, r.lastSeen])).toEqual([["Started", "40s"], ["BackOff", "5s (x3 over 45s)"]]);
    expect(rows[1]!.warning).toBe(true);
  });

  it.each([
    { name: "same reason, other object", other: { involvedObject: { kind: "Pod", namespace: "default", name: "web-2" } } },
    { name: "same reason, other message", other: { message: "different" } },
  ])("keeps separate rows for $name", ({ other }) => {
    const rows = eventRows([rec(0, "Pulled"), rec(1, "Pulled", { ...other, count: 1 })], EPOCH, at(2));
    expect(rows).toHaveLength(2);
  });

  it("orders by last seen and keeps log order for equal times", () => {
    const rows = eventRows([rec(3, "B"), rec(1, "A"), rec(3, "C")], EPOCH, at(5));
    expect(rows.map((r) => r.reason)).toEqual(["A", "B", "C"]);
  });

  it("keeps only the newest rows past the limit, with stable keys", () => {
    const log = Array.from({ length: 10 }, (_, i) => rec(i, `R${i}`));
    const rows = eventRows(log, EPOCH, at(10), 3);
    expect(rows.map((r) => r.reason)).toEqual(["R7", "R8", "R9"]);
    const again = eventRows(log.slice(5), EPOCH, at(10), 3);
    expect(again.map((r) => r.key)).toEqual(rows.map((r) => r.key));
  });

  it("counts ages in whole seconds of the event's timestamp", () => {
    expect(eventRows([rec(2.9, "X")], EPOCH, at(3.1))[0]!.lastSeen).toBe("1s");
  });
});
