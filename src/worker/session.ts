/**
 * One replayable run of a scenario: the Simulation plus everything needed to rebuild it exactly at
 * any earlier instant. A run is fully determined by (scenario text, seed, the commands the user sent
 * and the engine position at which each one arrived), so that triple is the checkpoint: seeking back
 * re-loads the text with the same seed and replays the command log up to the target time.
 *
 * Every engine step of the host goes through this class, so the step count (the position that
 * places a command between two events due at the same instant) stays exact.
 *
 * Today a rewind replays from t = 0. When the engine can serialise and restore its state, a
 * rewind can start from the latest stored engine snapshot before the target instead; the command
 * log and its positions stay the same.
 */
import type { ScenarioAction, ScenarioError } from "../scenario/types";
import type { ActionResult } from "../sim/actions";
import { ChangeTracker, type Changes } from "../sim/changes";
import { Simulation, type ApplyResult, type StepRecord } from "../sim/simulation";

/** Something the user did to the running cluster. */
export type Command =
  | { type: "apply"; yaml: string }
  | { type: "action"; action: ScenarioAction };

/** A command and the engine position it was executed at. */
export interface LoggedCommand {
  /** Engine steps processed since load when the command ran. */
  readonly atStep: number;
  /** Virtual seconds when the command ran. */
  readonly time: number;
  readonly command: Command;
}

export type CommandResult = { type: "apply"; result: ApplyResult } | { type: "action"; result: ActionResult };

/** Tells a long run to stop early (a tick's wall-time budget ran out). Checked every few steps. */
export type ShouldYield = () => boolean;

export interface RunResult {
  /** The steps taken, oldest first. */
  steps: StepRecord[];
  /** True when every event due up to the target ran and the clock stands at the target. */
  reached: boolean;
}

/** How often (in steps) a run asks whether it should yield: reading a wall clock per step costs. */
export const YIELD_CHECK_EVERY = 32;

export class Session {
  readonly tracker: ChangeTracker;
  private stepCount = 0;
  private readonly log: LoggedCommand[] = [];

  private constructor(
    readonly sim: Simulation,
    readonly text: string,
    readonly seed: number | undefined,
  ) {
    this.tracker = new ChangeTracker(sim.store, () => sim.events);
  }

  /** Loads a scenario. A scenario with errors still runs its good documents. */
  static start(text: string, seed?: number): { session: Session; errors: ScenarioError[] } {
    const { sim, errors } = Simulation.load(text, seed === undefined ? {} : { seed });
    return { session: new Session(sim, text, seed), errors };
  }

  /**
   * A fresh session at virtual time `target` (seconds): the same scenario and seed with the logged
   * commands up to `target` replayed at their positions. Commands after `target` are dropped: the
   * timeline continues from the restored instant.
   */
  rewind(target: number): Session {
    const { session } = Session.start(this.text, this.seed);
    for (const entry of this.log) {
      if (entry.time > target) break;
      session.replayTo(entry);
      session.execute(entry.command);
    }
    session.runTo(Math.max(target, session.sim.time));
    return session;
  }

  /** Virtual seconds. */
  get time(): number {
    return this.sim.time;
  }

  /** Engine steps processed since load. */
  get steps(): number {
    return this.stepCount;
  }

  /** The commands executed so far, oldest first. */
  get commands(): readonly LoggedCommand[] {
    return this.log;
  }

  /** Processes exactly one engine event; undefined when nothing is queued. */
  step(): StepRecord | undefined {
    const rec = this.sim.step();
    if (rec) this.stepCount++;
    return rec;
  }

  /**
   * Runs every event due up to virtual second `target`, then sets the clock to it. Stops early when
   * `maxSteps` steps ran or `shouldYield` says so; the clock then stays at the last event run.
   */
  runTo(target: number, maxSteps = Number.POSITIVE_INFINITY, shouldYield?: ShouldYield): RunResult {
    const steps: StepRecord[] = [];
    for (;;) {
      const next = this.sim.nextEventTime();
      if (next === undefined || next > target) {
        if (target > this.sim.time) this.sim.runUntil(target, 0);
        return { steps, reached: true };
      }
      if (steps.length >= maxSteps) return { steps, reached: false };
      if (shouldYield && steps.length > 0 && steps.length % YIELD_CHECK_EVERY === 0 && shouldYield()) {
        return { steps, reached: false };
      }
      const rec = this.step();
      if (!rec) throw new Error("engine queue reported a next event but step() found none");
      steps.push(rec);
    }
  }

  /** Executes a user command now and records it for replay. */
  execute(command: Command): CommandResult {
    this.log.push({ atStep: this.stepCount, time: this.sim.time, command });
    switch (command.type) {
      case "apply": return { type: "apply", result: this.sim.apply(command.yaml) };
      case "action": return { type: "action", result: this.sim.act(command.action) };
    }
  }

  /** What changed since the last call. */
  takeChanges(): Changes {
    return this.tracker.take();
  }

  /** Brings a replaying session to the exact position a logged command ran at. */
  private replayTo(entry: LoggedCommand): void {
    while (this.stepCount < entry.atStep) {
      if (!this.step()) throw new Error(`replay diverged: the queue ran dry at step ${this.stepCount}, before step ${entry.atStep}`);
    }
    // The original clock may have been moved past the last event by a run that found nothing due.
    if (entry.time > this.sim.time) this.sim.runUntil(entry.time, 0);
    if (this.sim.time !== entry.time) throw new Error(`replay diverged: at step ${entry.atStep} the clock is ${this.sim.time}s, the log says ${entry.time}s`);
  }
}
