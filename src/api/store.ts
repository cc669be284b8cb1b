/**
 * The object store: the simulated API server's storage. Every component reads and writes objects
 * here and reacts to its watches; components never call each other.
 *
 * Contract:
 * - Objects handed out by get/list are frozen snapshots: never mutate them. Write with create /
 *   update / updateStatus (a changed copy) or `mutate` (clone, change, write in one call).
 * - Watch handlers run synchronously after each write, in registration order. A handler must only
 *   note what changed (enqueue a key, schedule a timer); it must not write to the store.
 * - Results that a real API server would return as an error (AlreadyExists, NotFound, Conflict,
 *   Invalid) come back as values, never as exceptions.
 */
import { copyJSON, equalJSON } from "./json";
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import type { Millis } from "../clock/time";
import { KINDS, objectKey, type Kind, type KindMap, type KObject, type ObjectKey, type Stored, type Draft } from "./types";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface WatchEvent<K extends Kind = Kind> {
  readonly type: WatchEventType;
  readonly kind: K;
  readonly object: Stored<K>;
  /** The object before this change (MODIFIED and DELETED). */
  readonly old?: Stored<K>;
}

export type WatchHandler<K extends Kind = Kind> = (ev: WatchEvent<K>) => void;

export type StoreError =
  | { reason: "AlreadyExists"; message: string }
  | { reason: "NotFound"; message: string }
  | { reason: "Conflict"; message: string }
  | { reason: "Invalid"; message: string };

export type StoreResult<T> = { ok: true; object: T } | ({ ok: false } & StoreError);

export interface DeleteOptions {
  /** Pods bound to a node get a graceful deletion; 0 removes at once. Default: the pod's own. */
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
}

/** What the store needs from its host: the time, timestamps and identities. */
export interface StoreEnv {
  now(): Millis;
  timestamp(t: Millis): string;
  uid(): string;
  /** 5 characters for generateName, from the apiserver's alphabet. */
  nameSuffix(): string;
  /** API-server defaulting, applied on create and update (pure and idempotent). */
  defaults?(kind: Kind, obj: KObject): KObject;
  /** The registry strategy's PrepareForCreate (a new pod's status), after defaulting. */
  prepareForCreate?(kind: Kind, obj: KObject): KObject;
}

/** Kubernetes' SimpleNameGenerator: base truncated to 58 characters, then 5 random characters. */
export const NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const MAX_GENERATED_BASE = 58;

/** Server-owned metadata fields are readonly in kubernetes-types; only the store writes them. */
type ServerMeta = { -readonly [P in keyof ObjectMeta]: ObjectMeta[P] };
const sm = (o: { metadata: ObjectMeta }): ServerMeta => o.metadata as ServerMeta;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const clone = copyJSON;
const sameJSON = equalJSON;

/** Kinds whose spec changes bump metadata.generation (everything with a spec and a status). */
const GENERATION_KINDS = new Set<Kind>([
  "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Ingress",
  "HorizontalPodAutoscaler", "PodDisruptionBudget", "PersistentVolumeClaim", "Pod",
]);

export class ObjectStore {
  private readonly byKind = new Map<Kind, Map<ObjectKey, Stored<Kind>>>();
  /**
   * Each kind's objects in key order, built on the first list and then kept in order by every
   * write (a binary search, no re-sort): controllers list a thousand pods on every sync.
   */
  private readonly ordered = new Map<Kind, Stored<Kind>[]>();
  private readonly watchers = new Map<Kind | "*", WatchHandler[]>();
  private resourceVersion = 0;

  constructor(private readonly env: StoreEnv) {}

