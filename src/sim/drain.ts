/**
 * `kubectl drain` (k8s.io/kubectl pkg/drain, pkg/cmd/drain): cordon the node, then evict its
 * pods through the Eviction API, after the filters kubectl applies in order — DaemonSet pods
 * (an error unless --ignore-daemonsets), mirror pods (skipped), pods with emptyDir data (an
 * error unless --delete-emptydir-data), pods no controller would recreate (an error unless
 * --force). An eviction that would violate a PodDisruptionBudget is refused with HTTP 429;
 * kubectl retries it every 5 s — here the pods it refused are listed and the drain reports failure.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import type { ObjectStore } from "../api/store";
import { compileSelector, isSelectorError } from "../api/selector";
import type { Stored } from "../api/types";

export interface DrainOptions {
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  force?: boolean;
  /** --grace-period (default -1: each pod's own). */
  gracePeriodSeconds?: number;
}

export interface DrainResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

const key = (p: Pod) => `${p.metadata?.namespace}/${p.metadata?.name}`;
const finished = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

function percent(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === "number") return v;
  const n = Number(v.replace(/%$/, ""));
  return roundUp ? Math.ceil((n * total) / 100) : Math.floor((n * total) / 100);
}

/** The Eviction API's budget check: how many more pods the budget lets go now. */
export function disruptionsAllowed(store: ObjectStore, pdb: Stored<"PodDisruptionBudget">): number {
  const sel = compileSelector(pdb.spec?.selector);
  if (isSelectorError(sel)) return 0;
  const pods = store.list("Pod", pdb.metadata.namespace).filter((p) => sel.matches(p.metadata.labels) && !finished(p));
  const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")).length;
  const expected = pods.length;
  if (pdb.spec?.minAvailable !== undefined) return Math.max(0, healthy - percent(pdb.spec.minAvailable, expected, true));
  if (pdb.spec?.maxUnavailable !== undefined) return Math.max(0, healthy - (expected - percent(pdb.spec.maxUnavailable, expected, true)));
  return Math.max(0, healthy - expected);
}

function budgetsOf(store: ObjectStore, pod: Pod): Array<Stored<"PodDisruptionBudget">> {
  return store.list("PodDisruptionBudget", pod.metadata?.namespace).filter((b: PodDisruptionBudget) => {
    const sel = compileSelector(b.spec?.selector);
    return !isSelectorError(sel) && sel.matches(pod.metadata?.labels);
  });
}

/** Evicts one pod (policy/v1 Eviction): DisruptionTarget condition, then a graceful delete. */
export function evictPod(store: ObjectStore, pod: Stored<"Pod">, timestamp: string, gracePeriodSeconds?: number): { ok: true } | { ok: false; message: string } {
  const budgets = budgetsOf(store, pod);
  if (budgets.length > 1) return { ok: false, message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support." };
  if (budgets.length === 1 && !pod.metadata.deletionTimestamp && disruptionsAllowed(store, budgets[0]!) <= 0) {
    return { ok: false, message: "Cannot evict pod as it would violate the pod's disruption budget." };
  }
  store.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (p) => {
    const conds = p.status?.conditions ?? [];
    if (conds.some((c) => c.type === "DisruptionTarget")) return false;
    p.status = { ...p.status, conditions: [...conds, { type: "DisruptionTarget", status: "True", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting", lastTransitionTime: timestamp }] };
  });
  const res = store.delete("Pod", pod.metadata.namespace, pod.metadata.name, gracePeriodSeconds !== undefined && gracePeriodSeconds >= 0 ? { gracePeriodSeconds } : {});
  return res.ok ? { ok: true } : { ok: false, message: res.message };
}

export function drainNode(store: ObjectStore, name: string, timestamp: string, opts: DrainOptions = {}): DrainResult {
  const node = store.get("Node", undefined, name);
  if (!node) return { ok: false, stdout: "", stderr: `Error from server (NotFound): nodes "${name}" not found\n` };
  let stdout = "";
  let stderr = "";
  if (node.spec?.unschedulable) stdout += `node/${name} already cordoned\n`;
  else {
    store.mutate("Node", undefined, name, (n) => { n.spec = { ...n.spec, unschedulable: true }; });
    stdout += `node/${name} cordoned\n`;
  }
  const errors = { ds: [] as string[], local: [] as string[], unreplicated: [] as string[] };
  const warnings = { ds: [] as string[], local: [] as string[], unreplicated: [] as string[] };
  const toEvict: Array<Stored<"Pod">> = [];
  for (const pod of store.list("Pod").filter((p) => p.spec?.nodeName === name)) {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.kind === "DaemonSet") {
      (opts.ignoreDaemonSets ? warnings.ds : errors.ds).push(key(pod));
      continue;
    }
    if (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined) continue;
    if (!finished(pod) && (pod.spec?.volumes ?? []).some((v) => v.emptyDir)) {
      if (!opts.deleteEmptyDirData) { errors.local.push(key(pod)); continue; }
      warnings.local.push(key(pod));
    }
    if (!finished(pod) && !owner) {
      if (!opts.force) { errors.unreplicated.push(key(pod)); continue; }
      warnings.unreplicated.push(key(pod));
    }
    toEvict.push(pod);
  }
  const msgs = [
    ...(errors.ds.length ? [`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${errors.ds.join(", ")}`] : []),
    ...(errors.local.length ? [`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${errors.local.join(", ")}`] : []),
    ...(errors.unreplicated.length ? [`cannot delete Pods that declare no controller (use --force to override): ${errors.unreplicated.join(", ")}`] : []),
  ];
  if (msgs.length) {
    stderr += `error: unable to drain node "${name}" due to error: ${msgs.join(", ")}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${msgs.join("\n")}\n`;
    return { ok: false, stdout, stderr };
  }
  if (warnings.ds.length) stderr += `Warning: ignoring DaemonSet-managed Pods: ${warnings.ds.join(", ")}\n`;
  if (warnings.local.length) stderr += `Warning: deleting Pods with local storage: ${warnings.local.join(", ")}\n`;
  if (warnings.unreplicated.length) stderr += `Warning: deleting Pods that declare no controller: ${warnings.unreplicated.join(", ")}\n`;
  let refused = false;
  for (const pod of toEvict) {
    stderr += `evicting pod ${key(pod)}\n`;
    const r = evictPod(store, pod, timestamp, opts.gracePeriodSeconds);
    if (r.ok) stdout += `pod/${pod.metadata.name} evicted\n`;
    else {
      refused = true;
      stderr += `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${r.message}\n`;
    }
  }
  if (!refused) stdout += `node/${name} drained\n`;
  return { ok: !refused, stdout, stderr };
}
