import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { DEFAULT_EPOCH, fromTimestamp, timestamp, type Millis } from "../../clock/time";
import { backoffDuration, nextBackoffRecord, NO_BACKOFF, podFinishedTime, remainingBackoff } from "./backoff";

const parse = (ts: string | undefined) => fromTimestamp(DEFAULT_EPOCH, ts);
const at = (s: number) => timestamp(DEFAULT_EPOCH, (s * 1000) as Millis);
const ms = (s: number) => (s * 1000) as Millis;

function finishedPod(finishedAt: number): Pod {
  return {
    metadata: { name: "p", creationTimestamp: at(0) },
    status: { phase: "Failed", containerStatuses: [{ name: "c", image: "", imageID: "", ready: false, restartCount: 0, state: { terminated: { exitCode: 1, finishedAt: at(finishedAt) } } }] },
  };
}

describe("backoffDuration", () => {
  it.each([
    [1, 10_000], [2, 20_000], [3, 40_000], [4, 80_000], [6, 320_000], [7, 600_000], [30, 600_000],
  ])("failure #%i waits %i ms", (n, want) => {
    expect(backoffDuration(n)).toBe(want);
  });
});

describe("remainingBackoff", () => {
  it.each([
    ["no failures", NO_BACKOFF, 5, 0],
    ["first failure, 1 s later", { failuresAfterLastSuccess: 1, lastFailureTime: ms(3) }, 4, 9_000],
    ["second failure, 1 s later", { failuresAfterLastSuccess: 2, lastFailureTime: ms(16) }, 17, 19_000],
    ["waited long enough", { failuresAfterLastSuccess: 2, lastFailureTime: ms(16) }, 40, 0],
  ])("%s", (_n, record, nowS, want) => {
    expect(remainingBackoff(record, ms(nowS))).toBe(want);
  });
});

describe("nextBackoffRecord", () => {
  it("counts failures and keeps the latest finish time", () => {
    const r1 = nextBackoffRecord(NO_BACKOFF, [], [finishedPod(3)], parse);
    expect(r1).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: ms(3) });
    const r2 = nextBackoffRecord(r1, [], [finishedPod(20), finishedPod(16)], parse);
    expect(r2).toEqual({ failuresAfterLastSuccess: 3, lastFailureTime: ms(20) });
  });

  it("a success resets the count to the failures after it", () => {
    const prev = { failuresAfterLastSuccess: 4, lastFailureTime: ms(50) };
    const ok = { ...finishedPod(60), status: { phase: "Succeeded", containerStatuses: finishedPod(60).status!.containerStatuses } };
    expect(nextBackoffRecord(prev, [ok], [], parse)).toEqual({ failuresAfterLastSuccess: 0 });
    expect(nextBackoffRecord(prev, [ok], [finishedPod(55), finishedPod(70)], parse)).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: ms(70) });
  });

  it("no new pods keeps the record", () => {
    const prev = { failuresAfterLastSuccess: 2, lastFailureTime: ms(9) };
    expect(nextBackoffRecord(prev, [], [], parse)).toBe(prev);
  });
});

describe("podFinishedTime", () => {
  it.each<[string, Pod, number]>([
    ["containers' finishedAt", finishedPod(12), 12],
    ["Ready=False transition when a container has not terminated", {
      metadata: { creationTimestamp: at(0) },
      status: { conditions: [{ type: "Ready", status: "False", lastTransitionTime: at(7) }], containerStatuses: [{ name: "c", image: "", imageID: "", ready: false, restartCount: 0, state: { running: {} } }] },
    }, 7],
    ["deletion minus grace", { metadata: { creationTimestamp: at(0), deletionTimestamp: at(40), deletionGracePeriodSeconds: 30 } }, 10],
    ["creation as the last resort", { metadata: { creationTimestamp: at(5) } }, 5],
  ])("%s", (_n, pod, want) => {
    expect(podFinishedTime(pod, parse)).toBe(ms(want));
  });
});
