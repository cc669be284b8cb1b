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
  const diagnostics = {
    action: [err({ doc: -1, message: "c" })],
    apply: [err({ message: "b", line: 7, column: 0 })],
    load: [err({ message: "a1" }), err({ message: "a2", severity: "warning" })],
  };
  const summary = (submitted: "load" | "apply" | null) =>
    errorItems(diagnostics, submitted).map((i) => [i.source, i.severity, i.text.split(": ").at(-1), i.at?.line]);

  it.each([
    { submitted: "load" as const, want: [["load", "error", "a1", 3], ["load", "warning", "a2", 3], ["action", "error", "c", undefined]] },
    { submitted: "apply" as const, want: [["apply", "error", "b", 7], ["action", "error", "c", undefined]] },
    { submitted: null, want: [["action", "error", "c", undefined]] },
  ])("after a $submitted shows that source's problems, then the action's", ({ submitted, want }) => {
    expect(summary(submitted)).toEqual(want);
  });

  it("always shows a load problem that concerns no text, such as a shared run that did not replay", () => {
    const withRestore = { ...diagnostics, load: [...diagnostics.load, err({ doc: -1, line: 0, column: 0, message: "does not replay" })] };
    expect(errorItems(withRestore, "apply").map((i) => i.text)).toEqual(["does not replay", "document 1, line 7, column 0: b", "c"]);
  });

  it("points at column 1 when the engine gives none", () => {
    expect(errorItems(diagnostics, "apply")[0]!.at).toEqual({ line: 7, column: 1 });
  });
});
