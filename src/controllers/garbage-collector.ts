/**
 * The garbage collector (KK pkg/controller/garbagecollector; docs concepts/architecture/
 * garbage-collection): deletes dependents whose owners are gone, following ownerReferences.
 *
 * - Background (kubectl's default): the owner is removed at once; each dependent whose owners are
 *   all gone (absent, or present with another uid) is then deleted, itself in the background.
 * - Foreground: the owner stays, with a deletionTimestamp and the `foregroundDeletion` finalizer,
 *   until every dependent that blocks it (`blockOwnerDeletion: true`) is gone; dependents that
 *   have dependents of their own are deleted in the foreground too.
 * - Orphan: the `orphan` finalizer makes the collector remove the owner's references from its
 *   dependents, then the finalizer; the dependents live on.
 * An object with at least one live owner is kept; references to owners that are gone or waiting
 * for their dependents are removed from it.
 */
import type { DeleteOptions } from "../api/store";
import { KINDS, isKind, objectKey, type Kind, type KObject, type Stored } from "../api/types";
import { Controller, done, type ControllerSpec, type ReconcileResult } from "../runtime/controller";
import type { Component, ComponentContext } from "../sim/component";

export const GARBAGE_COLLECTOR = "garbage-collector-controller";
export const FOREGROUND_FINALIZER = "foregroundDeletion";
export const ORPHAN_FINALIZER = "orphan";

type Obj = Stored<Kind>;

/** Who depends on whom, kept from the watch (the upstream GraphBuilder's dependency graph). */
class DependencyGraph {
  /** uid → object key, for every live object. */
  readonly byUid = new Map<string, string>();
  /** owner uid → keys of objects that reference it. */
  readonly dependents = new Map<string, Set<string>>();
  private readonly ownersOf = new Map<string, string[]>();

  update(key: string, uid: string, ownerUids: string[]): void {
    this.byUid.set(uid, key);
    this.setOwners(key, ownerUids);
  }

  remove(key: string, uid: string): string[] {
    const owners = this.ownersOf.get(key) ?? [];
    this.setOwners(key, []);
    if (this.byUid.get(uid) === key) this.byUid.delete(uid);
    return owners;
  }

  dependentKeys(uid: string): string[] {
    return [...(this.dependents.get(uid) ?? [])];
  }

  private setOwners(key: string, ownerUids: string[]): void {
    for (const u of this.ownersOf.get(key) ?? []) {
      const set = this.dependents.get(u);
      set?.delete(key);
      if (set?.size === 0) this.dependents.delete(u);
    }
    if (ownerUids.length === 0) {
      this.ownersOf.delete(key);
      return;
    }
    this.ownersOf.set(key, ownerUids);
    for (const u of ownerUids) {
      let set = this.dependents.get(u);
      if (!set) this.dependents.set(u, (set = new Set()));
      set.add(key);
    }
  }
}

function parseKey(key: string): { kind: Kind; namespace?: string; name: string } | undefined {
  const [kind, ns, ...rest] = key.split("/");
  if (!kind || !isKind(kind)) return undefined;
  return { kind, ...(ns ? { namespace: ns } : {}), name: rest.join("/") };
}

const keyOfObject = (o: Obj): string => objectKey(o.kind, o.metadata.namespace, o.metadata.name);
const hasFinalizer = (o: KObject, f: string): boolean => (o.metadata?.finalizers ?? []).includes(f);
const deletingDependents = (o: KObject): boolean => Boolean(o.metadata?.deletionTimestamp) && hasFinalizer(o, FOREGROUND_FINALIZER);

type OwnerState = "solid" | "dangling" | "waiting";

