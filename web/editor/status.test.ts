import { describe, expect, it } from "vitest";
import type { RunRecord } from "../share/journal";
import { editorStatus } from "./status";

const run = (over: Partial<RunRecord> = {}): RunRecord =>
  ({ scenario: { yaml: "kind: A\n" }, commands: [], ran: 0, position: { step: 0, time: 0 }, ...over });
const applied = (yaml: string, time: number) => ({ atStep: 3, time, command: { type: "apply" as const, yaml } });

describe("editorStatus", () => {
  it.each([
    { name: "before the engine answered", r: undefined, s: "load" as const, text: "kind: A\n", want: { kind: "none", edited: false } },
    { name: "a fresh cluster from the text", r: run(), s: "load" as const, text: "kind: A\n", want: { kind: "restarted", edited: false } },
    { name: "a fresh cluster, then edits", r: run(), s: "load" as const, text: "kind: B\n", want: { kind: "restarted", edited: true } },
    { name: "applied", r: run({ commands: [applied("kind: B\n", 12.5)], ran: 1 }), s: "apply" as const, text: "kind: B\n", want: { kind: "applied", time: 12.5, edited: false, problems: 0 } },
    { name: "applied, then edits", r: run({ commands: [applied("kind: B\n", 12.5)], ran: 1 }), s: "apply" as const, text: "kind: C\n", want: { kind: "applied", time: 12.5, edited: true, problems: 0 } },
    { name: "after a seek back before the apply", r: run({ commands: [applied("kind: B\n", 12.5)], ran: 0 }), s: "apply" as const, text: "kind: B\n", want: { kind: "none", edited: false } },
    { name: "a restored workspace with edits", r: run(), s: null, text: "kind: C\n", want: { kind: "none", edited: false } },
  ])("$name", ({ r, s, text, want }) => {
    expect(editorStatus(r, s, text)).toEqual(want);
  });

  it("counts the errors the engine found in the applied text", () => {
    expect(editorStatus(run({ commands: [applied("kind: B\n", 1)], ran: 1 }), "apply", "kind: B\n", 2)).toMatchObject({ kind: "applied", problems: 2 });
  });
});
