import { describe, expect, it } from "vitest";
import { crashLoopBackOff, imagePullBackOff } from "./backoff";

/** Drives doBackOff as the pod worker does: a container that runs `runMs` then exits, restarted when its back-off allows. */
function restartDelays(runMs: number, exits: number): number[] {
  const b = crashLoopBackOff();
  const key = "pod_ns_uid_c";
  const delays: number[] = [];
  let now = 0;
  for (let i = 0; i < exits; i++) {
    const finished = now + runMs;
    now = finished;
    let restartAt = finished;
    if (b.isInBackOffSince(key, finished, now)) restartAt = b.expiresAt(key, finished);
    now = restartAt;
    b.next(key, finished, now);
    delays.push((restartAt - finished) / 1000);
  }
  return delays;
}

describe("crash loop back-off", () => {
  it("restarts at once, then after 10 s doubling to the 5 minute cap", () => {
    expect(restartDelays(5000, 10)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
  });

  it("forgets a container that ran 10 minutes since its last restart", () => {
    const b = crashLoopBackOff();
    b.next("k", 0, 0);
    b.next("k", 5_000, 15_000);
    expect(b.get("k")).toBe(20_000);
    // Ran from 15 s to 15 s + 601 s: the entry expired, the restart is immediate.
    expect(b.isInBackOffSince("k", 616_000, 616_000)).toBe(false);
    b.next("k", 616_000, 616_000);
    expect(b.get("k")).toBe(10_000);
  });

  it("keeps a container that ran just under 10 minutes in back-off", () => {
    const b = crashLoopBackOff();
    b.next("k", 0, 0);
    expect(b.isInBackOffSince("k", 600_000, 600_000)).toBe(true);
  });
});

describe("image pull back-off", () => {
  it.each([
    [[0], 5_000, true],
    [[0], 10_000, false],
    [[0, 10_000], 25_000, true],
    [[0, 10_000], 30_000, false],
    [[0, 10_000, 30_000], 69_000, true],
  ])("failures at %j: in back-off at %i ms → %s", (failures, at, want) => {
    const b = imagePullBackOff();
    for (const f of failures) b.next("uid_img", f, f);
    expect(b.isInBackOffSinceUpdate("uid_img", at)).toBe(want);
  });

  it("forgets a key 10 minutes (twice the cap) after its last failure", () => {
    const b = imagePullBackOff();
    for (let t = 0; t < 7; t++) b.next("k", t * 1000, t * 1000);
    expect(b.get("k")).toBe(300_000);
    expect(b.isInBackOffSinceUpdate("k", 6000 + 600_001)).toBe(false);
  });
});
