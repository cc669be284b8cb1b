/**
 * The object types the engine works with. Every Kubernetes shape comes from `kubernetes-types`;
 * this file only names the kinds the playground supports and where each lives in the API.
 */
import type { ObjectMeta, OwnerReference } from "kubernetes-types/meta/v1";
import type {
  ConfigMap, Endpoints, Event, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service,
} from "kubernetes-types/core/v1";
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { Ingress } from "kubernetes-types/networking/v1";
import type { PriorityClass } from "kubernetes-types/scheduling/v1";
import type { RuntimeClass } from "kubernetes-types/node/v1";
import type { HorizontalPodAutoscaler } from "kubernetes-types/autoscaling/v2";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import type { StorageClass } from "kubernetes-types/storage/v1";

export type { ObjectMeta, OwnerReference };

/** Kind → its TypeScript shape, for every kind the object store holds. */
export interface KindMap {
  Pod: Pod;
  Node: Node;
  Namespace: Namespace;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  ConfigMap: ConfigMap;
  Secret: Secret;
  PersistentVolumeClaim: PersistentVolumeClaim;
  PersistentVolume: PersistentVolume;
  StorageClass: StorageClass;
  Event: Event;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  StatefulSet: StatefulSet;
  DaemonSet: DaemonSet;
  Job: Job;
  CronJob: CronJob;
  Ingress: Ingress;
  PriorityClass: PriorityClass;
  RuntimeClass: RuntimeClass;
  HorizontalPodAutoscaler: HorizontalPodAutoscaler;
  PodDisruptionBudget: PodDisruptionBudget;
}

export type Kind = keyof KindMap;

/** Where a kind lives: its apiVersion, plural resource name, short names and whether it is namespaced. */
export interface KindInfo {
  readonly kind: Kind;
  readonly apiVersion: string;
  readonly plural: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
}

const info = (kind: Kind, apiVersion: string, plural: string, namespaced: boolean, ...shortNames: string[]): KindInfo =>
  ({ kind, apiVersion, plural, namespaced, shortNames });

/** The kinds the playground supports, as `kubectl api-resources` lists them. */
export const KINDS: Readonly<Record<Kind, KindInfo>> = {
  Pod: info("Pod", "v1", "pods", true, "po"),
  Node: info("Node", "v1", "nodes", false, "no"),
  Namespace: info("Namespace", "v1", "namespaces", false, "ns"),
  Service: info("Service", "v1", "services", true, "svc"),
  Endpoints: info("Endpoints", "v1", "endpoints", true, "ep"),
  EndpointSlice: info("EndpointSlice", "discovery.k8s.io/v1", "endpointslices", true),
  ConfigMap: info("ConfigMap", "v1", "configmaps", true, "cm"),
  Secret: info("Secret", "v1", "secrets", true),
  PersistentVolumeClaim: info("PersistentVolumeClaim", "v1", "persistentvolumeclaims", true, "pvc"),
  PersistentVolume: info("PersistentVolume", "v1", "persistentvolumes", false, "pv"),
  StorageClass: info("StorageClass", "storage.k8s.io/v1", "storageclasses", false, "sc"),
  Event: info("Event", "v1", "events", true, "ev"),
  Deployment: info("Deployment", "apps/v1", "deployments", true, "deploy"),
  ReplicaSet: info("ReplicaSet", "apps/v1", "replicasets", true, "rs"),
  StatefulSet: info("StatefulSet", "apps/v1", "statefulsets", true, "sts"),
  DaemonSet: info("DaemonSet", "apps/v1", "daemonsets", true, "ds"),
  Job: info("Job", "batch/v1", "jobs", true),
  CronJob: info("CronJob", "batch/v1", "cronjobs", true, "cj"),
  Ingress: info("Ingress", "networking.k8s.io/v1", "ingresses", true, "ing"),
  PriorityClass: info("PriorityClass", "scheduling.k8s.io/v1", "priorityclasses", false, "pc"),
  RuntimeClass: info("RuntimeClass", "node.k8s.io/v1", "runtimeclasses", false),
  HorizontalPodAutoscaler: info("HorizontalPodAutoscaler", "autoscaling/v2", "horizontalpodautoscalers", true, "hpa"),
  PodDisruptionBudget: info("PodDisruptionBudget", "policy/v1", "poddisruptionbudgets", true, "pdb"),
};

export function isKind(k: string): k is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, k);
}

/**
 * Resolves what a user types after `kubectl get` (pods, pod, po, deploy, Deployment,
 * deployments.apps) to a kind.
 */
export function resolveKind(name: string): Kind | undefined {
  const n = name.toLowerCase().split(".")[0]!;
  for (const k of Object.values(KINDS)) {
    if (k.kind.toLowerCase() === n || k.plural === n || k.shortNames.includes(n)) return k.kind;
  }
  return undefined;
}

/** Any stored object. Every object in the store has a kind and a metadata.name. */
export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

/** A stored object of a known kind: kind and metadata always set. */
export type Stored<K extends Kind> = KindMap[K] & { kind: K; metadata: ObjectMeta & { name: string; uid: string } };

/**
 * A private copy of a stored object that a writer may change: kubernetes-types marks `status`
 * readonly (clients do not write it), but the simulated components are the server side.
 */
export type Draft<K extends Kind> = { -readonly [P in keyof Stored<K>]: Stored<K>[P] };

/** The store key of an object: "Kind/namespace/name" (namespace empty for cluster-scoped kinds). */
export type ObjectKey = string & { readonly __brand: "ObjectKey" };

export function objectKey(kind: string, namespace: string | undefined, name: string): ObjectKey {
  return `${kind}/${namespace ?? ""}/${name}` as ObjectKey;
}

/** "namespace/name" as Kubernetes logs and messages print it (just "name" when cluster-scoped). */
export function namespacedName(o: { metadata?: ObjectMeta }): string {
  const m = o.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : `${m.name}`;
}
