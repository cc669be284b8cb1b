/**
 * The timeline's event marks: where on virtual time each event of this run happened, up to the
 * horizon. Events are numbered from load on (the protocol's `eventCount`); a replay numbers them
 * the same, so a seek back keeps the marks of the future and a replay rewrites them in place.
 * A new branch (a command after seeking back: the horizon falls to the current time) drops the
 * marks past the events seen so far.
 *
 * Storage is an append-only list shared between versions: a version reads only its first `length`
 * entries, so appending never changes what an older version shows and costs no copy.
 */
import type { EventRecord } from "../../src/api/events";
import type { WireSnapshot } from "../../src/protocol/messages";

export interface Marker {
  /** Virtual seconds. */
  time: number;
  warning: boolean;
}

export interface Markers {
  readonly list: readonly Marker[];
  readonly length: number;
}

/** Marks kept at most; past it a long run keeps only its warnings' marks. */
export const MARKER_LIMIT = 200_000;

export const emptyMarkers: Markers = Object.freeze({ list: Object.freeze([]) as readonly Marker[], length: 0 });

function mark(e: EventRecord): Marker {
  return { time: e.time, warning: e.type === "Warning" };
}

/**
 * Writes `events` as numbers `first`, `first + 1`, … With `keepFuture`, the marks past them stay
 * (a replay writes the same values again); without, the new version ends with these events.
 */
function write(m: Markers, first: number, events: readonly EventRecord[], keepFuture: boolean): Markers {
  // The shared empty list is never written: each run gets its own.
  let list = Object.isFrozen(m.list) ? m.list.slice() : (m.list as Marker[]);
  const end = first + events.length;
  // Rewriting below what another version may read would change that version: copy the prefix.
  if (!keepFuture && first < list.length) list = list.slice(0, first);
  // A long run's snapshot holds only its latest events: the marks before them stay holes.
  if (first > list.length) list.length = first;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (first + i >= MARKER_LIMIT && e.type !== "Warning") continue;
    list[first + i] = mark(e);
  }
  if (list.length < end) list.length = end;
  return { list, length: keepFuture ? Math.max(m.length, end) : end };
}

/** Marks after a snapshot: a load starts afresh; a seek or resync keeps the future up to the horizon. */
export function markersAfterSnapshot(prev: Markers, snap: WireSnapshot): Markers {
  const first = snap.eventCount - snap.events.length;
  if (snap.cause === "load") return write({ list: [], length: 0 }, first, snap.events, false);
  const keepFuture = snap.horizon > snap.time;
  return write(prev, first, snap.events, keepFuture);
}

/** Marks after a patch: its events appended; with no future left (a new branch), nothing past them. */
export function appendMarkers(prev: Markers, events: readonly EventRecord[], eventCount: number, horizon: number, time: number): Markers {
  const first = eventCount - events.length;
  const keepFuture = horizon > time;
  if (events.length === 0 && (keepFuture || prev.length <= eventCount)) return prev;
  return write(prev, first, events, keepFuture);
}

/** Visits each mark of one version, oldest first (holes of a long run's gap are skipped). */
export function forEachMarker(m: Markers, visit: (marker: Marker) => void): void {
  for (let i = 0; i < m.length; i++) {
    const x = m.list[i];
    if (x) visit(x);
  }
}
