/**
 * The worker's outgoing changes: it remembers what the UI holds and turns the engine's changes into
 * small patches. A changed object travels as a diff against the UI's copy; a new object as a diff
 * against a sibling the UI already has (a Pod of the same ReplicaSet) when that is smaller than the
 * whole object; removals and events as they are. A burst larger than one patch's byte budget waits
 * in order and goes out over the next frames. A change larger than one patch (a new Endpoints
 * listing two hundred pods) is sent in parts: the object's frame first, then its lists in
 * slices; the UI holds a partly filled object for those few frames.
 *
 * Contract: applying the changes of every patch `take()` returns, in order, to the objects given
 * to `reset()` yields exactly the store's objects at the last `add()` (src/protocol/diff.ts).
 */
import type { EventRecord } from "../api/events";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../api/types";
import { diffObject, type DiffOp, type PathStep } from "../protocol/diff";
import type { WireChange } from "../protocol/messages";
import type { Changes } from "../sim/changes";
import type { StepRecord } from "../sim/simulation";

/** Step labels one patch carries: the step-by-step view shows the latest. */
export const PATCH_STEP_LIMIT = 4;

type Piece = { bytes: number } & ({ change: WireChange } | { event: EventRecord });

export interface OutboxPatch {
  changes: WireChange[];
  events: EventRecord[];
  /** Events sent since load, these included. */
  eventCount: number;
  steps: Array<{ time: number; label: string }>;
}

/** Bytes of `s` in UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Bytes of a value as JSON, plus its separator in a list. */
function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v)) + 1;
}

function keyOf(o: { kind: Kind; metadata: { namespace?: string; name: string } }): ObjectKey {
  return objectKey(o.kind, o.metadata.namespace, o.metadata.name);
}

/** Objects likely to look alike: the same kind and namespace, and the same controller or name prefix. */
function familyOf(o: Stored<Kind>): string {
  const m = o.metadata;
  const owner = m.ownerReferences?.find((r) => r.controller)?.uid ?? m.generateName ?? "";
  return `${o.kind}/${m.namespace ?? ""}/${owner}`;
}

export class Outbox {
  /** What the UI holds (or will once the queue is sent), by key: frozen store objects, never copied. */
  private readonly sent = new Map<ObjectKey, Stored<Kind>>();
  /** Latest object sent per family: the base a new sibling is diffed against. */
  private readonly families = new Map<string, Stored<Kind>>();
  private queue: Piece[] = [];
  private head = 0;
  private steps: StepRecord[] = [];
  private eventsSent = 0;

  /** @param pieceLimit bytes above which one change is sent in parts (a patch's budget). */
  constructor(private readonly pieceLimit = Number.POSITIVE_INFINITY) {}

  /** The UI now holds exactly `objects` and has seen `eventCount` events (a snapshot was sent): forget the backlog. */
  reset(objects: readonly Stored<Kind>[], eventCount: number): void {
    this.eventsSent = eventCount;
    this.sent.clear();
    this.families.clear();
    for (const o of objects) this.remember(o);
    this.queue = [];
    this.head = 0;
    this.steps = [];
  }

  /** True while changes or step labels wait to be sent. */
  get pending(): boolean {
    return this.head < this.queue.length || this.steps.length > 0;
  }

  /** Encodes the engine's changes, in order, behind whatever still waits. */
  add(changes: Changes, steps: readonly StepRecord[]): void {
    for (const o of changes.upserts) this.queue.push(...this.split(this.encode(o)));
    for (const r of changes.removed) {
      const key = objectKey(r.kind, r.namespace, r.name);
      const had = this.sent.get(key);
      if (!had) continue;
      this.sent.delete(key);
      const fam = familyOf(had);
      if (this.families.get(fam) === had) this.families.delete(fam);
      const change: WireChange = { op: "remove", ...r };
      this.queue.push({ bytes: jsonBytes(change), change });
    }
    for (const event of changes.events) this.queue.push({ bytes: jsonBytes(event), event });
    if (steps.length > 0) this.steps = [...this.steps, ...steps].slice(-PATCH_STEP_LIMIT);
  }

