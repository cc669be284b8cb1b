/**
 * The worker host (DESIGN §6): receives the UI's ToWorker messages, drives one Simulation and
 * answers with FromWorker messages. It knows no DOM and no wall clock of its own: messages leave
 * through the injected `post`, and wall time arrives only through the injected Pacer, so the host
 * runs unchanged in Node tests with a fake pacer.
 *
 * Contract with the UI:
 * - `hello` → `ready` (or `fatal` when the protocol versions differ).
 * - `load` → `errors` (source "load", possibly empty: it replaces the UI's list), a full
 *   `snapshot`, and `playback` (paused). A `load` with `replay` is restored to the recorded
 *   position first; a position it cannot reach is one more "load" error.
 * - `apply` and `action` also answer with `logged`: the command's index in the timeline and the
 *   engine position it ran at. Snapshots and patches carry `step` (engine steps since load) and
 *   `commandsRun` (how many of the timeline's commands have run; the rest are its future).
 * - While playing, one `patch` per tick (about one animation frame) of at most `patchBudgetBytes`
 *   of JSON (a larger change is sent in parts): a burst of changes goes out over several frames
 *   and the clock waits for it; a burst still going out when playback pauses keeps draining. `step`, `stepToChange`, `apply` and `action` answer with one `patch`
 *   each, carrying everything still waiting; `seek` and `resync` with a full `snapshot`.
 * - Snapshots and patches share one sequence: the first snapshot is seq 0 and every later message
 *   of either kind is the previous seq + 1, so the UI detects a lost message by a gap.
 * - No handler can kill the worker: an exception becomes a `fatal` message and playback stops.
 */
import { PROTOCOL_VERSION, SNAPSHOT_EVENT_LIMIT, type FromWorker, type Replay, type ReplayCommand, type ToWorker, type UiAction, type WirePatch } from "../protocol/messages";
import type { ObjectRef } from "../sim/changes";
import type { ScenarioAction, ScenarioError } from "../scenario/types";
import { seconds } from "../clock/time";
import type { StepRecord } from "../sim/simulation";
import { Outbox, type OutboxPatch } from "./outbox";
import { completeLine, explainReport } from "./queries";
import type { CommandStream } from "../kubectl/commands";
import { Checkpoints } from "./checkpoints";
import { Session, type LoggedCommand } from "./session";

/** The host's only source of wall time, given by the worker entry (or a test). */
export interface Pacer {
  /** Monotonic wall-clock milliseconds. */
  now(): number;
  /** Calls `cb` once, about one animation frame from now. */
  requestTick(cb: () => void): void;
}

export interface HostOptions {
  post(msg: FromWorker): void;
  pacer: Pacer;
  /** Wall milliseconds one tick may spend running the engine (default 8). */
  tickBudgetMs?: number;
  /** Engine steps one tick may run (default 20 000). */
  maxStepsPerTick?: number;
  /** Bytes of JSON one playback patch may carry (default 10 KiB): the rest waits for the next frame. */
  patchBudgetBytes?: number;
  /**
   * Store writes after which a playback tick stops stepping (default 40: about what one patch
   * budget carries as diffs). The tick's changes go out over the next frames.
   */
  writesPerTick?: number;
  /** Engine steps between checkpoints for seeking back, at first (default FIRST_SPACING). */
  checkpointSpacing?: number;
}

/** Playback speed: virtual seconds per wall second. */
export const DEFAULT_SPEED = 1;
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 1000;

export { PATCH_STEP_LIMIT } from "./outbox";

/** Steps `stepToChange` runs at most before it gives up on the object changing. */
export const STEP_TO_CHANGE_LIMIT = 20_000;

/** Room a patch message needs besides its changes (type, seq, time, positions). */
const PATCH_ENVELOPE_BYTES = 256;

/** What a following console command says when the run it watched was replaced. */
export const STREAM_ENDED_BY_SEEK = "kubeplay: the watch ended: the timeline moved to another instant";

/** `doc` of an error or action that comes from the UI, not from a document of the scenario text. */
export const NO_DOCUMENT = -1;

