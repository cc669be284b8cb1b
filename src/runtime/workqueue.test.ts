import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock/clock";
import { WorkQueue } from "./workqueue";

function queue() {
  const clock = new VirtualClock();
  const seen: Array<[number, string]> = [];
  let onRun: (key: string) => void = () => {};
  const q = new WorkQueue({ after: (d, l, r) => clock.after(d, l, r), now: () => clock.now }, "test", (key) => {
    seen.push([clock.now, key]);
    onRun(key);
  });
  const drain = (until = 1e9) => { while (clock.nextAt() !== undefined && clock.nextAt()! <= until) clock.step(); };
  return { q, seen, drain, setOnRun: (f: (key: string) => void) => { onRun = f; } };
}

describe("WorkQueue", () => {
  it("processes a key added many times once", () => {
    const { q, seen, drain } = queue();
    q.add("a"); q.add("a"); q.add("b"); q.add("a");
    drain();
    expect(seen).toEqual([[0, "a"], [0, "b"]]);
  });

  it("processes a key again when it is added while being processed", () => {
    const { q, seen, drain, setOnRun } = queue();
    let first = true;
    setOnRun((k) => { if (first) { first = false; q.add(k); } });
    q.add("a");
    drain();
    expect(seen).toEqual([[0, "a"], [0, "a"]]);
  });

  it("addAfter keeps the earliest pending time", () => {
    const { q, seen, drain } = queue();
    q.addAfter("a", 500); q.addAfter("a", 100); q.addAfter("a", 900);
    drain();
    expect(seen).toEqual([[100, "a"]]);
  });

  it("rate-limited retries back off 5 ms, 10 ms, 20 ms … and forget resets", () => {
    const { q, seen, drain } = queue();
    for (let i = 0; i < 3; i++) q.addRateLimited("a");
    drain();
    expect(seen).toEqual([[5, "a"]]);
    q.addRateLimited("a");
    drain();
    expect(seen.at(-1)).toEqual([5 + 40, "a"]);
    q.forget("a");
    expect(q.retries("a")).toBe(0);
  });
});
