/**
 * One replayable run of a scenario: the Simulation plus everything needed to rebuild it exactly at
 * any earlier instant. A run is fully determined by (scenario text, seed, the commands the user sent
 * and the engine position at which each one arrived), so that triple is the checkpoint: seeking back
 * re-loads the text with the same seed and replays the command log up to the target time.
 *
 * Seeking is non-destructive, like scrubbing a video: the commands after the target stay queued as
 * the session's future and run again at their exact positions when the clock gets there, so seeking
 * back and forward shows the same states. A new command replaces that future (a new branch), as
 * typing after an undo replaces the redo stack.
 *
 * Every engine step of the host goes through this class, so the step count (the position that
 * places a command between two events due at the same instant) stays exact.
 *
 * A rewind starts from a checkpoint: a whole engine kept at an earlier position of the same
 * timeline (src/worker/checkpoints.ts builds them in the background), or a fresh load at t = 0
 * when none fits. The engine's components keep their state in closures on the virtual clock's
 * queue, which cannot be copied or serialised, so a checkpoint is a separate engine replayed to
 * its position, not a copy of this one; restoring it hands that engine over.
 */
import type { ScenarioAction, ScenarioError } from "../scenario/types";
import type { ActionResult } from "../sim/actions";
import { ChangeTracker, type Changes } from "../sim/changes";
import { MAX_STEPS_PER_RUN, Simulation, type ApplyResult, type StepRecord } from "../sim/simulation";

type KubectlResult = ReturnType<Simulation["kubectl"]>;

/** Something the user did to the running cluster. */
export type Command =
  | { type: "apply"; yaml: string }
  | { type: "action"; action: ScenarioAction }
  | { type: "kubectl"; command: string; stdin?: string };

/** A command and the engine position it was executed at. */
export interface LoggedCommand {
  /** Engine steps processed since load when the command ran. */
  readonly atStep: number;
  /** Virtual seconds when the command ran. */
  readonly time: number;
  readonly command: Command;
}