const DEFAULT_TICK_BUDGET_MS = 8;
const DEFAULT_MAX_STEPS_PER_TICK = 20_000;
const DEFAULT_PATCH_BUDGET_BYTES = 10 * 1024;
const DEFAULT_WRITES_PER_TICK = 40;

export class WorkerHost {
  private session: Session | undefined;
  /** Engines kept at earlier positions of the timeline, for seeking back (built when idle). */
  private checkpoints: Checkpoints | undefined;
  /** The furthest engine step this timeline has reached: checkpoints are built up to it. */
  private furthestStep = 0;
  /** Following console commands (get -w, logs -f) by request id. */
  private readonly streams = new Map<number, CommandStream>();
  private seq = 0;
  private playing = false;
  private speed = DEFAULT_SPEED;
  /** Playback maps wall time to virtual time linearly from this anchor. */
  private anchor = { wall: 0, virtual: 0 };
  private tickRequested = false;
  private readonly post: (msg: FromWorker) => void;
  private readonly pacer: Pacer;
  private readonly tickBudgetMs: number;
  private readonly maxStepsPerTick: number;
  private readonly patchBudget: number;
  private readonly writesPerTick: number;
  private readonly outbox: Outbox;
  private readonly checkpointSpacing: number | undefined;

  constructor(opts: HostOptions) {
    this.post = opts.post;
    this.pacer = opts.pacer;
    this.tickBudgetMs = opts.tickBudgetMs ?? DEFAULT_TICK_BUDGET_MS;
    this.maxStepsPerTick = opts.maxStepsPerTick ?? DEFAULT_MAX_STEPS_PER_TICK;
    this.patchBudget = Math.max(1, (opts.patchBudgetBytes ?? DEFAULT_PATCH_BUDGET_BYTES) - PATCH_ENVELOPE_BYTES);
    this.outbox = new Outbox(this.patchBudget);
    this.writesPerTick = opts.writesPerTick ?? DEFAULT_WRITES_PER_TICK;
    this.checkpointSpacing = opts.checkpointSpacing;
  }

  /** The engine positions (steps) at which checkpoints are kept now, oldest first (tests, diagnostics). */
  get checkpointPositions(): number[] {
    return this.checkpoints?.positions ?? [];
  }

  /** Handles one message from the UI. Never throws. */
  receive(msg: unknown): void {
    this.guard(() => this.dispatch(msg));
  }

  private dispatch(raw: unknown): void {
    if (typeof raw !== "object" || raw === null || typeof (raw as { type?: unknown }).type !== "string") {
      this.post({ type: "fatal", message: `The engine received a malformed message: ${preview(raw)}` });
      return;
    }
    const msg = raw as ToWorker;
    switch (msg.type) {
      case "hello": return this.hello(msg.protocolVersion);
      case "load": return this.load(msg.yaml, msg.seed, msg.replay);
      case "play": return this.play();
      case "pause": return this.pause();
      case "step": return this.step();
      case "setSpeed": return this.setSpeed(msg.speed);
      case "seek": return this.seek(msg.time);
      case "stepToChange": return this.stepToChange(msg.target);
      case "apply": return this.apply(msg.yaml);
      case "kubectl": return this.kubectl(msg.id, msg.command, msg.stdin);
      case "kubectlStop": return this.endStream(msg.id, undefined);
      case "complete": return this.post({ type: "completeResult", id: msg.id, ...completeLine(this.session?.sim, msg.line) });
      case "explain": return this.post({ type: "explainResult", id: msg.id, report: explainReport(this.session?.sim, msg.target) });
      case "action": return this.action(msg.action);
      case "resync": return this.sendSnapshot("resync");
      default: {
        const unknown: never = msg;
        this.post({ type: "fatal", message: `The engine received an unknown message type "${(unknown as { type: string }).type}".` });
      }
    }
  }

  private hello(version: number): void {
    if (version !== PROTOCOL_VERSION) {
      this.post({
        type: "fatal",
        message: `The page and the engine speak different protocol versions (page: ${version}, engine: ${PROTOCOL_VERSION}). Reload the page to get matching versions.`,
      });
      return;
    }
    this.post({ type: "ready", protocolVersion: PROTOCOL_VERSION });
  }

