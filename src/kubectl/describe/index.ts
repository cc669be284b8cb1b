/**
 * `kubectl describe` for every kind the playground holds: the describer registry (describerMap in
 * describe.go), each describer fed from the object store the way its upstream twin queries the API
 * (the pods a controller owns, the EndpointSlices of a Service, the events about the object).
 */
import type { ReplicaSet } from "kubernetes-types/apps/v1";
import type { ObjectStore } from "../../api/store";
import { type Kind, type KindMap, type KObject, type Stored } from "../../api/types";
import { findNewReplicaSet, findOldReplicaSets } from "../../controllers/deployment/util";
import { describeHorizontalPodAutoscaler, describePodDisruptionBudget } from "./autoscaling";
import { describeCronJob, describeJob } from "./batch";
import { eventsFor } from "./events";
import { describeGeneric } from "./generic";
import { describeEndpoints, describeEndpointSlice, describeIngress, describeService, SERVICE_NAME_LABEL } from "./network";
import { describeNode } from "./node";
import { describePod } from "./pod";
import {
  describeConfigMap, describeNamespace, describePersistentVolume, describePersistentVolumeClaim, describePriorityClass,
  describeSecret, describeStorageClass,
} from "./storage";
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet, podStatusForController } from "./workloads";

export interface DescribeOptions {
  /** `--show-events` (default true). */
  showEvents?: boolean;
}

type Describer<K extends Kind> = (o: Stored<K>, store: ObjectStore, nowMs: number, showEvents: boolean) => string;

const ev = (store: ObjectStore, o: KObject, show: boolean, matchKind = true) => (show ? eventsFor(store, o, { matchKind }) : undefined);

function ownedReplicaSets(store: ObjectStore, d: Stored<"Deployment">): Stored<"ReplicaSet">[] {
  return store.list("ReplicaSet", d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

const DESCRIBERS: { [K in Kind]?: Describer<K> } = {
  Pod: (o, s, now, show) => describePod(o, ev(s, o, show, false), now),
  Node: (o, s, now, show) => describeNode(o, s.list("Pod"), show ? eventsFor(s, o, { matchKind: true, uidMayBeName: true }) : undefined, now),
  Namespace: (o) => describeNamespace(o),
  Service: (o, s, now, show) => describeService(o, slicesOf(s, o.metadata.namespace, o.metadata.name), ev(s, o, show), now),
  Endpoints: (o, s, now, show) => describeEndpoints(o, ev(s, o, show), now),
  EndpointSlice: (o, s, now, show) => describeEndpointSlice(o, ev(s, o, show), now),
  Ingress: (o, s, now, show) => describeIngress(o, (svc) => ({
    service: s.get("Service", o.metadata.namespace, svc),
    slices: slicesOf(s, o.metadata.namespace, svc),
  }), ev(s, o, show), now),
  ConfigMap: (o, s, now, show) => describeConfigMap(o, ev(s, o, show), now),
  Secret: (o) => describeSecret(o),
  PersistentVolumeClaim: (o, s, now, show) => describePersistentVolumeClaim(o, podsUsingClaim(s, o), ev(s, o, show), now),
  PersistentVolume: (o, s, now, show) => describePersistentVolume(o, ev(s, o, show), now),
  StorageClass: (o, s, now, show) => describeStorageClass(o, ev(s, o, show), now),
  PriorityClass: (o, s, now, show) => describePriorityClass(o, ev(s, o, show), now),
  Deployment: (o, s, now, show) => {
    const rss = ownedReplicaSets(s, o);
    const newRS: ReplicaSet | undefined = findNewReplicaSet(o, rss);
    return describeDeployment(o, findOldReplicaSets(o, rss).all, newRS, ev(s, o, show), now);
  },
  ReplicaSet: (o, s, now, show) => describeReplicaSet(o, podStatusForController(s.list("Pod", o.metadata.namespace), o.spec?.selector, o.metadata.uid), ev(s, o, show), now),
  StatefulSet: (o, s, now, show) => describeStatefulSet(o, podStatusForController(s.list("Pod", o.metadata.namespace), o.spec?.selector, o.metadata.uid), ev(s, o, show), now),
  DaemonSet: (o, s, now, show) => describeDaemonSet(o, podStatusForController(s.list("Pod", o.metadata.namespace), o.spec?.selector, o.metadata.uid), ev(s, o, show), now),
  Job: (o, s, now, show) => describeJob(o, ev(s, o, show), now),
  CronJob: (o, s, now, show) => describeCronJob(o, ev(s, o, show), now),
  HorizontalPodAutoscaler: (o, s, now, show) => describeHorizontalPodAutoscaler(o, ev(s, o, show), now),
  PodDisruptionBudget: (o, s, now, show) => describePodDisruptionBudget(o, ev(s, o, show), now),
};

function slicesOf(store: ObjectStore, namespace: string | undefined, service: string) {
  return store.list("EndpointSlice", namespace).filter((e) => e.metadata.labels?.[SERVICE_NAME_LABEL] === service);
}

/** getPodsForPVC: pods mounting the claim, and pods owning it. */
function podsUsingClaim(store: ObjectStore, pvc: Stored<"PersistentVolumeClaim">) {
  const pods = store.list("Pod", pvc.metadata.namespace);
  const using = pods.filter((p) => p.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== "Pod") continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !using.includes(owner)) using.push(owner);
  }
  return using;
}

/** The describe text of one stored object; kinds without a describer of their own get the generic one. */
export function describeObject<K extends Kind>(store: ObjectStore, obj: Stored<K>, nowMs: number, opts: DescribeOptions = {}): string {
  const show = opts.showEvents ?? true;
  const d = DESCRIBERS[obj.kind] as Describer<K> | undefined;
  if (d) return d(obj, store, nowMs, show);
  return describeGeneric(obj as KObject, show ? eventsFor(store, obj as KObject) : undefined, nowMs);
}

export type { KindMap };
