/**
 * `kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period N]
 * [--pod-selector SEL] [--disable-eviction]` (kubectl pkg/cmd/drain and pkg/drain): cordon, then
 * the pods kubectl's filters pass — in upstream's order: skipDeleted, daemonSet, mirror,
 * localStorage, unreplicated, the last filter's verdict winning as upstream's does — are evicted
 * through the Eviction API (src/sim/drain.ts evictPod, shared with the scenario's Drain action:
 * PodDisruptionBudgets are honoured).
 *
 * kubectl then waits for each pod to be gone and retries a refused eviction every 5 s. Here the
 * retries run on the cluster's clock, as part of the command (so a replay and a share link come
 * out the same), until the eviction is accepted, the pod is gone or --timeout passes. The console
 * streams the rest of kubectl's output: `pod/x evicted` as each pod is gone, then `node/x drained`.
 * Without a console to stream to, an accepted eviction prints "pod/x evicted" at once and a
 * refusal says it is being retried.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { isSelectorError, parseSelector, type Selector } from "../../api/selector";
import type { ObjectStore } from "../../api/store";
import type { Stored } from "../../api/types";
import { evictPod } from "../../sim/drain";
import { nodeTargets, setUnschedulable } from "./cordon";
import { bool, num, parseFlags, str } from "./flags";
import { parseDuration } from "../../clock/time";
import { fail, usageError, type CommandContext, type CommandResult, type CommandStream, type KubectlCommand } from "./types";

const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";
/** drain.Helper EvictErrorRetryDelay as kubectl drain sets it. */
const EVICT_RETRY = "5s";
const EVICT_RETRY_MS = 5000;
const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

export interface DrainFlags {
  force?: boolean;
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  /** --skip-wait-for-delete-timeout (seconds; 0 = never skip). */
  skipWaitForDeleteTimeout?: number;
  podSelector?: string;
}

type Verdict = { delete: boolean; kind: "okay" | "skip" | "warning" | "error"; message?: string };
const okay: Verdict = { delete: true, kind: "okay" };
const finished = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

export interface PodDeleteList {
  /** Pods to evict, in API order. */
  pods: Array<Stored<"Pod">>;
  /** "ignoring DaemonSet-managed Pods: default/ds-x" joined with "; " (list.Warnings()). */
  warnings: string;
  /** "cannot delete …: ns/a, ns/b" (list.errors()). */
  errors: string[];
}

