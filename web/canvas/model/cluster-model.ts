/**
 * The canvas's view of the cluster, rebuilt from the mirror on every published frame. Pod views
 * are cached per pod object (the mirror replaces an object when it changes, never mutates it), so
 * a frame where ten of a thousand pods changed computes ten kubectl statuses, not a thousand.
 */
import type { EventRecord } from "../../../src/api/events";
import type { Kind, ObjectKey, Stored } from "../../../src/api/types";
import { nodeView, zoneOf, type NodeView } from "./nodes";
import { ingressViews, serviceViews, type IngressView, type ServiceView } from "./network";
import { lastUnhealthy, podView, PROBE_PULSE_SECONDS, unknownPodView, type PodView } from "./pods";
import { workloadViews, type WorkloadView } from "./workloads";

export type ZoneView = {
  id: string;
  /** The zone label's value; "" for nodes without one. */
  name: string;
  nodes: readonly NodeView[];
};

export interface ClusterModel {
  zones: readonly ZoneView[];
  /** Pods bound to each node, by node name, in name order. */
  podsOnNode: ReadonlyMap<string, readonly PodView[]>;
  /** Pods waiting for a node (the scheduling queue), or bound to a node that does not exist. */
  queue: readonly PodView[];
  services: readonly ServiceView[];
  ingresses: readonly IngressView[];
  /** Every pod's view by canvas id. */
  pods: ReadonlyMap<string, PodView>;
}

type Objects = ReadonlyMap<ObjectKey, Stored<Kind>>;

/** Keeps the per-object work of the previous frames. One per canvas. */
export class ModelCache {
  private readonly views = new WeakMap<Stored<"Pod">, PodView>();
  private readonly unknownViews = new WeakMap<PodView, PodView>();

  /** The pod's view; a fresh object only when the pod or its probe pulse changed. */
  pod(pod: Stored<"Pod">, time: number, unhealthyAt: number | undefined): PodView {
    const cached = this.views.get(pod);
    const pulsing = unhealthyAt !== undefined && time - unhealthyAt <= PROBE_PULSE_SECONDS;
    if (cached && cached.probeFailing === (pulsing && !cached.terminating)) return cached;
    const v = podView(pod, time, unhealthyAt);
    this.views.set(pod, v);
    return v;
  }

  /** The pod's view, Unknown when its node is in `unreachable`; the same object while nothing changes. */
  podOn(pod: Stored<"Pod">, time: number, unhealthyAt: number | undefined, unreachable: ReadonlySet<string>): PodView {
    const v = this.pod(pod, time, unhealthyAt);
    if (!v.nodeName || !unreachable.has(v.nodeName) || v.finished) return v;
    let u = this.unknownViews.get(v);
    if (!u) this.unknownViews.set(v, (u = unknownPodView(v)));
    return u;
  }
}

/** Nodes whose Ready condition is Unknown: the node controller has not heard from their kubelet. */
export function unreachableNodes(objects: Objects): Set<string> {
  const out = new Set<string>();
  for (const o of objects.values()) {
    if (o.kind !== "Node") continue;
    const ready = (o as Stored<"Node">).status?.conditions?.find((c) => c.type === "Ready");
    if (ready?.status === "Unknown") out.add(o.metadata.name);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function clusterModel(objects: Objects, events: readonly EventRecord[], time: number, cache: ModelCache): ClusterModel {
  const unhealthy = lastUnhealthy(events);
  const unreachable = unreachableNodes(objects);
  const nodes: Stored<"Node">[] = [];
  const podObjects = new Map<string, Stored<"Pod">[]>();
  const pods = new Map<string, PodView>();
  const views: PodView[] = [];
  for (const o of objects.values()) {
    if (o.kind === "Node") nodes.push(o as Stored<"Node">);
    else if (o.kind === "Pod") {
      const pod = o as Stored<"Pod">;
      const v = cache.podOn(pod, time, unhealthy.get(`Pod/${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`), unreachable);
      pods.set(v.id, v);
      views.push(v);
      if (v.nodeName) (podObjects.get(v.nodeName) ?? podObjects.set(v.nodeName, []).get(v.nodeName)!).push(pod);
    }
  }
  nodes.sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  const nodeNames = new Set(nodes.map((n) => n.metadata.name));
  const podsOnNode = new Map<string, PodView[]>();
  const queue: PodView[] = [];
  for (const v of views) {
    if (v.nodeName && nodeNames.has(v.nodeName)) (podsOnNode.get(v.nodeName) ?? podsOnNode.set(v.nodeName, []).get(v.nodeName)!).push(v);
    else queue.push(v);
  }
  for (const list of podsOnNode.values()) list.sort((a, b) => cmp(a.name, b.name) || cmp(a.namespace, b.namespace));
  queue.sort((a, b) => cmp(a.name, b.name) || cmp(a.namespace, b.namespace));

  const zones = new Map<string, NodeView[]>();
  for (const n of nodes) {
    const z = zoneOf(n);
    (zones.get(z) ?? zones.set(z, []).get(z)!).push(nodeView(n, podObjects.get(n.metadata.name) ?? []));
  }
  // Named zones in name order; nodes without a zone label last.
  const zoneList = [...zones.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : cmp(a, b)))
    .map(([name, list]) => ({ id: `zone:${name}`, name, nodes: list }));
  return { zones: zoneList, podsOnNode, queue, services: serviceViews(objects), ingresses: ingressViews(objects), pods };
}

export interface WorkloadModel {
  workloads: readonly WorkloadView[];
  pods: ReadonlyMap<string, PodView>;
}

export function workloadModel(objects: Objects, events: readonly EventRecord[], time: number, cache: ModelCache): WorkloadModel {
  const unhealthy = lastUnhealthy(events);
  const unreachable = unreachableNodes(objects);
  const pods = new Map<string, PodView>();
  for (const o of objects.values()) {
    if (o.kind !== "Pod") continue;
    const pod = o as Stored<"Pod">;
    const v = cache.podOn(pod, time, unhealthy.get(`Pod/${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`), unreachable);
    pods.set(v.id, v);
  }
  return { workloads: workloadViews(objects), pods };
}
