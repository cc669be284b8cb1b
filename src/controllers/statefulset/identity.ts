/**
 * StatefulSet pod identity and storage (pkg/controller/statefulset/stateful_set_utils.go): pods
 * are `<set>-<ordinal>` with hostname = name and subdomain = the governing Service, carry the
 * pod-name and pod-index labels, and mount one PersistentVolumeClaim per volumeClaimTemplate,
 * named `<template>-<set>-<ordinal>`.
 */
import type { StatefulSet } from "kubernetes-types/apps/v1";
import type { PersistentVolumeClaim, Pod, Volume } from "kubernetes-types/core/v1";
import type { Stored } from "../../api/types";
import { isPodReady, podCondition, podFromTemplate } from "../pod-util";

export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
export const REVISION_LABEL = "controller-revision-hash";

const ORDINAL = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: ("web", 2) for "web-2"; ordinal -1 when the name has none. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = ORDINAL.exec(podName);
  if (!m) return { parent: "", ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1]!, ordinal: n <= 2_147_483_647 ? n : -1 };
}

export const ordinalOf = (p: Pod): number => parentAndOrdinal(p.metadata?.name ?? "").ordinal;

export function isMemberOf(set: StatefulSet, p: Pod): boolean {
  return parentAndOrdinal(p.metadata?.name ?? "").parent === set.metadata?.name;
}

export const startOrdinal = (set: StatefulSet): number => set.spec?.ordinals?.start ?? 0;
export const replicasOf = (set: StatefulSet): number => set.spec?.replicas ?? 1;
export const podName = (set: StatefulSet, ordinal: number): string => `${set.metadata?.name}-${ordinal}`;
export const claimName = (set: StatefulSet, template: string, ordinal: number): string => `${template}-${set.metadata?.name}-${ordinal}`;

/** isCreated: the pod exists in the store (the API server gives every pod a phase at creation). */
export const isCreated = (p: Pod): boolean => Boolean(p.metadata?.uid);
export const isTerminating = (p: Pod): boolean => Boolean(p.metadata?.deletionTimestamp);
export const isRunningAndReady = (p: Pod): boolean => p.status?.phase === "Running" && isPodReady(p);
export const isHealthy = (p: Pod): boolean => isRunningAndReady(p) && !isTerminating(p);

/** isRunningAndAvailable: running and ready for minReadySeconds (virtual ms of the Ready transition vs now). */
export function isRunningAndAvailable(p: Pod, minReadySeconds: number, now: number, parse: (ts: string | undefined) => number | undefined): boolean {
  if (!isRunningAndReady(p)) return false;
  if (minReadySeconds <= 0) return true;
  const since = parse(podCondition(p, "Ready")?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** The claims a member pod uses, one per volumeClaimTemplate (getPersistentVolumeClaims). */
export function claimsFor(set: Stored<"StatefulSet">, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    metadata: {
      name: claimName(set, t.metadata?.name ?? "", ordinal),
      namespace: set.metadata.namespace,
      labels: { ...t.metadata?.labels, ...set.spec?.selector?.matchLabels },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
    },
    spec: structuredClone(t.spec ?? {}),
  }));
}

/** identityMatches and storageMatches: whether an existing pod still conforms to the set. */
export function identityMatches(set: StatefulSet, p: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(p.metadata?.name ?? "");
  return ordinal >= 0 && parent === set.metadata?.name && p.metadata?.namespace === set.metadata?.namespace
    && p.metadata?.labels?.[POD_NAME_LABEL] === p.metadata?.name;
}

export function storageMatches(set: StatefulSet, p: Pod): boolean {
  const ordinal = ordinalOf(p);
  if (ordinal < 0) return false;
  const vols = new Map((p.spec?.volumes ?? []).map((v) => [v.name, v]));
  return (set.spec?.volumeClaimTemplates ?? []).every((t) => vols.get(t.metadata?.name ?? "")?.persistentVolumeClaim?.claimName === claimName(set, t.metadata?.name ?? "", ordinal));
}

/**
 * newStatefulSetPod: the template with the pod's identity (name, hostname, subdomain, labels)
 * and its claims' volumes, at revision `revision`.
 */
export function newStatefulSetPod(set: Stored<"StatefulSet">, template: NonNullable<StatefulSet["spec"]>["template"], ordinal: number, revision: string): Pod {
  const name = podName(set, ordinal);
  const pod = podFromTemplate(template, set, { name });
  pod.metadata!.labels = { ...pod.metadata!.labels, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision };
  const spec = pod.spec!;
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = set.spec?.volumeClaimTemplates ?? [];
  if (claims.length) {
    const byName = new Set(claims.map((c) => c.metadata?.name ?? ""));
    const volumes: Volume[] = claims.map((c) => ({
      name: c.metadata?.name ?? "",
      persistentVolumeClaim: { claimName: claimName(set, c.metadata?.name ?? "", ordinal) },
    }));
    spec.volumes = [...volumes, ...(spec.volumes ?? []).filter((v) => !byName.has(v.name))];
  }
  return pod;
}