  private load(yaml: string, seed: number | undefined, replay: Replay | undefined): void {
    this.playing = false;
    const { session, errors } = replay ? restore(yaml, seed, replay) : Session.start(yaml, seed);
    this.session = session;
    this.checkpoints = new Checkpoints({ fresh: () => Session.start(yaml, seed).session }, this.checkpointSpacing === undefined ? {} : { spacing: this.checkpointSpacing });
    this.furthestStep = session.steps;
    this.post({ type: "errors", source: "load", errors });
    this.sendSnapshot("load");
    this.sendPlayback();
    this.requestTick();
  }

  private play(): void {
    if (!this.session || this.playing) return this.sendPlayback();
    this.playing = true;
    this.reanchor();
    this.sendPlayback();
    this.requestTick();
  }

  private pause(): void {
    this.playing = false;
    this.sendPlayback();
    // Idle ticks build checkpoints.
    this.requestTick();
  }

  /** One engine event, like a debugger's step: playback pauses first. */
  private step(): void {
    if (!this.session) return;
    if (this.playing) this.pause();
    const rec = this.session.step();
    this.sendPatch(rec ? [rec] : []);
  }

  /**
   * Steps until `target` changes (a write to it, its removal) or an event about it is recorded,
   * like a debugger's "run to the next change of this variable". Playback pauses first; at most
   * STEP_TO_CHANGE_LIMIT steps, and it stops when nothing is left to happen.
   */
  private stepToChange(target: ObjectRef): void {
    const s = this.session;
    if (!s) return;
    if (this.playing) this.pause();
    const read = () => s.sim.store.get(target.kind, target.namespace, target.name);
    const before = read();
    let seen = s.sim.events.length;
    const steps: StepRecord[] = [];
    while (steps.length < STEP_TO_CHANGE_LIMIT) {
      const rec = s.step();
      if (!rec) break;
      steps.push(rec);
      // Store objects are frozen and replaced on every write: identity tells a change.
      if (read() !== before) break;
      const log = s.sim.events;
      const about = log.slice(seen).some((e) => e.involvedObject.kind === target.kind && e.involvedObject.name === target.name && (e.involvedObject.namespace ?? "") === (target.namespace ?? ""));
      seen = log.length;
      if (about) break;
    }
    this.sendPatch(steps);
  }

  private setSpeed(speed: number): void {
    if (!Number.isFinite(speed)) return this.sendPlayback();
    this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    this.reanchor();
    this.sendPlayback();
  }

  /** Forward is a run; backward a rewind (reload + replay of the command log). Both end in a snapshot. */
  private seek(time: number): void {
    if (!this.session || !Number.isFinite(time)) return;
    const target = Math.max(0, time);
    this.noteProgress();
    if (target >= this.session.time) this.session.runTo(target);
    else this.session = this.session.rewind(target, this.checkpoints?.take(this.session.timeline, target));
    this.reanchor();
    this.sendSnapshot("seek");
    this.requestTick();
  }

  private apply(yaml: string): void {
    if (!this.session) return;
    this.branch();
    const res = this.session.execute({ type: "apply", yaml });
    if (res.type === "apply") this.post({ type: "errors", source: "apply", errors: res.result.errors });
    this.postLogged({ type: "apply", yaml });
    this.sendPatch([]);
  }

  private action(action: UiAction): void {
    if (!this.session) return;
    this.branch();
    const res = this.session.execute({ type: "action", action: toScenarioAction(action, this.session.time) });
    const errors: ScenarioError[] = res.type === "action" && !res.result.ok
      ? [{ doc: NO_DOCUMENT, line: 0, column: 0, message: res.result.message, severity: "error" }]
      : [];
    this.post({ type: "errors", source: "action", errors });
    this.postLogged({ type: "action", action });
    this.sendPatch([]);
  }

