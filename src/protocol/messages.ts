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

export const PROTOCOL_VERSION = 1;

/** A node action from the UI (the same vocabulary as the Scenario's actions timeline). */
export type UiAction =
  | { type: "node"; name: string; state?: NodeActionState; taint?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }; untaint?: string }
  | { type: "delete"; kind: Kind; namespace?: string; name: string };

export type ToWorker =
  | { type: "hello"; protocolVersion: number }
  | { type: "load"; yaml: string; seed?: number }
  | { type: "play" }
  | { type: "pause" }
  /** Processes exactly one engine event. */
  | { type: "step" }
  /** Virtual seconds per wall second. */
  | { type: "setSpeed"; speed: number }
  /** Jump to a virtual time (seconds): back is a checkpoint restore plus replay. */
  | { type: "seek"; time: number }
  | { type: "apply"; yaml: string }
  | { type: "kubectl"; id: number; command: string }
  | { type: "action"; action: UiAction }
  | { type: "resync" };

export interface WireSnapshot {
  /** Virtual seconds. */
  time: number;
  epochMs: number;
  objects: Stored<Kind>[];
  /** The most recent events (bounded), oldest first. */
  events: EventRecord[];
  /** Virtual second of the next queued engine event, if any. */
  nextEventTime?: number;
}

export interface WirePatch {
  time: number;
  upserts: Stored<Kind>[];
  removed: ObjectRef[];
  events: EventRecord[];
  /** Labels of the engine steps this patch covers (for the step-by-step view). */
  steps: Array<{ time: number; label: string }>;
  nextEventTime?: number;
}

export type FromWorker =
  | { type: "ready"; protocolVersion: number }
  | { type: "snapshot"; seq: number; snapshot: WireSnapshot }
  | { type: "patch"; seq: number; patch: WirePatch }
  | { type: "errors"; source: "load" | "apply" | "action"; errors: ScenarioError[] }
  | { type: "playback"; playing: boolean; speed: number }
  | { type: "kubectlResult"; id: number; stdout: string; stderr: string; exitCode: number }
  /** The worker could not go on (a bug): the UI shows it and may reload the scenario. */
  | { type: "fatal"; message: string };

/** Events kept in a snapshot message. */
export const SNAPSHOT_EVENT_LIMIT = 500;
