import { describe, expect, it } from "vitest";
import { EventQueue } from "./queue";
import { VirtualClock } from "./clock";
import type { Millis } from "./time";

const t = (n: number) => n as Millis;

describe("EventQueue", () => {
  it("orders by due time, then by insertion sequence", () => {
    const q = new EventQueue();
    const order: string[] = [];
    const cases: Array<[number, string]> = [[30, "c"], [10, "a1"], [20, "b"], [10, "a2"], [0, "z"], [10, "a3"]];
    for (const [at, label] of cases) q.push(t(at), label, () => order.push(label));
    while (q.size) q.pop()!.run();
    expect(order).toEqual(["z", "a1", "a2", "a3", "b", "c"]);
  });

  it("skips cancelled events on peek", () => {
    const q = new EventQueue();
    const a = q.push(t(1), "a", () => {});
    q.push(t(2), "b", () => {});
    a.cancelled = true;
    expect(q.peek()?.label).toBe("b");
  });

  it("keeps heap order across many random pushes", () => {
    const q = new EventQueue();
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      q.push(t(x % 100), `e${i}`, () => {});
    }
    let prev = { at: -1, seq: -1 };
    while (q.size) {
      const ev = q.pop()!;
      expect(ev.at > prev.at || (ev.at === prev.at && ev.seq > prev.seq)).toBe(true);
      prev = ev;
    }
  });
});

describe("VirtualClock", () => {
  it("moves time only when an event runs, and never backwards", () => {
    const c = new VirtualClock();
    const seen: number[] = [];
    c.after(500, "x", () => {
      seen.push(c.now);
      c.after(0, "same instant", () => seen.push(c.now));
    });
    c.at(t(100), "y", () => seen.push(c.now));
    while (c.step());
    expect(seen).toEqual([100, 500, 500]);
    c.advanceTo(t(50));
    expect(c.now).toBe(500);
  });

  it("schedules events in the past at the current instant", () => {
    const c = new VirtualClock();
    c.advanceTo(t(1000));
    c.at(t(10), "late", () => {});
    expect(c.nextAt()).toBe(1000);
  });

  it("does not run cancelled timers", () => {
    const c = new VirtualClock();
    let ran = false;
    c.after(10, "x", () => { ran = true; }).cancel();
    expect(c.step()).toBeUndefined();
    expect(ran).toBe(false);
  });
});