  /**
   * A console command, run against the live simulation at its current instant. What it changed in
   * the cluster goes out as one patch; one that wrote is logged, so seeking back and share links
   * replay it at its exact position.
   */
  private kubectl(id: number, command: string, stdin?: string): void {
    const s = this.session;
    if (!s) {
      this.post({ type: "kubectlResult", id, stdout: "", stderr: "error: no scenario is loaded\n", exitCode: 1 });
      return;
    }
    const before = s.steps;
    const { result: r, logged } = s.executeKubectl(command, stdin);
    if (logged) this.furthestStep = before;
    const stream = r.exitCode === 0 ? s.sim.kubectlStream(command) : undefined;
    if (stream) this.streams.set(id, stream);
    this.post({ type: "kubectlResult", id, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, ...(stream ? { following: true } : {}) });
    if (logged) {
      this.postLogged({ type: "kubectl", command, ...(stdin === undefined ? {} : { stdin }) });
      this.sendPatch([]);
    }
  }

  /** Tells the UI where the command just executed sits in the timeline (share links replay it there). */
  private postLogged(command: ReplayCommand): void {
    const s = this.session;
    const entry = s?.commands.at(-1);
    if (!s || !entry) return;
    this.post({ type: "logged", index: s.commands.length - 1, entry: { atStep: entry.atStep, time: entry.time, command } });
  }

  /**
   * One playback tick: run the engine to the paced virtual time, within the tick's wall-time
   * budget and until its changes fill about one patch; then send one patch. While changes of an
   * earlier tick still wait, the tick only sends the next part of them (also when paused): the
   * clock stands still until the UI has the whole burst.
   */
  private tick(): void {
    this.tickRequested = false;
    const s = this.session;
    if (!s) return;
    this.noteProgress();
    if (this.outbox.pending) {
      this.sendBudgetedPatch();
      if (this.playing) this.reanchor();
      if (this.playing || this.outbox.pending) this.requestTick();
      return;
    }
    if (!this.playing) {
      // Idle: build checkpoints for seeking back, a slice per tick.
      if (this.buildCheckpoints(this.pacer.now() + this.tickBudgetMs)) this.requestTick();
      return;
    }
    const started = this.pacer.now();
    const target = this.anchor.virtual + ((started - this.anchor.wall) / 1000) * this.speed;
    const deadline = started + this.tickBudgetMs;
    const writes = s.writes;
    const res = s.runTo(target, this.maxStepsPerTick, () => this.pacer.now() >= deadline, () => s.writes - writes >= this.writesPerTick);
    // Behind schedule: forget the debt rather than catch up in a burst; the run just goes slower.
    if (!res.reached) this.reanchor();
    this.outbox.add(s.takeChanges(), res.steps);
    this.sendBudgetedPatch();
    // Time left in the tick (the run is where it should be): a slice of checkpoint building.
    if (res.reached && !this.outbox.pending) this.buildCheckpoints(deadline);
    this.requestTick();
  }

  /** Builds checkpoints until `deadline` (wall ms); true while more remain to build. */
  private buildCheckpoints(deadline: number): boolean {
    const s = this.session;
    if (!s || !this.checkpoints) return false;
    this.noteProgress();
    return this.checkpoints.work(s.timeline, this.furthestStep, () => this.pacer.now() >= deadline, s.sim.store.count("Pod"));
  }

  private noteProgress(): void {
    if (this.session) this.furthestStep = Math.max(this.furthestStep, this.session.steps);
  }

  /** A new command starts a new branch of the timeline: what lay ahead is gone. */
  private branch(): void {
    if (this.session) this.furthestStep = this.session.steps;
  }

  private requestTick(): void {
    if (this.tickRequested) return;
    this.tickRequested = true;
    this.pacer.requestTick(() => this.guard(() => this.tick()));
  }

  private reanchor(): void {
    this.anchor = { wall: this.pacer.now(), virtual: this.session?.time ?? 0 };
  }

