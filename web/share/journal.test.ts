import { describe, expect, it } from "vitest";
import type { FromWorker, ReplayEntry, ToWorker, WirePatch, WireSnapshot } from "../../src/protocol/messages";
import type { EngineWorker } from "../engine/client";
import { Journal, observeWorker } from "./journal";

const snapshot = (time: number, step: number, commandsRun: number): FromWorker =>
  ({ type: "snapshot", seq: 0, snapshot: { time, step, commandsRun } as WireSnapshot });
const patch = (time: number, step: number, commandsRun: number): FromWorker =>
  ({ type: "patch", seq: 1, patch: { time, step, commandsRun } as WirePatch });
const loadAnswer: FromWorker = { type: "errors", source: "load", errors: [] };
const apply = (yaml: string, atStep: number, time: number): ReplayEntry => ({ atStep, time, command: { type: "apply", yaml } });
const logged = (index: number, entry: ReplayEntry): FromWorker => ({ type: "logged", index, entry });

function loaded(): Journal {
  const j = new Journal();
  j.sent({ type: "load", yaml: "base", seed: 4 });
  j.received(loadAnswer);
  j.received(snapshot(0, 0, 0));
  return j;
}

describe("Journal", () => {
  it("knows nothing before the worker answered the first load", () => {
    const j = new Journal();
    j.sent({ type: "load", yaml: "base" });
    expect(j.current()).toBeUndefined();
    j.received(snapshot(0, 0, 0));
    expect(j.current()).toBeUndefined();
    j.received(loadAnswer);
    expect(j.current()).toEqual({ scenario: { yaml: "base" }, commands: [], ran: 0, position: { step: 0, time: 0 } });
  });

  it("records commands at the positions the worker logged, and the position of the latest message", () => {
    const j = loaded();
    j.received(patch(0, 2, 0));
    j.received({ type: "errors", source: "apply", errors: [] });
    j.received(logged(0, apply("a", 2, 0)));
    j.received(patch(5, 30, 1));
    j.received(logged(1, apply("b", 30, 5)));
    j.received(patch(7.5, 41, 2));
    expect(j.current()).toEqual({
      scenario: { yaml: "base", seed: 4 },
      commands: [apply("a", 2, 0), apply("b", 30, 5)],
      ran: 2,
      position: { step: 41, time: 7.5 },
    });
  });

  it("keeps commands after a seek back as the future, and a new command replaces them", () => {
    const j = loaded();
    j.received(logged(0, apply("a", 2, 1)));
    j.received(logged(1, apply("b", 30, 5)));
    j.received(logged(2, apply("c", 50, 9)));
    j.received(snapshot(3, 20, 1));
    expect(j.current()).toMatchObject({ ran: 1, position: { step: 20, time: 3 } });
    expect(j.current()!.commands).toHaveLength(3);

    j.received(snapshot(6, 35, 2));
    expect(j.current()).toMatchObject({ ran: 2 });
    j.received(logged(2, apply("d", 35, 6)));
    expect(j.current()!.commands.map((c) => c.command)).toEqual([
      { type: "apply", yaml: "a" }, { type: "apply", yaml: "b" }, { type: "apply", yaml: "d" },
    ]);
    expect(j.current()!.ran).toBe(3);
  });

  it("switches to a new load only when the worker answers it", () => {
    const j = loaded();
    j.received(logged(0, apply("a", 2, 1)));
    j.sent({ type: "load", yaml: "next", replay: { commands: [apply("x", 1, 0)], ran: 1, step: 9, time: 2 } });
    j.received(patch(4, 12, 1));
    expect(j.current()!.scenario.yaml).toBe("base");
    j.received(loadAnswer);
    expect(j.current()).toEqual({ scenario: { yaml: "next" }, commands: [apply("x", 1, 0)], ran: 1, position: { step: 9, time: 2 } });
  });

  it("tells subscribers about changes only", () => {
    const j = loaded();
    let calls = 0;
    const off = j.subscribe(() => calls++);
    j.received(patch(1, 3, 0));
    j.received(patch(1, 3, 0));
    j.received({ type: "playback", playing: true, speed: 2 });
    expect(calls).toBe(1);
    off();
    j.received(patch(2, 4, 0));
    expect(calls).toBe(1);
  });
});

describe("observeWorker", () => {
  it("shows the journal every message in both directions and passes them on unchanged", () => {
    const sent: ToWorker[] = [];
    const worker: EngineWorker = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
    const j = new Journal();
    const seen: FromWorker[] = [];
    const observed = observeWorker(worker, j);
    observed.onmessage = (ev) => seen.push(ev.data);

    observed.postMessage({ type: "load", yaml: "base" });
    worker.onmessage?.({ data: loadAnswer } as MessageEvent<FromWorker>);
    expect(sent).toEqual([{ type: "load", yaml: "base" }]);
    expect(seen).toEqual([loadAnswer]);
    expect(j.current()?.scenario.yaml).toBe("base");
  });
});