  /** The last resourceVersion handed out: it changes on every write. */
  get version(): number {
    return this.resourceVersion;
  }

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): Stored<K> | undefined {
    const ns = KINDS[kind].namespaced ? (namespace ?? "default") : undefined;
    return this.byKind.get(kind)?.get(objectKey(kind, ns, name)) as Stored<K> | undefined;
  }

  /** All objects of a kind, optionally in one namespace, in key order (stable across runs). */
  list<K extends Kind>(kind: K, namespace?: string): Stored<K>[] {
    const all = this.inOrder(kind) as Stored<K>[];
    if (namespace === undefined) return all.slice();
    // One namespace is a contiguous run of the key order.
    let i = lowerBound(all as readonly Stored<Kind>[], namespace, "");
    const out: Stored<K>[] = [];
    for (; i < all.length && all[i]!.metadata.namespace === namespace; i++) out.push(all[i]!);
    return out;
  }

  /** Number of stored objects of a kind, without building a list. */
  count(kind: Kind): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Every object, kinds in KINDS order, each kind in key order. */
  all(): Stored<Kind>[] {
    const out: Stored<Kind>[] = [];
    for (const kind of Object.keys(KINDS) as Kind[]) out.push(...this.list(kind));
    return out;
  }

  create<K extends Kind>(kind: K, obj: KindMap[K]): StoreResult<Stored<K>> {
    const info = KINDS[kind];
    const defaulted = this.defaulted(kind, obj);
    const prepared = this.env.prepareForCreate ? this.env.prepareForCreate(kind, defaulted as KObject) : defaulted;
    const o = clone(prepared) as Stored<K>;
    o.kind = kind;
    (o as { apiVersion?: string }).apiVersion = info.apiVersion;
    o.metadata ??= {} as Stored<K>["metadata"];
    const meta = sm(o);
    if (info.namespaced) meta.namespace ??= "default";
    else delete meta.namespace;
    if (!meta.name) {
      if (!meta.generateName) return invalid(`${kind}: metadata.name or metadata.generateName is required`);
      meta.name = meta.generateName.slice(0, MAX_GENERATED_BASE) + this.env.nameSuffix();
    }
    if (info.namespaced && !this.get("Namespace", undefined, meta.namespace!)) {
      return { ok: false, reason: "NotFound", message: `namespaces "${meta.namespace}" not found` };
    }
    const key = objectKey(kind, meta.namespace, meta.name);
    const m = this.kindMap(kind);
    if (m.has(key)) {
      return { ok: false, reason: "AlreadyExists", message: `${info.plural} "${meta.name}" already exists` };
    }
    meta.uid = this.env.uid();
    meta.resourceVersion = String(++this.resourceVersion);
    meta.creationTimestamp = this.env.timestamp(this.env.now());
    if (GENERATION_KINDS.has(kind)) meta.generation = 1;
    delete meta.deletionTimestamp;
    const stored = deepFreeze(o);
    m.set(key, stored);
    const ordered = this.ordered.get(kind);
    if (ordered) ordered.splice(lowerBound(ordered, meta.namespace ?? "", meta.name), 0, stored);
    this.emit({ type: "ADDED", kind, object: stored });
    return { ok: true, object: stored };
  }

  /**
   * Replaces an object (spec and metadata; status is kept from the stored copy unless `withStatus`).
   * Fails with Conflict when metadata.resourceVersion is set and stale.
   */
  update<K extends Kind>(kind: K, obj: KindMap[K], withStatus = false): StoreResult<Stored<K>> {
    const meta = obj.metadata ?? {};
    const cur = this.get(kind, meta.namespace, meta.name ?? "");
    if (!cur) return notFound(kind, meta.name);
    if (meta.resourceVersion && meta.resourceVersion !== cur.metadata.resourceVersion) {
      return {
        ok: false, reason: "Conflict",
        message: `Operation cannot be fulfilled on ${KINDS[kind].plural} "${meta.name}": the object has been modified; please apply your changes to the latest version and try again`,
      };
    }
    const o = clone(this.defaulted(kind, obj)) as Stored<K>;
    o.kind = kind;
    (o as { apiVersion?: string }).apiVersion = KINDS[kind].apiVersion;
    // Identity and server-owned fields cannot be changed by a client.
    o.metadata = {
      ...o.metadata,
      name: cur.metadata.name,
      namespace: cur.metadata.namespace,
      uid: cur.metadata.uid,
      creationTimestamp: cur.metadata.creationTimestamp,
      deletionTimestamp: cur.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: cur.metadata.deletionGracePeriodSeconds,
      generation: cur.metadata.generation,
    } as Stored<K>["metadata"];
    if (!withStatus) (o as { status?: unknown }).status = clone((cur as { status?: unknown }).status);
    const curSpec = (cur as { spec?: unknown }).spec;
    const newSpec = (o as { spec?: unknown }).spec;
    if (GENERATION_KINDS.has(kind) && !sameJSON(curSpec, newSpec)) {
      sm(o).generation = (cur.metadata.generation ?? 0) + 1;
    }
    return this.write(kind, o, cur);
  }

  /** Writes only the status subresource. */
  updateStatus<K extends Kind>(kind: K, obj: KindMap[K]): StoreResult<Stored<K>> {
    const meta = obj.metadata ?? {};
    const cur = this.get(kind, meta.namespace, meta.name ?? "");
    if (!cur) return notFound(kind, meta.name);
    const o = { ...cur, status: clone((obj as { status?: unknown }).status) } as unknown as Stored<K>;
    o.metadata = { ...cur.metadata };
    return this.write(kind, o, cur);
  }

  /**
   * Reads the current object, lets `change` edit a private copy, and writes it back (status
   * included). Returns NotFound when the object is gone; `change` returning false skips the write.
   */
  mutate<K extends Kind>(
    kind: K, namespace: string | undefined, name: string, change: (o: Draft<K>) => void | false,
  ): StoreResult<Stored<K>> {
    const cur = this.get(kind, namespace, name);
    if (!cur) return notFound(kind, name);
    const o = clone(cur) as Stored<K>;
    if (change(o as Draft<K>) === false) return { ok: true, object: cur };
    if (sameJSON(o, cur)) return { ok: true, object: cur };
    const curSpec = (cur as { spec?: unknown }).spec;
    if (GENERATION_KINDS.has(kind) && !sameJSON(curSpec, (o as { spec?: unknown }).spec)) {
      sm(o).generation = (cur.metadata.generation ?? 0) + 1;
    }
    sm(o).uid = cur.metadata.uid;
    o.metadata.name = cur.metadata.name;
    o.metadata.namespace = cur.metadata.namespace;
    const res = this.write(kind, o, cur);
    if (res.ok) this.finishDeletionIfReady(kind, res.object);
    return res;
  }

  /**
   * Deletes an object the way the API server does: objects with finalizers, Foreground deletion,
   * and pods bound to a node get a deletionTimestamp first (the kubelet or the garbage collector
   * finishes the job); everything else is removed at once.
   */
  delete<K extends Kind>(kind: K, namespace: string | undefined, name: string, opts: DeleteOptions = {}): StoreResult<Stored<K>> {
    const cur = this.get(kind, namespace, name);
    if (!cur) return notFound(kind, name);
    const finalizers = [...(cur.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    if (opts.propagationPolicy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
    let grace = 0;
    if (kind === "Pod") {
      const pod = cur as unknown as Stored<"Pod">;
      const phase = pod.status?.phase;
      const terminal = phase === "Succeeded" || phase === "Failed";
      if (pod.spec?.nodeName && !terminal) grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    }
    if (finalizers.length === 0 && grace === 0) return this.remove(kind, cur);
    if (cur.metadata.deletionTimestamp) {
      // Already terminating: a shorter grace period may still be asked for.
      if (kind === "Pod" && grace < (cur.metadata.deletionGracePeriodSeconds ?? Infinity)) {
        if (grace === 0 && finalizers.length === 0) return this.remove(kind, cur);
        const o = clone(cur) as Stored<K>;
        sm(o).deletionGracePeriodSeconds = grace;
        return this.write(kind, o, cur);
      }
      return { ok: true, object: cur };
    }
    const o = clone(cur) as Stored<K>;
    sm(o).deletionTimestamp = this.env.timestamp(this.env.now());
    sm(o).deletionGracePeriodSeconds = grace;
    o.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!o.metadata.finalizers) delete o.metadata.finalizers;
    return this.write(kind, o, cur);
  }

  /** Registers a watch on one kind, or on every kind with "*". Returns the unsubscribe function. */
  watch<K extends Kind>(kind: K | "*", handler: WatchHandler<K>): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler as WatchHandler);
    this.watchers.set(kind, list);
    return () => {
      const i = list.indexOf(handler as WatchHandler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  private defaulted<K extends Kind>(kind: K, obj: KindMap[K]): KindMap[K] {
    if (!this.env.defaults) return obj;
    const withNs = KINDS[kind].namespaced && !obj.metadata?.namespace
      ? { ...obj, metadata: { ...obj.metadata, namespace: "default" } } : obj;
    return this.env.defaults(kind, withNs as KObject) as unknown as KindMap[K];
  }

  private inOrder(kind: Kind): Stored<Kind>[] {
    let ordered = this.ordered.get(kind);
    if (!ordered) {
      ordered = [...(this.byKind.get(kind)?.values() ?? [])].sort(cmpKey);
      this.ordered.set(kind, ordered);
    }
    return ordered;
  }

  /** Index of the object with this key in the kind's order, when the order is built and holds it. */
  private orderedIndex(kind: Kind, o: Stored<Kind>): { list: Stored<Kind>[]; i: number } | undefined {
    const list = this.ordered.get(kind);
    if (!list) return undefined;
    const i = lowerBound(list, o.metadata.namespace ?? "", o.metadata.name);
    return i < list.length && cmpKey(list[i]!, o) === 0 ? { list, i } : undefined;
  }

  private kindMap(kind: Kind): Map<ObjectKey, Stored<Kind>> {
    let m = this.byKind.get(kind);
    if (!m) this.byKind.set(kind, (m = new Map()));
    return m;
  }

  private write<K extends Kind>(kind: K, o: Stored<K>, old: Stored<K>): StoreResult<Stored<K>> {
    sm(o).resourceVersion = String(++this.resourceVersion);
    const stored = deepFreeze(o);
    this.kindMap(kind).set(objectKey(kind, o.metadata.namespace, o.metadata.name), stored);
    const at = this.orderedIndex(kind, stored);
    if (at) at.list[at.i] = stored;
    this.emit({ type: "MODIFIED", kind, object: stored, old });
    return { ok: true, object: stored };
  }

  private remove<K extends Kind>(kind: K, cur: Stored<K>): StoreResult<Stored<K>> {
    this.kindMap(kind).delete(objectKey(kind, cur.metadata.namespace, cur.metadata.name));
    const at = this.orderedIndex(kind, cur);
    if (at) at.list.splice(at.i, 1);
    this.resourceVersion++;
    this.emit({ type: "DELETED", kind, object: cur, old: cur });
    return { ok: true, object: cur };
  }

  /** A terminating object whose finalizers are all gone (and, for pods, whose grace is 0) is removed. */
  private finishDeletionIfReady<K extends Kind>(kind: K, o: Stored<K>): void {
    if (!o.metadata.deletionTimestamp) return;
    if ((o.metadata.finalizers ?? []).length > 0) return;
    if (kind === "Pod" && (o.metadata.deletionGracePeriodSeconds ?? 0) > 0) return;
    this.remove(kind, o);
  }

  private emit(ev: WatchEvent): void {
    for (const h of this.watchers.get(ev.kind) ?? []) h(ev);
    for (const h of this.watchers.get("*") ?? []) h(ev);
  }
}

function cmpKey(a: Stored<Kind>, b: Stored<Kind>): number {
  const an = a.metadata.namespace ?? "", bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** First index in a key-ordered list whose (namespace, name) is not below the given key. */
function lowerBound(list: readonly Stored<Kind>[], namespace: string, name: string): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!.metadata;
    const ns = m.namespace ?? "";
    if (ns < namespace || (ns === namespace && m.name < name)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function invalid(message: string): { ok: false } & StoreError {
  return { ok: false, reason: "Invalid", message };
}

function notFound(kind: Kind, name: string | undefined): { ok: false } & StoreError {
  return { ok: false, reason: "NotFound", message: `${KINDS[kind].plural} "${name ?? ""}" not found` };
}