  /**
   * The next patch: waiting pieces in order while they fit in `budget` bytes (always at least one,
   * so a single large object still moves), with the pending step labels.
   */
  take(budget = Number.POSITIVE_INFINITY): OutboxPatch {
    const out: OutboxPatch = { changes: [], events: [], eventCount: 0, steps: this.steps.map((s) => ({ time: s.time, label: s.label })) };
    this.steps = [];
    let used = jsonBytes(out.steps);
    let taken = 0;
    while (this.head < this.queue.length) {
      const p = this.queue[this.head]!;
      if (taken > 0 && used + p.bytes > budget) break;
      used += p.bytes;
      taken++;
      this.head++;
      if ("change" in p) out.changes.push(p.change);
      else out.events.push(p.event);
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    this.eventsSent += out.events.length;
    out.eventCount = this.eventsSent;
    return out;
  }

  /** A piece as parts that each fit the piece limit, applied in order (src/protocol/diff.ts ops). */
  private split(p: Piece): Piece[] {
    if (p.bytes <= this.pieceLimit || !("change" in p) || p.change.op === "remove") return [p];
    const c = p.change;
    const half = Math.max(256, Math.floor(this.pieceLimit / 2));
    let head: WireChange;
    let ops: DiffOp[];
    if (c.op === "put") {
      // The object's frame (what names it), then the rest of its fields as a diff.
      const o = c.object;
      const frame = { kind: o.kind, apiVersion: o.apiVersion, metadata: o.metadata } as Stored<Kind>;
      head = { op: "put", object: frame };
      ops = diffObject(frame, o);
    } else {
      const { ops: all, ...rest } = c;
      head = { ...rest, ops: [] };
      ops = all;
    }
    const ref = c.op === "put"
      ? { kind: c.object.kind, ...(c.object.metadata.namespace === undefined ? {} : { namespace: c.object.metadata.namespace }), name: c.object.metadata.name }
      : { kind: c.kind, ...(c.namespace === undefined ? {} : { namespace: c.namespace }), name: c.name };
    const parts: Piece[] = [];
    let group: DiffOp[] = [];
    let size = 0;
    const flush = () => {
      if (group.length === 0) return;
      const change: WireChange = parts.length === 0 && head.op === "diff" ? { ...head, ops: group } : { op: "diff", ...ref, ops: group };
      parts.push({ bytes: jsonBytes(change), change });
      group = [];
      size = 0;
    };
    if (head.op === "put") parts.push({ bytes: jsonBytes(head), change: head });
    for (const op of ops.flatMap((x) => smallOps(x, half))) {
      const b = jsonBytes(op);
      if (size + b > half) flush();
      group.push(op);
      size += b;
    }
    flush();
    return parts;
  }

  private remember(o: Stored<Kind>): void {
    this.sent.set(keyOf(o), o);
    this.families.set(familyOf(o), o);
  }

  private encode(o: Stored<Kind>): Piece {
    const m = o.metadata;
    const ref = { kind: o.kind, ...(m.namespace === undefined ? {} : { namespace: m.namespace }), name: m.name };
    const prev = this.sent.get(keyOf(o));
    const base = this.families.get(familyOf(o));
    this.remember(o);
    if (prev) {
      const change: WireChange = { op: "diff", ...ref, ops: diffObject(prev, o) };
      return { bytes: jsonBytes(change), change };
    }
    const put: WireChange = { op: "put", object: o };
    const whole = jsonBytes(put);
    if (base && this.sent.get(keyOf(base)) === base) {
      const change: WireChange = { op: "diff", ...ref, base: base.metadata.name, ops: diffObject(base, o) };
      const bytes = jsonBytes(change);
      if (bytes < whole) return { bytes, change };
    }
    return { bytes: whole, change: put };
  }
}

/**
 * One op as ops of at most about `limit` bytes each, with the same effect: a large array set or
 * splice becomes an empty one and appends in slices; a large object set becomes {} and its keys.
 */
export function smallOps(op: DiffOp, limit: number): DiffOp[] {
  if (jsonBytes(op) <= limit || op.length === 1) return [op];
  const path = op[0];
  let items: readonly unknown[];
  let at: number;
  const out: DiffOp[] = [];
  if (op.length === 4) {
    const [, start, remove, list] = op;
    out.push([path, start, remove, []]);
    items = list;
    at = start;
  } else {
    const value = op[1];
    if (Array.isArray(value)) {
      out.push([path, []]);
      items = value;
      at = 0;
    } else if (typeof value === "object" && value !== null) {
      out.push([path, {}]);
      for (const [k, v] of Object.entries(value)) if (v !== undefined) out.push(...smallOps([[...path, k as PathStep], v], limit));
      return out;
    } else {
      return [op];
    }
  }
  let chunk: unknown[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    out.push([path, at, 0, chunk]);
    at += chunk.length;
    chunk = [];
    size = 0;
  };
  for (const item of items) {
    const b = jsonBytes(item);
    if (b > limit && typeof item === "object" && item !== null) {
      // One element too large by itself: an empty one first, then filled in by parts.
      flush();
      out.push([path, at, 0, [Array.isArray(item) ? [] : {}]]);
      out.push(...smallOps([[...path, at], item], limit).slice(1));
      at++;
      continue;
    }
    if (size + b > limit) flush();
    chunk.push(item);
    size += b;
  }
  flush();
  return out;
}
