/**
 * The run's record, kept on the page for share links and autosave: the scenario text and seed the
 * worker loaded, the timeline's commands with the engine positions the worker reported for them
 * (`logged`), how many of them have run (`commandsRun`) and where the run stands (`step`, `time`).
 * With these the worker rebuilds the run exactly (a `load` with `replay`).
 *
 * The journal reads the protocol as it passes (`observeWorker` wraps the worker the engine client
 * talks to), so it needs nothing from the client and sees messages in the order the worker saw them.
 */
import type { FromWorker, ReplayEntry, ToWorker } from "../../src/protocol/messages";
import type { EngineWorker } from "../engine/client";

export interface RunRecord {
  scenario: { yaml: string; seed?: number };
  commands: ReplayEntry[];
  ran: number;
  position: { step: number; time: number };
}

export class Journal {
  /** Loads sent and not yet answered, oldest first: a load takes effect when its answer arrives. */
  private readonly loads: Array<RunRecord> = [];
  private record: RunRecord | undefined;
  private readonly listeners = new Set<() => void>();

  /** The run as the worker last reported it; undefined before the first load is answered. */
  current(): RunRecord | undefined {
    return this.record;
  }

  /** Calls `listener` after every change of the record; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A message the page sends to the worker. */
  sent(msg: ToWorker): void {
    if (msg.type !== "load") return;
    const r = msg.replay;
    this.loads.push({
      scenario: { yaml: msg.yaml, ...(msg.seed === undefined ? {} : { seed: msg.seed }) },
      commands: r ? [...r.commands] : [],
      ran: r ? r.ran : 0,
      position: r ? { step: r.step, time: r.time } : { step: 0, time: 0 },
    });
  }

  /** A message the worker sends to the page. */
  received(msg: FromWorker): void {
    switch (msg.type) {
      case "errors":
        // The first answer to a load: from here on the worker runs the new scenario.
        if (msg.source === "load") {
          const next = this.loads.shift();
          if (next) this.set(next);
        }
        return;
      case "logged": {
        if (!this.record) return;
        const commands = [...this.record.commands.slice(0, msg.index), msg.entry];
        this.set({ ...this.record, commands, ran: msg.index + 1, position: { step: msg.entry.atStep, time: msg.entry.time } });
        return;
      }
      case "snapshot":
      case "patch": {
        const at = msg.type === "snapshot" ? msg.snapshot : msg.patch;
        if (!this.record) return;
        const step = at.step ?? this.record.position.step;
        const ran = Math.min(at.commandsRun ?? this.record.ran, this.record.commands.length);
        if (step === this.record.position.step && at.time === this.record.position.time && ran === this.record.ran) return;
        this.set({ ...this.record, ran, position: { step, time: at.time } });
        return;
      }
      default:
        return;
    }
  }

  private set(record: RunRecord): void {
    this.record = record;
    for (const l of this.listeners) l();
  }
}

/** The worker as the engine client sees it, with every message in both directions shown to `journal`. */
export function observeWorker(worker: EngineWorker, journal: Journal): EngineWorker {
  let onmessage: EngineWorker["onmessage"] = null;
  worker.onmessage = (ev) => {
    journal.received(ev.data);
    onmessage?.(ev);
  };
  return {
    postMessage(msg) {
      journal.sent(msg);
      worker.postMessage(msg);
    },
    get onmessage() {
      return onmessage;
    },
    set onmessage(handler) {
      onmessage = handler;
    },
    get onerror() {
      return worker.onerror;
    },
    set onerror(handler) {
      worker.onerror = handler;
    },
    terminate() {
      worker.terminate();
    },
  };
}
