import { describe, expect, it } from "vitest";
import { redrawInterval } from "./redraw";

describe("redrawInterval", () => {
  it.each([[0, 0], [6, 0], [300, 0], [400, 100], [1000, 250], [5000, 500]])("%i pods: every %i ms", (pods, ms) => {
    expect(redrawInterval(pods)).toBe(ms);
  });
});