/** GetPodsForDeletion: the node's pods through kubectl's filters. */
export function podsForDeletion(store: ObjectStore, node: string, opts: DrainFlags, nowMs: number): PodDeleteList | { error: string } {
  let sel: Selector | undefined;
  if (opts.podSelector) {
    const parsed = parseSelector(opts.podSelector);
    if (isSelectorError(parsed)) return { error: "--pod-selector=<pod_selector> must be a valid label selector" };
    sel = parsed;
  }
  const filters: Array<(p: Stored<"Pod">) => Verdict> = [
    (p) => {
      const since = p.metadata.deletionTimestamp ? Date.parse(p.metadata.deletionTimestamp) : NaN;
      const skip = (opts.skipWaitForDeleteTimeout ?? 0) > 0 && !Number.isNaN(since) && Math.trunc((nowMs - since) / 1000) > opts.skipWaitForDeleteTimeout!;
      return skip ? { delete: false, kind: "skip" } : okay;
    },
    (p) => {
      const ref = p.metadata.ownerReferences?.find((r) => r.controller);
      if (!ref || ref.kind !== "DaemonSet" || finished(p)) return okay;
      if (!store.get("DaemonSet", p.metadata.namespace, ref.name)) {
        const msg = `daemonsets.apps "${ref.name}" not found`;
        return opts.force ? { delete: true, kind: "warning", message: msg } : { delete: false, kind: "error", message: msg };
      }
      return opts.ignoreDaemonSets ? { delete: false, kind: "warning", message: DAEMONSET_WARNING } : { delete: false, kind: "error", message: DAEMONSET_FATAL };
    },
    (p) => (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? { delete: false, kind: "skip" } : okay),
    (p) => {
      if (!(p.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(p)) return okay;
      return opts.deleteEmptyDirData ? { delete: true, kind: "warning", message: LOCAL_STORAGE_WARNING } : { delete: false, kind: "error", message: LOCAL_STORAGE_FATAL };
    },
    (p) => {
      if (finished(p) || p.metadata.ownerReferences?.some((r) => r.controller)) return okay;
      return opts.force ? { delete: true, kind: "warning", message: UNMANAGED_WARNING } : { delete: false, kind: "error", message: UNMANAGED_FATAL };
    },
  ];
  const pods: Array<Stored<"Pod">> = [];
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  for (const pod of store.list("Pod").filter((p) => p.spec?.nodeName === node && (!sel || sel.matches(p.metadata.labels)))) {
    let v = okay;
    for (const filter of filters) {
      v = filter(pod);
      if (!v.delete) break;
    }
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (v.kind === "warning") warnings.set(v.message!, [...(warnings.get(v.message!) ?? []), id]);
    if (v.kind === "error") errors.set(v.message!, [...(errors.get(v.message!) ?? []), id]);
    if (v.delete) pods.push(pod);
  }
  return {
    pods,
    warnings: [...warnings].map(([m, ps]) => `${m}: ${ps.join(", ")}`).join("; "),
    errors: [...errors].map(([m, ps]) => `cannot delete ${m}: ${ps.join(", ")}`),
  };
}

/** utilerrors.NewAggregate(errs).Error(). */
const aggregate = (errs: readonly string[]): string => (errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]`);

const DRAIN_FLAGS = {
  force: { type: "bool" },
  "ignore-daemonsets": { type: "bool" },
  "delete-emptydir-data": { type: "bool" },
  "delete-local-data": { type: "bool" },
  "grace-period": { type: "int" },
  timeout: { type: "string" },
  selector: { type: "string", short: "l" },
  "pod-selector": { type: "string" },
  "disable-eviction": { type: "bool" },
  "skip-wait-for-delete-timeout": { type: "int" },
} as const;

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, DRAIN_FLAGS);
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const selector = str(f, "selector");
  if (parsed.positionals.length === 0 && selector === undefined) return usageError(ctx, "USAGE: drain NODE [flags]");
  const store = ctx.host.store;
  const t = nodeTargets(store, parsed.positionals, selector);
  if ("error" in t) return t.error.startsWith("error: cannot") ? usageError(ctx, t.error) : fail(t.error);
  let stdout = "";
  let stderr = bool(f, "delete-local-data") ? "Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n" : "";
  for (const name of t.names) stdout += setUnschedulable(store, name, true);
  const opts: DrainFlags = {
    force: bool(f, "force"),
    ignoreDaemonSets: bool(f, "ignore-daemonsets"),
    deleteEmptyDirData: bool(f, "delete-emptydir-data") || bool(f, "delete-local-data"),
    skipWaitForDeleteTimeout: num(f, "skip-wait-for-delete-timeout") ?? 0,
    ...(str(f, "pod-selector") !== undefined ? { podSelector: str(f, "pod-selector")! } : {}),
  };
  const grace = num(f, "grace-period") ?? -1;
  const ts = ctx.host.timestamp(ctx.host.now());
  const nowMs = Date.parse(ts);
  // kubectl goes on in the cluster's time: a refused eviction is retried every 5 s, whoever ran
  // the command (the console, a scenario action, a replay: the cluster must come out the same).
  // The console's stream (below) prints each pod as it goes and the node drained.
  const retries = ctx.host.after !== undefined && !bool(f, "disable-eviction");
  const waits = retries && ctx.streaming === true;
  const timeoutMs = str(f, "timeout") === undefined ? undefined : parseDuration(str(f, "timeout")!);
  const fatal: string[] = [];
  const remaining: string[] = [];
  let blocked = false;
  for (const name of t.names) {
    const list = podsForDeletion(store, name, opts, nowMs);
    if ("error" in list) return { stdout, stderr: stderr + fail(list.error).stderr, exitCode: 1 };
    if (list.errors.length) {
      stderr += `error: unable to drain node "${name}" due to error:${aggregate(list.errors)}, continuing command...\n`;
      fatal.push(aggregate(list.errors));
      remaining.push(name);
      continue;
    }
    if (list.warnings) stderr += `Warning: ${list.warnings}\n`;
    const refused: string[] = [];
    for (const pod of list.pods) {
      if (bool(f, "disable-eviction")) {
        store.delete("Pod", pod.metadata.namespace, pod.metadata.name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
        stdout += `pod/${pod.metadata.name} deleted\n`;
        continue;
      }
      stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`;
      const r = evictPod(store, pod, ts, grace >= 0 ? grace : undefined);
      if (r.ok) {
        if (!waits) stdout += `pod/${pod.metadata.name} evicted\n`;
      } else {
        refused.push(pod.metadata.name);
        stderr += `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after ${EVICT_RETRY}): ${r.message}\n`;
        if (retries) retryEviction(ctx, pod, grace, timeoutMs === undefined ? undefined : ctx.host.now() + timeoutMs);
      }
    }
    if (waits) {
      // The stream says when each pod is gone and the node drained.
      if (list.pods.length === 0) stdout += `node/${name} drained\n`;
      continue;
    }
    if (refused.length) {
      blocked = true;
      stderr += retries
        ? `kubeplay: the refused evictions are retried every ${EVICT_RETRY} in the cluster's time; node/${name} is drained once its pods are gone\n`
        : `kubeplay: kubectl would retry every ${EVICT_RETRY} until the budget allows; node/${name} stays cordoned — run the drain again later\n`;
      continue;
    }
    stdout += `node/${name} drained\n`;
    if (remaining.length) stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`;
  }
  if (fatal.length) return { stdout, stderr: stderr + fail(aggregate(fatal)).stderr, exitCode: 1 };
  return { stdout, stderr, exitCode: blocked ? 1 : 0 };
}

/**
 * kubectl's evictPods loop: a refused eviction (429, the disruption budget) is tried again after
 * EvictErrorRetryDelay, on the cluster's clock, until it is accepted, the pod is gone or being
 * deleted, or --timeout has passed.
 */
function retryEviction(ctx: CommandContext, pod: Stored<"Pod">, grace: number, deadline: number | undefined): void {
  const { namespace, name, uid } = pod.metadata;
  ctx.host.after!(EVICT_RETRY_MS, `kubectl drain: evict ${namespace}/${name} again`, () => {
    const cur = ctx.host.store.get("Pod", namespace, name);
    if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return;
    if (deadline !== undefined && ctx.host.now() > deadline) return;
    const r = evictPod(ctx.host.store, cur, ctx.host.timestamp(ctx.host.now()), grace >= 0 ? grace : undefined);
    if (!r.ok) retryEviction(ctx, cur, grace, deadline);
  });
}

/**
 * What `kubectl drain` prints while it waits (the console's stream): `pod/x evicted` as each pod
 * it evicts is gone (waitForDelete), then `node/x drained`. Nothing to wait for: no stream.
 */
function stream(args: readonly string[], ctx: CommandContext): CommandStream | undefined {
  const parsed = parseFlags(args, DRAIN_FLAGS);
  if (!parsed.ok || bool(parsed.flags, "disable-eviction") || !ctx.host.after) return undefined;
  const f = parsed.flags;
  const store = ctx.host.store;
  const t = nodeTargets(store, parsed.positionals, str(f, "selector"));
  if ("error" in t) return undefined;
  const opts: DrainFlags = {
    force: bool(f, "force"),
    ignoreDaemonSets: bool(f, "ignore-daemonsets"),
    deleteEmptyDirData: bool(f, "delete-emptydir-data") || bool(f, "delete-local-data"),
    ...(str(f, "pod-selector") !== undefined ? { podSelector: str(f, "pod-selector")! } : {}),
  };
  const nowMs = Date.parse(ctx.host.timestamp(ctx.host.now()));
  const waiting = new Map<string, Array<{ namespace: string; name: string; uid: string }>>();
  for (const node of t.names) {
    const list = podsForDeletion(store, node, opts, nowMs);
    if ("error" in list || list.errors.length || list.pods.length === 0) continue;
    waiting.set(node, list.pods.map((p) => ({ namespace: p.metadata.namespace ?? "default", name: p.metadata.name, uid: p.metadata.uid })));
  }
  if (waiting.size === 0) return undefined;
  return {
    poll() {
      let stdout = "";
      for (const [node, pods] of waiting) {
        const left = pods.filter((p) => {
          const cur = store.get("Pod", p.namespace, p.name);
          if (cur && cur.metadata.uid === p.uid) return true;
          stdout += `pod/${p.name} evicted\n`;
          return false;
        });
        if (left.length) waiting.set(node, left);
        else {
          waiting.delete(node);
          stdout += `node/${node} drained\n`;
        }
      }
      return waiting.size === 0 ? { stdout, ended: "" } : { stdout };
    },
    close() {
      waiting.clear();
    },
  };
}

export const drainCommand: KubectlCommand = {
  name: "drain",
  short: "Drain node in preparation for maintenance",
  run,
  stream,
};