/** classifyReferences for one reference: the owner's state as the collector sees it. */
function ownerState(ctx: ComponentContext, dependent: Obj, ref: { kind: string; name: string; uid: string }): OwnerState {
  if (!isKind(ref.kind)) return "solid";
  const ns = KINDS[ref.kind].namespaced ? dependent.metadata.namespace : undefined;
  const owner = ctx.store.get(ref.kind, ns, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return "dangling";
  return deletingDependents(owner) ? "waiting" : "solid";
}

function createSpec(): ControllerSpec {
  const graph = new DependencyGraph();
  return {
    name: GARBAGE_COLLECTOR,
    watch(ctx, enqueue) {
      ctx.store.watch("*", (ev) => {
        if (ev.kind === "Event") return;
        const o = ev.object as Obj;
        const key = keyOfObject(o);
        const uid = o.metadata.uid;
        if (ev.type === "DELETED") {
          const owners = graph.remove(key, uid);
          for (const dep of graph.dependentKeys(uid)) enqueue(dep);
          // A foreground deletion waiting for this dependent may finish now.
          for (const ownerUid of owners) {
            const ownerKey = graph.byUid.get(ownerUid);
            if (ownerKey) enqueue(ownerKey);
          }
          return;
        }
        const refs = o.metadata.ownerReferences ?? [];
        graph.update(key, uid, refs.map((r) => r.uid));
        if (o.metadata.deletionTimestamp && (hasFinalizer(o, ORPHAN_FINALIZER) || hasFinalizer(o, FOREGROUND_FINALIZER))) enqueue(key);
        if (refs.some((r) => ownerState(ctx, o, r) !== "solid")) enqueue(key);
      });
    },
    reconcile: (ctx, key) => attemptToDelete(ctx, graph, key),
  };
}

export const garbageCollectorFactory = (): Component => new Controller(createSpec());

/** attemptToDeleteItem, with the orphan and deleting-dependents cases folded in. */
function attemptToDelete(ctx: ComponentContext, graph: DependencyGraph, key: string): ReconcileResult {
  const id = parseKey(key);
  if (!id) return done;
  const o = ctx.store.get(id.kind, id.namespace, id.name) as Obj | undefined;
  if (!o) return done;
  if (o.metadata.deletionTimestamp) {
    if (hasFinalizer(o, ORPHAN_FINALIZER)) return orphanDependents(ctx, graph, o);
    if (hasFinalizer(o, FOREGROUND_FINALIZER)) return processDeletingDependents(ctx, graph, o);
    // Being deleted is a one-way trip: wait for it to be gone, then look at its dependents.
    return done;
  }
  const refs = o.metadata.ownerReferences ?? [];
  if (refs.length === 0) return done;
  const states = refs.map((r) => ({ ref: r, state: ownerState(ctx, o, r) }));
  const solid = states.filter((s) => s.state === "solid");
  const waiting = states.filter((s) => s.state === "waiting");
  if (solid.length > 0) {
    if (solid.length === refs.length) return done;
    // Keep the object; drop references to owners that are gone or going.
    const drop = new Set(states.filter((s) => s.state !== "solid").map((s) => s.ref.uid));
    const res = ctx.store.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
      d.metadata!.ownerReferences = (d.metadata?.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
    });
    return res.ok || res.reason === "NotFound" ? done : { error: res.message };
  }
  let policy: DeleteOptions["propagationPolicy"];
  if (waiting.length > 0 && graph.dependentKeys(o.metadata.uid).length > 0) policy = "Foreground";
  else if (hasFinalizer(o, ORPHAN_FINALIZER)) policy = "Orphan";
  else if (hasFinalizer(o, FOREGROUND_FINALIZER)) policy = "Foreground";
  else policy = "Background";
  const res = ctx.store.delete(o.kind, o.metadata.namespace, o.metadata.name, { propagationPolicy: policy });
  return res.ok || res.reason === "NotFound" ? done : { error: res.message };
}

/** processDeletingDependentsItem: remove the finalizer once no blocking dependent is left. */
function processDeletingDependents(ctx: ComponentContext, graph: DependencyGraph, owner: Obj): ReconcileResult {
  const uid = owner.metadata.uid;
  const blocking: Obj[] = [];
  for (const depKey of graph.dependentKeys(uid)) {
    const id = parseKey(depKey);
    const dep = id && (ctx.store.get(id.kind, id.namespace, id.name) as Obj | undefined);
    if (dep?.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true)) blocking.push(dep);
  }
  if (blocking.length === 0) return removeFinalizer(ctx, owner, FOREGROUND_FINALIZER);
  for (const dep of blocking) {
    if (!deletingDependents(dep)) {
      const r = attemptToDelete(ctx, graph, keyOfObject(dep));
      if (r.error !== undefined) return r;
    }
  }
  return done;
}

/** attemptToOrphan: strip the owner's references from its dependents, then the orphan finalizer. */
function orphanDependents(ctx: ComponentContext, graph: DependencyGraph, owner: Obj): ReconcileResult {
  const uid = owner.metadata.uid;
  for (const depKey of graph.dependentKeys(uid)) {
    const id = parseKey(depKey);
    if (!id) continue;
    const res = ctx.store.mutate(id.kind, id.namespace, id.name, (d) => {
      const refs = d.metadata?.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) return false;
      d.metadata!.ownerReferences = refs.filter((r) => r.uid !== uid);
      if (d.metadata!.ownerReferences.length === 0) delete d.metadata!.ownerReferences;
    });
    if (!res.ok && res.reason !== "NotFound") return { error: res.message };
  }
  return removeFinalizer(ctx, owner, ORPHAN_FINALIZER);
}

function removeFinalizer(ctx: ComponentContext, o: Obj, finalizer: string): ReconcileResult {
  const res = ctx.store.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
    const rest = (d.metadata?.finalizers ?? []).filter((f) => f !== finalizer);
    if (rest.length) d.metadata!.finalizers = rest;
    else delete d.metadata!.finalizers;
  });
  return res.ok || res.reason === "NotFound" ? done : { error: res.message };
}
