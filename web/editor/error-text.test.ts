import { describe, expect, it } from "vitest";
import type { ScenarioError } from "../../src/scenario/types";
import { errorItems, errorText } from "./error-text";

const err = (e: Partial<ScenarioError>): ScenarioError => ({ doc: 0, line: 3, column: 5, message: "bad", severity: "error", ...e });

describe("errorText", () => {
  it.each([
    { name: "counts documents from 1", e: err({}), text: "document 1, line 3, column 5: bad" },
    { name: "third document", e: err({ doc: 2, line: 14, column: 1 }), text: "document 3, line 14, column 1: bad" },
    { name: "a document without a position", e: err({ doc: 1, line: 0, column: 0 }), text: "document 2: bad" },
    { name: "a problem from the UI", e: err({ doc: -1, line: 0, column: 0, message: "node not found" }), text: "node not found" },
  ])("$name", ({ e, text }) => {
    expect(errorText(e)).toBe(text);
  });
});

describe("errorItems", () => {
  it("lists load problems, then apply, then action, each in the engine's order", () => {
    const items = errorItems({
      action: [err({ doc: -1, message: "c" })],
      apply: [err({ message: "b" })],
      load: [err({ message: "a1" }), err({ message: "a2", severity: "warning" })],
    });
    expect(items.map((i) => [i.source, i.severity, i.text.split(": ").at(-1)])).toEqual([
      ["load", "error", "a1"],
      ["load", "warning", "a2"],
      ["apply", "error", "b"],
      ["action", "error", "c"],
    ]);
  });
});
