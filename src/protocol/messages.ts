/**
 * The worker protocol (DESIGN §6): one union per direction. The UI sends commands; the worker
 * answers with a full snapshot on load and seek, then patches with consecutive sequence numbers.
 * A client that sees a gap in `seq` sends `resync` and gets a fresh snapshot.
 *
 * Bump PROTOCOL_VERSION on any incompatible change; both sides check it at start-up.
 */
import type { EventRecord } from "../api/events";
import type { Kind, Stored } from "../api/types";
import type { ScenarioError, NodeActionState } from "../scenario/types";
import type { ObjectRef } from "../sim/changes";
import type { DiffOp } from "./diff";
import type { ExplainReport } from "./queries";

export type { ExplainReport } from "./queries";

export const PROTOCOL_VERSION = 2;

/** A node action from the UI (the same vocabulary as the Scenario's actions timeline). */
export type UiAction =
  | { type: "node"; name: string; state?: NodeActionState; taint?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }; untaint?: string }
  | { type: "delete"; kind: Kind; namespace?: string; name: string };

/** A user command that changed the running cluster (a share link or an autosave carries these). */
export type ReplayCommand =
  | { type: "apply"; yaml: string }
  | { type: "action"; action: UiAction }
  /** A console command that changed the cluster (read-only ones are not logged). */
  | { type: "kubectl"; command: string; stdin?: string };

/** A command at the engine position it ran at: (steps since load, virtual seconds). */
export interface ReplayEntry {
  atStep: number;
  time: number;
  command: ReplayCommand;
}

/**
 * Where a freshly loaded run is taken before its first snapshot: the first `ran` commands replayed
 * at their positions, then the engine advanced to `step` and the clock to `time`; the commands after
 * them stay queued as the run's future (as after a seek back). With the scenario text and seed this
 * rebuilds a run exactly: the worker reports each command's position in a `logged` message, and
 * `step` and `commandsRun` in every snapshot and patch.
 */
export interface Replay {
  commands: ReplayEntry[];
  ran: number;
  step: number;
  time: number;
}

export type ToWorker =
  | { type: "hello"; protocolVersion: number }
  /** With `replay`, the run is restored to a recorded position (share links, autosave). */
  | { type: "load"; yaml: string; seed?: number; replay?: Replay }
  | { type: "play" }
  | { type: "pause" }
  /** Processes exactly one engine event. */
  | { type: "step" }
  /** Virtual seconds per wall second. */
  | { type: "setSpeed"; speed: number }
  /** Jump to a virtual time (seconds): back is a checkpoint restore plus replay. */
  | { type: "seek"; time: number }
  /**
   * Steps until `target` changes, is removed or gets an event (at most STEP_TO_CHANGE_LIMIT steps);
   * answers with one patch.
   */
  | { type: "stepToChange"; target: ObjectRef }
  | { type: "apply"; yaml: string }
  /** `stdin` is what `-f -` reads (the console passes the editor's text). */
  | { type: "kubectl"; id: number; command: string; stdin?: string }
  /** Ctrl+C on a following command (get -w, logs -f): its stream ends. */
  | { type: "kubectlStop"; id: number }
  /** Console completion of a partial command line (answered by `completeResult`). */
  | { type: "complete"; id: number; line: string }
  /** The "why?" data about one object at the current instant (answered by `explainResult`). */
  | { type: "explain"; id: number; target: ObjectRef }
  | { type: "action"; action: UiAction }
  | { type: "resync" };

export interface WireSnapshot {
  /** What the snapshot answers: a fresh scenario resets the UI's timeline, a seek or resync does not. */
  cause: "load" | "seek" | "resync";
  /** Virtual seconds. */
  time: number;
  epochMs: number;
  objects: Stored<Kind>[];
  /** The most recent events (bounded), oldest first. */
  events: EventRecord[];
  /** Events recorded since load: the last of `events` is number eventCount - 1 (from 0). */
  eventCount: number;
  /** Virtual second of the next queued engine event, if any. */
  nextEventTime?: number;
  /** The furthest virtual second this timeline has reached (past `time` after seeking back). */
  horizon: number;
  /** Engine steps processed since load: with `time`, the position a command runs at. */
  step?: number;
  /** Commands (apply, action) run so far in this timeline; any later ones the UI sent are its future. */
  commandsRun?: number;
}

/**
 * One object change. `put` carries the whole object (new, with nothing alike on the UI side);
 * `diff` a diff (src/protocol/diff.ts) against the UI's copy of the object or, with `base`, against
 * the UI's copy of `base`, a sibling of the same kind and namespace (a new Pod of a ReplicaSet is
 * nearly the Pod created before it); `remove` deletes it.
 */
export type WireChange =
  | { op: "put"; object: Stored<Kind> }
  | { op: "diff"; kind: Kind; namespace?: string; name: string; base?: string; ops: DiffOp[] }
  | { op: "remove"; kind: Kind; namespace?: string; name: string };

/**
 * Changes since the previous message, applied in order. A burst of changes is spread over several
 * patches so that each stays small; the clock does not move while a burst is being sent.
 */
export interface WirePatch {
  time: number;
  changes: WireChange[];
  /** The events that follow the previous message's, in order. */
  events: EventRecord[];
  /** Events sent since load, these included: the timeline numbers events the same in every replay. */
  eventCount: number;
  /** Labels of the latest engine steps this patch covers (for the step-by-step view). */
  steps: Array<{ time: number; label: string }>;
  nextEventTime?: number;
  /** The furthest virtual second this timeline has reached (past `time` after seeking back). */
  horizon: number;
  /** Engine steps processed since load, after this patch. */
  step?: number;
  /** Commands run so far in this timeline, after this patch. */
  commandsRun?: number;
}

export type FromWorker =
  | { type: "ready"; protocolVersion: number }
  | { type: "snapshot"; seq: number; snapshot: WireSnapshot }
  | { type: "patch"; seq: number; patch: WirePatch }
  | { type: "errors"; source: "load" | "apply" | "action"; errors: ScenarioError[] }
  /**
   * An apply or action ran: it is command `index` of the timeline, at `entry`'s position. Commands
   * the UI held from `index` on are replaced (a command after a seek back starts a new branch).
   */
  | { type: "logged"; index: number; entry: ReplayEntry }
  | { type: "playback"; playing: boolean; speed: number }
  | { type: "kubectlResult"; id: number; stdout: string; stderr: string; exitCode: number; following?: boolean }
  /**
   * More output of a following command (`following` in its result), sent with each patch while the
   * cluster moves; `ended` (a reason, possibly empty) closes it: the followed container exited, a
   * seek or a new scenario replaced the run.
   */
  | { type: "kubectlStream"; id: number; stdout: string; ended?: string }
  | { type: "completeResult"; id: number; prefix: string; candidates: string[] }
  | { type: "explainResult"; id: number; report: ExplainReport }
  /** The worker could not go on (a bug): the UI shows it and may reload the scenario. */
  | { type: "fatal"; message: string };

/** Events kept in a snapshot message. */
export const SNAPSHOT_EVENT_LIMIT = 500;
