/**
 * The workload view's tree, from owner references as the garbage collector reads them:
 * Deployment → ReplicaSets → Pods, CronJob → Jobs → Pods, and StatefulSet, DaemonSet, Job or a
 * lone ReplicaSet → Pods. Pods with no controller form their own group. Counts are the ones
 * `kubectl get` prints (READY, COMPLETIONS, …), from each object's status.
 */
import type { Kind, ObjectKey, Stored } from "../../../src/api/types";
import { podId } from "./pods";

export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob" | "ReplicaSet" | "Pod";

/** A set of pods under one controller: a ReplicaSet or a Job (or the workload itself). */
export type PodSetView = {
  id: string;
  kind: WorkloadKind;
  name: string;
  namespace: string;
  /** Ready (or succeeded, for a Job) against desired: the card's bar. */
  ready: number;
  desired: number;
  /** A short line under the name: "revision 2", "3/3 completions", "*\/5 * * * *". */
  detail: string;
  pods: readonly string[];
};

export type WorkloadView = PodSetView & {
  /** The ReplicaSets of a Deployment, the Jobs of a CronJob, newest first; empty for the others. */
  children: readonly PodSetView[];
};

const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

type Objects = ReadonlyMap<ObjectKey, Stored<Kind>>;

function controllerUid(o: Stored<Kind>): string | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

function idOf(o: Stored<Kind>): string {
  return `${o.kind}/${o.metadata.namespace ?? "default"}/${o.metadata.name}`;
}

function byName<T extends { name: string; namespace: string }>(a: T, b: T): number {
  return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function counts(o: Stored<Kind>): { ready: number; desired: number; detail: string } {
  switch (o.kind) {
    case "Deployment": {
      const d = o as Stored<"Deployment">;
      const desired = d.spec?.replicas ?? 1;
      return { ready: d.status?.readyReplicas ?? 0, desired, detail: `${d.status?.updatedReplicas ?? 0} up-to-date · ${d.status?.availableReplicas ?? 0} available` };
    }
    case "ReplicaSet": {
      const rs = o as Stored<"ReplicaSet">;
      const rev = rs.metadata.annotations?.[REVISION_ANNOTATION];
      return { ready: rs.status?.readyReplicas ?? 0, desired: rs.spec?.replicas ?? 1, detail: rev ? `revision ${rev}` : `${rs.status?.replicas ?? 0} current` };
    }
    case "StatefulSet": {
      const s = o as Stored<"StatefulSet">;
      return { ready: s.status?.readyReplicas ?? 0, desired: s.spec?.replicas ?? 1, detail: `${s.status?.currentReplicas ?? 0} current` };
    }
    case "DaemonSet": {
      const ds = o as Stored<"DaemonSet">;
      return { ready: ds.status?.numberReady ?? 0, desired: ds.status?.desiredNumberScheduled ?? 0, detail: `${ds.status?.currentNumberScheduled ?? 0} scheduled` };
    }
    case "Job": {
      const j = o as Stored<"Job">;
      const completions = j.spec?.completions ?? 1;
      const succeeded = j.status?.succeeded ?? 0;
      return { ready: succeeded, desired: completions, detail: `${succeeded}/${completions} completions` };
    }
    case "CronJob": {
      const c = o as Stored<"CronJob">;
      return { ready: c.status?.active?.length ?? 0, desired: 0, detail: c.spec?.schedule ?? "" };
    }
    default:
      return { ready: 0, desired: 0, detail: "" };
  }
}

function setView(o: Stored<Kind>, pods: readonly string[]): PodSetView {
  return { id: idOf(o), kind: o.kind as WorkloadKind, name: o.metadata.name, namespace: o.metadata.namespace ?? "default", ...counts(o), pods };
}

/** Top-level workloads in namespace/name order within kind order, then the pods with no controller. */
export function workloadViews(objects: Objects): WorkloadView[] {
  const podsOf = new Map<string, string[]>();
  const childrenOf = new Map<string, Stored<Kind>[]>();
  const lonePods: string[] = [];
  const tops: Stored<Kind>[] = [];
  const uids = new Set<string>();
  for (const o of objects.values()) if (o.metadata.uid) uids.add(o.metadata.uid);
  for (const o of objects.values()) {
    const owner = controllerUid(o);
    const ownerKnown = owner !== undefined && uids.has(owner);
    if (o.kind === "Pod") {
      if (ownerKnown) (podsOf.get(owner) ?? podsOf.set(owner, []).get(owner)!).push(podId(o.metadata.namespace, o.metadata.name));
      else lonePods.push(podId(o.metadata.namespace, o.metadata.name));
    } else if (o.kind === "ReplicaSet" || o.kind === "Job") {
      if (ownerKnown) (childrenOf.get(owner) ?? childrenOf.set(owner, []).get(owner)!).push(o);
      else tops.push(o);
    } else if (o.kind === "Deployment" || o.kind === "StatefulSet" || o.kind === "DaemonSet" || o.kind === "CronJob") {
      tops.push(o);
    }
  }
  const pods = (o: Stored<Kind>) => (podsOf.get(o.metadata.uid ?? "") ?? []).sort();
  const order: WorkloadKind[] = ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicaSet"];
  const out: WorkloadView[] = tops
    .map((o) => {
      const kids = (childrenOf.get(o.metadata.uid ?? "") ?? [])
        .map((c) => ({ view: setView(c, pods(c)), rev: Number(c.metadata.annotations?.[REVISION_ANNOTATION] ?? 0) || 0, created: c.metadata.creationTimestamp ?? "" }))
        // Newest first: the new ReplicaSet of a rollout above the old one it replaces.
        .sort((a, b) => b.rev - a.rev || (a.created > b.created ? -1 : a.created < b.created ? 1 : byName(a.view, b.view)))
        .map((x) => x.view);
      return { ...setView(o, pods(o)), children: kids };
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || byName(a, b));
  // Pods whose controller is not shown here (a kind this view does not draw) join the lone pods.
  const placed = new Set(out.flatMap((w) => [...w.pods, ...w.children.flatMap((c) => c.pods)]));
  for (const ids of podsOf.values()) for (const id of ids) if (!placed.has(id)) lonePods.push(id);
  if (lonePods.length > 0) {
    out.push({ id: "Pod/*", kind: "Pod", name: "", namespace: "", ready: 0, desired: 0, detail: "", pods: lonePods.sort(), children: [] });
  }
  return out;
}
