import { describe, expect, it } from "vitest";
import type { ScenarioError } from "../../src/scenario/types";
import { engineMarkers } from "./markers";

const TEXT = ["apiVersion: apps/v1", "kind: Deployment", "spec:", "  replicas: three", "", "  paused: yes  "].join("\n");
const err = (line: number, column: number, severity: ScenarioError["severity"] = "error", doc = 0): ScenarioError =>
  ({ doc, line, column, message: `problem at ${line}:${column}`, severity });

describe("engineMarkers", () => {
  it.each([
    { name: "the value a field error points at", e: err(4, 13), span: [4, 13, 18] },
    { name: "a key at its indentation", e: err(4, 3), span: [4, 3, 12] },
    { name: "a column in the indentation moves to the text", e: err(4, 1), span: [4, 3, 12] },
    { name: "an empty line gets one character", e: err(5, 1), span: [5, 1, 2] },
    { name: "a column past the line covers the line's text", e: err(6, 40), span: [6, 3, 14] },
    { name: "a line past the end lands on the last line", e: err(99, 1), span: [6, 3, 14] },
  ])("$name", ({ e, span }) => {
    const [m] = engineMarkers(TEXT, [e]);
    expect([m!.startLineNumber, m!.startColumn, m!.endColumn]).toEqual(span);
    expect(m!.endLineNumber).toBe(span[0]);
    expect(m!.message).toBe(e.message);
  });

  it("keeps the severity and leaves out problems without a place in the text", () => {
    const ms = engineMarkers(TEXT, [err(2, 7, "warning"), err(0, 0), err(3, 1, "error", -1)]);
    expect(ms.map((m) => [m.startLineNumber, m.severity])).toEqual([[2, "warning"]]);
  });
});