  private sendSnapshot(cause: "load" | "seek" | "resync"): void {
    const s = this.session;
    if (!s) return;
    // A followed watch belongs to the run it was opened on: a seek or a new scenario ends it.
    if (cause !== "resync") for (const id of [...this.streams.keys()]) this.endStream(id, STREAM_ENDED_BY_SEEK);
    const snap = s.sim.snapshot();
    s.tracker.reset();
    // Events travel as the event log, not as objects (as in patches).
    const objects = snap.objects.filter((o) => o.kind !== "Event");
    this.outbox.reset(objects, snap.events.length);
    const next = s.nextTime();
    this.post({
      type: "snapshot",
      seq: this.seq++,
      snapshot: {
        cause,
        time: snap.time,
        epochMs: snap.epochMs,
        objects,
        events: snap.events.slice(-SNAPSHOT_EVENT_LIMIT),
        eventCount: snap.events.length,
        ...(next === undefined ? {} : { nextEventTime: next }),
        horizon: s.horizon,
        step: s.steps,
        commandsRun: s.commands.length,
      },
    });
  }

  /** Answers a command: one patch with every change still waiting and the command's own. */
  private sendPatch(steps: StepRecord[]): void {
    const s = this.session;
    if (!s) return;
    this.outbox.add(s.takeChanges(), steps);
    this.postPatch(s, this.outbox.take());
    if (!this.playing) this.requestTick();
  }

  /** The next part of the waiting changes that fits one playback patch. */
  private sendBudgetedPatch(): void {
    const s = this.session;
    if (s) this.postPatch(s, this.outbox.take(this.patchBudget));
  }

  /** What the following console commands print after the cluster moved. */
  private pollStreams(): void {
    for (const [id, stream] of this.streams) {
      const { stdout, ended } = stream.poll();
      if (ended !== undefined) {
        this.streams.delete(id);
        stream.close();
        this.post({ type: "kubectlStream", id, stdout, ended });
      } else if (stdout) {
        this.post({ type: "kubectlStream", id, stdout });
      }
    }
  }

  /** Ends a following command (Ctrl+C: no reason; a seek or load: the reason). */
  private endStream(id: number, reason: string | undefined): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    this.streams.delete(id);
    stream.close();
    this.post({ type: "kubectlStream", id, stdout: "", ended: reason ?? "" });
  }

  private postPatch(s: Session, body: OutboxPatch): void {
    const next = s.nextTime();
    const patch: WirePatch = {
      time: s.time,
      ...body,
      ...(next === undefined ? {} : { nextEventTime: next }),
      horizon: s.horizon,
      step: s.steps,
      commandsRun: s.commands.length,
    };
    this.post({ type: "patch", seq: this.seq++, patch });
    this.pollStreams();
  }

  private sendPlayback(): void {
    this.post({ type: "playback", playing: this.playing, speed: this.speed });
  }

  /** Runs a handler; a thrown error (a bug) becomes a `fatal` message and stops playback. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (err) {
      this.playing = false;
      const message = err instanceof Error ? `${err.message}${err.stack ? `\n${err.stack}` : ""}` : String(err);
      try {
        this.post({ type: "fatal", message: `The engine hit an internal error: ${message}` });
        this.sendPlayback();
      } catch {
        // Posting itself failed (e.g. an uncloneable value): nothing more can be said to the UI.
      }
    }
  }
}

/** A recorded run from the UI (share link, autosave), replayed with the UI's actions converted as `action` does. */
function restore(yaml: string, seed: number | undefined, replay: Replay): { session: Session; errors: ScenarioError[] } {
  const log: LoggedCommand[] = replay.commands.map((e) => ({
    atStep: e.atStep,
    time: e.time,
    command: e.command.type === "action" ? { type: "action", action: toScenarioAction(e.command.action, e.time) } : e.command,
  }));
  return Session.restore(yaml, seed, log, { ran: replay.ran, step: replay.step, time: replay.time });
}

/**
 * A UI action joins the scenario's action vocabulary at the current virtual time. It comes from no
 * document of the scenario text: doc -1 and line 0 say so.
 */
function toScenarioAction(a: UiAction, time: number): ScenarioAction {
  return { ...a, at: seconds(time), doc: NO_DOCUMENT, line: 0 };
}

function preview(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? String(v);
  } catch {
    return String(v);
  }
}
