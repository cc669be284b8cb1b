import { describe, expect, it } from "vitest";
import { formatVirtualTime } from "./timeline";

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
