/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the selector of the
 * pods a pod is spread with when it has no topology spread constraints of its own — the selectors
 * of the Services selecting it, plus that of the ReplicaSet or StatefulSet controlling it.
 */
import type { ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import { compileSelector, isSelectorError, type Requirement, type Selector } from "../api/selector";
import type { Stored } from "../api/types";
import type { PodInfo } from "./pod-info";

export interface OwnerSelectors {
  services(ns: string): Iterable<Stored<"Service">>;
  replicaSet(ns: string, name: string): ReplicaSet | undefined;
  statefulSet(ns: string, name: string): StatefulSet | undefined;
}

/** The merged selector; undefined when nothing selects the pod. */
export function defaultSelector(pod: PodInfo, owners: OwnerSelectors): Selector | undefined {
  const reqs: Requirement[] = [];
  const set: Record<string, string> = {};
  // GetPodServices: Services in the pod's namespace whose (non-empty) selector matches it.
  for (const svc of owners.services(pod.namespace)) {
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => pod.labels[k] === v)) Object.assign(set, sel);
  }
  for (const k of Object.keys(set)) reqs.push({ key: k, operator: "=", values: [set[k]!] });
  const owner = (pod.pod.metadata.ownerReferences ?? []).find((o) => o.controller);
  if (owner && owner.apiVersion.split("/")[0] === "apps") {
    const ctrl = owner.kind === "ReplicaSet" ? owners.replicaSet(pod.namespace, owner.name)
      : owner.kind === "StatefulSet" ? owners.statefulSet(pod.namespace, owner.name)
      : undefined;
    const sel = ctrl?.spec?.selector ? compileSelector(ctrl.spec.selector) : undefined;
    if (sel && !isSelectorError(sel)) reqs.push(...sel.requirements);
  }
  if (reqs.length === 0) return undefined;
  const merged = compileSelector({
    matchExpressions: reqs.map((r) => ({
      key: r.key,
      operator: r.operator === "notin" ? "NotIn" : r.operator === "exists" ? "Exists" : r.operator === "!" ? "DoesNotExist" : "In",
      values: r.operator === "exists" || r.operator === "!" ? undefined : [...r.values],
    })),
  });
  return isSelectorError(merged) ? undefined : merged;
}