export type CommandResult =
  | { type: "apply"; result: ApplyResult }
  | { type: "action"; result: ActionResult }
  | { type: "kubectl"; result: KubectlResult };

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
  /** Commands after the instant a rewind went back to, oldest first: they run again when reached. */
  private future: LoggedCommand[] = [];
  private furthest = 0;
  private writeCount = 0;

  private constructor(
    readonly sim: Simulation,
    readonly text: string,
    readonly seed: number | undefined,
  ) {
    this.tracker = new ChangeTracker(sim.store, () => sim.events);
    sim.store.watch("*", () => { this.writeCount++; });
  }

  /** Loads a scenario. A scenario with errors still runs its good documents. */
  static start(text: string, seed?: number): { session: Session; errors: ScenarioError[] } {
    const { sim, errors } = Simulation.load(text, seed === undefined ? {} : { seed });
    return { session: new Session(sim, text, seed), errors };
  }

  /**
   * A fresh session taken to a recorded position: the first `to.ran` logged commands replayed at
   * their positions, the engine advanced to `to.step` and the clock to `to.time`, the remaining
   * commands kept as the future. The log comes from outside (a share link, an autosave), so a
   * position the run cannot reach is reported, not thrown: the session stops where it got to, and
   * the errors say why.
   */
  static restore(text: string, seed: number | undefined, log: readonly LoggedCommand[], to: { ran: number; step: number; time: number }): { session: Session; errors: ScenarioError[] } {
    const { session, errors } = Session.start(text, seed);
    const ran = Number.isSafeInteger(to.ran) ? Math.min(Math.max(0, to.ran), log.length) : 0;
    for (const entry of log.slice(0, ran)) {
      const problem = session.advanceTo(entry.atStep, entry.time);
      if (problem) return { session, errors: [...errors, restoreError(problem)] };
      session.runCommand(entry.command);
    }
    const problem = session.advanceTo(to.step, to.time);
    if (problem) return { session, errors: [...errors, restoreError(problem)] };
    const future = log.slice(ran);
    const ordered = future.every((e, i) => e.atStep >= (future[i - 1] ?? { atStep: to.step }).atStep && e.time >= to.time);
    if (!ordered) return { session, errors: [...errors, restoreError("its later commands are out of order")] };
    session.future = [...future];
    return { session, errors };
  }

  /**
   * A fresh session at virtual time `target` (seconds): the same scenario and seed with the logged
   * commands up to `target` replayed at their positions. Commands after `target` become the new
   * session's future: they run again when its clock reaches them, unless a new command comes first.
   */
  rewind(target: number, from?: Session): Session {
    const all = this.timeline;
    if (from && !from.fitsTimeline(all, target)) throw new Error("rewind: the checkpoint is not on this timeline before the target");
    const session = from ?? Session.start(this.text, this.seed).session;
    // Commands the checkpoint already ran stay in its log; the rest of this timeline is replayed.
    session.future = [];
    let i = session.log.length;
    for (; i < all.length && all[i]!.time <= target; i++) {
      session.replayTo(all[i]!);
      session.runCommand(all[i]!.command);
    }
    session.future = all.slice(i);
    session.furthest = this.horizon;
    session.runTo(Math.max(target, session.sim.time));
    return session;
  }

  /**
   * The furthest virtual second this timeline has reached. Past the current time after a rewind:
   * the states up to there are known and come back exactly when the clock runs again.
   */
  get horizon(): number {
    return Math.max(this.furthest, this.sim.time);
  }

  /** Store writes since load: a cheap measure of how much a patch will carry. */
  get writes(): number {
    return this.writeCount;
  }

  /** Every command of this timeline, run and still to come, in order. */
  get timeline(): LoggedCommand[] {
    return [...this.log, ...this.future];
  }

  /**
   * Whether this session, untouched since it was built, lies on `timeline` at or before virtual
   * second `target`: the commands it ran are the timeline's first ones, at the same positions, and
   * the timeline's next command does not come before its position. Then replaying the rest of the
   * timeline from here gives exactly what a replay from t = 0 gives.
   */
  fitsTimeline(timeline: readonly LoggedCommand[], target: number): boolean {
    if (this.sim.time > target || this.log.length > timeline.length) return false;
    for (let i = 0; i < this.log.length; i++) if (!sameEntry(this.log[i]!, timeline[i]!)) return false;
    const next = timeline[this.log.length];
    return !next || next.atStep >= this.stepCount;
  }

  /**
   * Builds a checkpoint: replays `timeline` (its commands at their positions) from here up to
   * engine step `toStep`, stopping early when `shouldYield` says so (asked every few steps) or the
   * queue runs dry. True when there is nothing more to do. The clock stays at the last event run.
   */
  replayToStep(timeline: readonly LoggedCommand[], toStep: number, shouldYield: ShouldYield): boolean {
    if (this.future.length === 0 && this.log.length < timeline.length) this.future = timeline.slice(this.log.length);
    let n = 0;
    while (this.stepCount < toStep) {
      if (n > 0 && n % YIELD_CHECK_EVERY === 0 && shouldYield()) return false;
      if (!this.step()) return true;
      n++;
    }
    return true;
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

  /**
   * Processes exactly one engine event; undefined when nothing is queued. A command of the future
   * due at this position runs first, as it did in the original run.
   */
  step(): StepRecord | undefined {
    this.runDueCommands(undefined);
    const rec = this.sim.step();
    if (rec) this.stepCount++;
    return rec;
  }

  /** Virtual second of the next thing to happen: an engine event or a command of the future. */
  nextTime(): number | undefined {
    const ev = this.sim.nextEventTime();
    const cmd = this.future[0];
    if (!cmd || cmd.atStep !== this.stepCount) return ev;
    return ev === undefined ? cmd.time : Math.min(ev, cmd.time);
  }

  /**
   * Runs every event due up to virtual second `target`, then sets the clock to it. Stops early when
   * `maxSteps` steps ran, `shouldYield` says so (asked every few steps: it may read a wall clock)
   * or `stopWhen` says so (asked after every step: it must be cheap); the clock then stays at the
   * last event run.
   */
  runTo(target: number, maxSteps = Number.POSITIVE_INFINITY, shouldYield?: ShouldYield, stopWhen?: ShouldYield): RunResult {
    const steps: StepRecord[] = [];
    for (;;) {
      this.runDueCommands(target);
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
      if (stopWhen?.()) return { steps, reached: false };
    }
  }

  /** Executes a user command now and records it for replay. It replaces the future: a new branch. */
  execute(command: Command): CommandResult {
    this.future = [];
    this.furthest = this.sim.time;
    return this.runCommand(command);
  }

  /**
   * A console command: run now, and logged for replay only when it wrote to the cluster (a `get`
   * neither branches the future nor travels in share links). Returns whether it was logged.
   */
  executeKubectl(command: string, stdin?: string): { result: KubectlResult; logged: boolean } {
    const before = this.writes;
    const scheduled = this.sim.clock.queue.pushed;
    const result = this.sim.kubectl(command, stdin, { streaming: true });
    // A command that neither wrote nor left work on the clock (drain's retries) changed nothing.
    if (this.writes === before && this.sim.clock.queue.pushed === scheduled) return { result, logged: false };
    this.future = [];
    this.furthest = this.sim.time;
    this.log.push({ atStep: this.stepCount, time: this.sim.time, command: { type: "kubectl", command, ...(stdin === undefined ? {} : { stdin }) } });
    return { result, logged: true };
  }

  private runCommand(command: Command): CommandResult {
    this.log.push({ atStep: this.stepCount, time: this.sim.time, command });
    switch (command.type) {
      case "apply": return { type: "apply", result: this.sim.apply(command.yaml) };
      case "action": return { type: "action", result: this.sim.act(command.action) };
      case "kubectl": return { type: "kubectl", result: this.sim.kubectl(command.command, command.stdin) };
    }
  }

  /**
   * Runs the commands of the future logged at the current step position whose time has come (not
   * after `until`, when given). The clock first moves to the command's time, as it stood then.
   */
  private runDueCommands(until: number | undefined): void {
    for (;;) {
      const cmd = this.future[0];
      if (!cmd || cmd.atStep !== this.stepCount || (until !== undefined && cmd.time > until)) return;
      this.future.shift();
      if (cmd.time > this.sim.time) this.sim.runUntil(cmd.time, 0);
      this.runCommand(cmd.command);
    }
  }

  /** What changed since the last call. */
  takeChanges(): Changes {
    return this.tracker.take();
  }

  /** Brings a replaying session to the exact position a logged command ran at. */
  private replayTo(entry: LoggedCommand): void {
    const problem = this.advanceTo(entry.atStep, entry.time);
    if (problem) throw new Error(`replay diverged: ${problem}`);
  }

  /** Steps to engine position `atStep`, then moves the clock to `time`; a message when that position does not exist. */
  private advanceTo(atStep: number, time: number): string | undefined {
    if (!Number.isSafeInteger(atStep) || atStep < this.stepCount || atStep - this.stepCount > MAX_STEPS_PER_RUN) {
      return `step ${atStep} cannot be reached from step ${this.stepCount}`;
    }
    while (this.stepCount < atStep) {
      // A position past its own time cannot exist; stopping here also bounds a forged one.
      const next = this.sim.nextEventTime();
      if (next !== undefined && next > time) return `step ${atStep} would come after ${time}s: at step ${this.stepCount} the next event is at ${next}s`;
      if (!this.step()) return `the queue ran dry at step ${this.stepCount}, before step ${atStep}`;
    }
    // The original clock may have been moved past the last event by a run that found nothing due.
    if (Number.isFinite(time) && time > this.sim.time) this.sim.runUntil(time, 0);
    if (this.sim.time !== time) return `at step ${atStep} the clock is ${this.sim.time}s, the log says ${time}s`;
    return undefined;
  }
}

function sameEntry(a: LoggedCommand, b: LoggedCommand): boolean {
  return a === b || (a.atStep === b.atStep && a.time === b.time && JSON.stringify(a.command) === JSON.stringify(b.command));
}

/** A restore that could not reach its recorded position: not tied to a document of the text. */
function restoreError(problem: string): ScenarioError {
  return { doc: -1, line: 0, column: 0, message: `the recorded run does not replay on this scenario (${problem}); showing the cluster as far as it replayed`, severity: "error" };
}
