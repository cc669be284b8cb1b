/**
 * Running an action of the menu model (menu.ts), wherever it is offered (the canvas's context
 * menu, the inspector's buttons): a kubectl line goes to the engine as the console would send it
 * and is echoed into the console's transcript with kubectl's answer (a following command, as drain
 * waiting for its pods, goes on printing there); a node action goes to the engine's timeline.
 */
import type { UiAction } from "../../../src/protocol/messages";
import type { EngineClient } from "../../engine/client";
import { append, begin, finish, follow } from "../../panels/console/console-store";

/** What an action did, in a line or two: kubectl's answer, or a sentence for a node action. */
export interface RunOutcome {
  command: string;
  text: string;
  failed: boolean;
}

/** Runs `kubectl <command>`, echoed in the console; `report` gets the last lines of the answer. */
export function runKubectlLine(engine: Pick<EngineClient, "kubectl">, command: string, report?: (o: RunOutcome) => void): void {
  const line = `kubectl ${command}`;
  const id = begin(line);
  void engine.kubectl(command, undefined, (chunk) => append(id, chunk.stdout, chunk.ended)).then((r) => {
    finish(id, r.stdout, r.stderr);
    if (r.following && r.id !== undefined) follow(id, r.id);
    const text = (r.exitCode === 0 ? r.stdout || r.stderr : r.stderr || r.stdout).trim().split("\n").slice(-2).join("\n");
    report?.({ command: line, text, failed: r.exitCode !== 0 });
  });
}

/** Sends a node action (machine Down or Up) to the engine's timeline. */
export function runNodeAction(engine: Pick<EngineClient, "action">, action: UiAction): void {
  engine.action(action);
}
