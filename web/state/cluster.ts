/**
 * The UI's mirror of the simulated cluster. It is written only by the engine's messages: a full
 * snapshot replaces it, a patch with the next sequence number updates it, and a patch with any
 * other number (or one that names an object the mirror lacks) is refused: the caller then asks the
 * worker for a resync.
 */
import type { EventRecord } from "../../src/api/events";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../../src/api/types";
import { applyChanges } from "../../src/protocol/apply-changes";
import type { WirePatch, WireSnapshot } from "../../src/protocol/messages";
import { appendMarkers, emptyMarkers, markersAfterSnapshot, type Markers } from "./markers";

/** Events the mirror keeps, newest last: enough for the event list, bounded for long runs. */
export const MIRROR_EVENT_LIMIT = 1000;

export interface StepLabel {
  time: number;
  label: string;
}

export interface ClusterMirror {
  /** Sequence number of the last snapshot or patch applied; null before the first snapshot. */
  seq: number | null;
  /** Virtual seconds since the scenario started. */
  time: number;
  /** Unix ms of virtual time 0. */
  epochMs: number;
  nextEventTime: number | undefined;
  /** The furthest virtual second this timeline has reached (past `time` after seeking back). */
  horizon: number;
  /** Counts snapshots of cause "load": a new scenario (the canvas fits its view to it). */
  loads: number;
  /** Counts snapshots of any cause: the timeline knows a seek has been answered. */
  snapshots: number;
  objects: ReadonlyMap<ObjectKey, Stored<Kind>>;
  events: readonly EventRecord[];
  /** Where events happened on the timeline, up to the horizon (the scrubber's marks). */
  markers: Markers;
  /** The most recent engine step, for the step-by-step view. */
  lastStep: StepLabel | undefined;
}

export const emptyMirror: ClusterMirror = {
  seq: null,
  time: 0,
  epochMs: 0,
  nextEventTime: undefined,
  horizon: 0,
  loads: 0,
  snapshots: 0,
  objects: new Map(),
  events: [],
  markers: emptyMarkers,
  lastStep: undefined,
};

function keyOf(o: { kind: string; metadata: { namespace?: string; name: string } }): ObjectKey {
  return objectKey(o.kind, o.metadata.namespace, o.metadata.name);
}

export function mirrorFromSnapshot(seq: number, snap: WireSnapshot, prev: ClusterMirror = emptyMirror): ClusterMirror {
  return {
    seq,
    time: snap.time,
    epochMs: snap.epochMs,
    nextEventTime: snap.nextEventTime,
    horizon: snap.horizon,
    loads: prev.loads + (snap.cause === "load" ? 1 : 0),
    snapshots: prev.snapshots + 1,
    objects: new Map(snap.objects.map((o) => [keyOf(o), o])),
    events: snap.events.slice(-MIRROR_EVENT_LIMIT),
    markers: markersAfterSnapshot(prev.markers, snap),
    lastStep: snap.cause === "load" ? undefined : prev.lastStep,
  };
}

/** The mirror after `patch`, or "gap" when `seq` does not follow the mirror's or a change cannot apply. */
export function applyPatch(m: ClusterMirror, seq: number, patch: WirePatch): ClusterMirror | "gap" {
  if (m.seq === null || seq !== m.seq + 1) return "gap";
  const objects = applyChanges(m.objects, patch.changes);
  if (objects === "missing") return "gap";
  const events = patch.events.length > 0 ? [...m.events, ...patch.events].slice(-MIRROR_EVENT_LIMIT) : m.events;
  return {
    seq,
    time: patch.time,
    epochMs: m.epochMs,
    nextEventTime: patch.nextEventTime,
    horizon: patch.horizon,
    loads: m.loads,
    snapshots: m.snapshots,
    objects,
    events,
    markers: appendMarkers(m.markers, patch.events, patch.eventCount, patch.horizon, patch.time),
    lastStep: patch.steps.at(-1) ?? m.lastStep,
  };
}

/** Objects of one kind, in key order (namespace, then name). */
export function objectsOfKind<K extends Kind>(objects: ClusterMirror["objects"], kind: K): Stored<K>[] {
  const out: Stored<K>[] = [];
  for (const o of objects.values()) if (o.kind === kind) out.push(o as Stored<K>);
  return out.sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
