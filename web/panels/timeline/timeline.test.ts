import { describe, expect, it } from "vitest";
import { binMarkers, formatTick, formatVirtualTime, scrubberEnd, ticks, timeAt } from "./timeline";

describe("formatVirtualTime", () => {
  it.each([
    [0, "0.0s"],
    [12.04, "12.0s"],
    [12.06, "12.0s"],
    [59.99, "59.9s"],
    [60, "1m 00.0s"],
    [125.5, "2m 05.5s"],
    [3600, "1h 00m 00.0s"],
    [3725.25, "1h 02m 05.2s"],
    [-3, "0.0s"],
  ])("%s s reads %s", (seconds, text) => {
    expect(formatVirtualTime(seconds)).toBe(text);
  });
});

describe("scrubber", () => {
  it.each([
    [0, 0, 10],
    [8, 3, 10],
    [9.5, 0, 20],
    [40, 42, 60],
    [100, 0, 120],
    [4000, 0, 7200],
    [200_000, 0, 259_200],
  ])("horizon %s, now %s ends at %s s", (horizon, time, end) => {
    expect(scrubberEnd(horizon, time)).toBe(end);
  });

  it.each([
    [10, [0, 2, 4, 6, 8, 10]],
    [60, [0, 10, 20, 30, 40, 50, 60]],
    [600, [0, 120, 240, 360, 480, 600]],
  ])("ticks of a %s s scrubber", (end, want) => {
    expect(ticks(end)).toEqual(want);
  });

  it.each([[30, "30s"], [120, "2m"], [90, "1m30s"], [3600, "1h"], [3900, "1h5m"]])("tick %s reads %s", (s, text) => {
    expect(formatTick(s)).toBe(text);
  });

  it.each([[-0.2, 0], [0.5, 30], [1.4, 60], [0.3333, 20]])("pointer at %s of a 60 s track is t = %s", (f, time) => {
    expect(timeAt(f, 60)).toBe(time);
  });

  it("bins events by time, warnings apart", () => {
    const list = [{ time: 0, warning: false }, { time: 4.9, warning: false }, { time: 5, warning: true }, { time: 10, warning: false }];
    expect(binMarkers({ list, length: 4 }, 10, 2)).toEqual({ normal: [2, 1], warning: [0, 1] });
    // A version of the list sees only its own length.
    expect(binMarkers({ list, length: 2 }, 10, 2)).toEqual({ normal: [2, 0], warning: [0, 0] });
  });
});
