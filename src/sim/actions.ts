/**
 * What users and scenario timelines do to a running cluster: apply manifests, delete objects, and
 * act on nodes (power a machine down or up, cordon, drain, taint). Each returns a value saying
 * what happened, in kubectl's words, or why it could not.
 */
import type { Taint } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import { KINDS, type Kind, type KindMap, type KObject } from "../api/types";
import type { ScenarioAction } from "../scenario/types";
import { drainNode } from "./drain";
import type { Machines } from "./machines";

export interface ApplyOutcome {
  kind: Kind;
  namespace?: string;
  name: string;
  /** kubectl apply's verb: "deployment.apps/web created". */
  action: "created" | "configured" | "unchanged";
}

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

export interface ActionHost {
  store: ObjectStore;
  machines: Machines;
  apply(text: string): { errors: Array<{ message: string }>; applied: ApplyOutcome[] };
  /** Runs a kubectl command line (without the leading "kubectl"). */
  kubectl?(command: string): { stdout: string; stderr: string; exitCode: number };
  /** RFC 3339 of the current virtual time (for conditions an action writes). */
  timestamp?(): string;
}

/** Fields a client owns in metadata: what `kubectl apply` may change on an existing object. */
const CLIENT_METADATA = ["labels", "annotations", "ownerReferences", "finalizers"] as const;

/**
 * Creates the object, or updates it the way `kubectl apply` does: the manifest's spec and
 * client-owned metadata replace the stored ones; status and server-owned fields stay.
 */
export function applyObject(store: ObjectStore, kind: Kind, obj: KObject): ApplyOutcome | { error: string } {
  const meta = obj.metadata ?? {};
  const name = meta.name ?? "";
  const namespace = KINDS[kind].namespaced ? (meta.namespace ?? "default") : undefined;
  const cur = store.get(kind, namespace, name);
  if (!cur) {
    const res = store.create(kind, obj as KindMap[typeof kind]);
    if (!res.ok) return { error: `Error from server (${res.reason}): ${res.message}` };
    return { kind, namespace, name: res.object.metadata.name, action: "created" };
  }
  const next: KObject = { ...(cur as KObject), ...withoutStatus(obj), metadata: { ...cur.metadata } };
  for (const f of CLIENT_METADATA) {
    if (meta[f] !== undefined) (next.metadata as Record<string, unknown>)[f] = meta[f];
    else delete (next.metadata as Record<string, unknown>)[f];
  }
  delete (next.metadata as Record<string, unknown>).resourceVersion;
  const res = store.update(kind, next as KindMap[typeof kind]);
  if (!res.ok) return { error: `Error from server (${res.reason}): ${res.message}` };
  const changed = res.object.metadata.resourceVersion !== cur.metadata.resourceVersion
    && JSON.stringify(withoutStatus(res.object as KObject)) !== JSON.stringify(withoutStatus(cur as KObject));
  return { kind, namespace, name, action: changed ? "configured" : "unchanged" };
}

function withoutStatus(o: KObject): KObject {
  const { status: _status, ...rest } = o;
  const meta = { ...(rest.metadata ?? {}) } as Record<string, unknown>;
  delete meta.resourceVersion;
  return { ...rest, metadata: meta };
}

export function performAction(host: ActionHost, a: ScenarioAction): ActionResult {
  switch (a.type) {
    case "apply": {
      const res = host.apply(a.manifest);
      if (res.errors.length) return { ok: false, message: res.errors.map((e) => e.message).join("; ") };
      return { ok: true, message: res.applied.map((o) => `${KINDS[o.kind].plural}/${o.name} ${o.action}`).join("\n") };
    }
    case "delete": {
      const res = host.store.delete(a.kind, a.namespace, a.name);
      if (!res.ok) return { ok: false, message: `Error from server (${res.reason}): ${res.message}` };
      return { ok: true, message: `${a.kind.toLowerCase()} "${a.name}" deleted` };
    }
    case "node":
      return nodeAction(host, a);
    case "kubectl": {
      if (!host.kubectl) return { ok: false, message: `kubectl actions are not supported by this engine yet: "${a.command}"` };
      const out = host.kubectl(a.command);
      return out.exitCode === 0 ? { ok: true, message: out.stdout.trimEnd() } : { ok: false, message: (out.stderr || out.stdout).trimEnd() };
    }
  }
}

function nodeAction(host: ActionHost, a: Extract<ScenarioAction, { type: "node" }>): ActionResult {
  const node = host.store.get("Node", undefined, a.name);
  if (!node) return { ok: false, message: `Error from server (NotFound): nodes "${a.name}" not found` };
  if (a.taint) {
    const t: Taint = { key: a.taint.key, effect: a.taint.effect, ...(a.taint.value !== undefined ? { value: a.taint.value } : {}) };
    host.store.mutate("Node", undefined, a.name, (n) => {
      const taints = (n.spec ??= {}).taints ?? [];
      n.spec.taints = [...taints.filter((x) => !(x.key === t.key && x.effect === t.effect)), t];
    });
    return { ok: true, message: `node/${a.name} tainted` };
  }
  if (a.untaint) {
    const [key, effect] = a.untaint.replace(/-$/, "").split(":");
    host.store.mutate("Node", undefined, a.name, (n) => {
      const taints = n.spec?.taints ?? [];
      n.spec = { ...n.spec, taints: taints.filter((x) => !(x.key === key && (!effect || x.effect === effect))) };
    });
    return { ok: true, message: `node/${a.name} untainted` };
  }
  switch (a.state) {
    case "Down":
    case "Up":
      host.machines.set(a.name, a.state);
      return { ok: true, message: `machine of node/${a.name} is ${a.state === "Down" ? "down" : "up"}` };
    case "Cordon":
    case "Uncordon": {
      const want = a.state === "Cordon";
      if (Boolean(node.spec?.unschedulable) === want) return { ok: true, message: `node/${a.name} already ${want ? "cordoned" : "uncordoned"}` };
      host.store.mutate("Node", undefined, a.name, (n) => {
        n.spec ??= {};
        if (want) n.spec.unschedulable = true;
        else delete n.spec.unschedulable;
      });
      return { ok: true, message: `node/${a.name} ${want ? "cordoned" : "uncordoned"}` };
    }
    case "Drain": {
      const r = drainNode(host.store, a.name, host.timestamp?.() ?? "");
      return { ok: r.ok, message: `${r.stdout}${r.stderr}`.trimEnd() };
    }
    case undefined:
      return { ok: false, message: `node action for ${a.name} names no state, taint or untaint` };
  }
}
