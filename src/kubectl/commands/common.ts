/**
 * Small pieces the kubectl commands share: the clock as unix ms (for ages), the namespace a
 * command works in, and kubectl's default-container choice for logs and exec.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { compileSelector, isSelectorError } from "../../api/selector";
import type { ObjectStore } from "../../api/store";
import { KINDS, type Kind, type KObject, type Stored } from "../../api/types";
import { groupKind } from "../printers";
import { str, type FlagValues } from "./flags";
import { notFound } from "./resources";
import type { KubectlHost } from "./types";

/** The virtual "now" as unix ms (what ages are measured against). */
export const nowMsOf = (host: KubectlHost): number => Date.parse(host.timestamp(host.now()));

/** `-n NAMESPACE`, "default" without one. */
export const namespaceOf = (flags: FlagValues): string => str(flags, "namespace") ?? "default";

/** podcmd.AllContainerNames: app, ephemeral "(ephem)", init "(init)". */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(", ");
}

const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

/**
 * podcmd.FindOrDefaultContainerByName: the named container, else the annotated default, else the
 * first with the "Defaulted container" notice on stderr when the pod has more than one.
 */
export function containerFor(pod: Pod, name: string | undefined, quiet = false): { name: string; notice: string } | { error: string } {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
  if (name) {
    if (!all.some((c) => c.name === name)) return { error: `container ${name} is not valid for pod ${pod.metadata?.name ?? ""}` };
    return { name, notice: "" };
  }
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && all.some((c) => c.name === annotated)) return { name: annotated, notice: "" };
  const first = pod.spec?.containers?.[0]?.name ?? "";
  const several = (pod.spec?.containers?.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0;
  return { name: first, notice: !quiet && several ? `Defaulted container "${first}" out of: ${allContainerNames(pod)}\n` : "" };
}

/**
 * Takes every occurrence of a repeatable flag (pflag StringArray/StringSlice: `--name=v`,
 * `--name v`, `-s v`) out of argv, before the single-valued parser sees the rest; values after
 * `--` stay. `slice` also splits each value at commas, as StringSlice does.
 */
export function takeRepeated(argv: readonly string[], name: string, opts: { short?: string; slice?: boolean } = {}): { values: string[]; rest: string[] } | { error: string } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    let v: string | undefined;
    if (a === `--${name}` || (opts.short && a === `-${opts.short}`)) {
      if (i + 1 >= argv.length) return { error: a.startsWith("--") ? `flag needs an argument: --${name}` : `flag needs an argument: '${opts.short}' in -${opts.short}` };
      v = argv[++i]!;
    } else if (a.startsWith(`--${name}=`)) v = a.slice(name.length + 3);
    else if (opts.short && a.startsWith(`-${opts.short}`) && !a.startsWith("--") && a.length > 2) v = a[2] === "=" ? a.slice(3) : a.slice(2);
    if (v === undefined) rest.push(a);
    else values.push(...(opts.slice ? v.split(",") : [v]));
  }
  return { values, rest };
}

/**
 * polymorphichelpers.AttachablePodForObject: the pods a workload or Service selects, the one
 * kubectl attaches to first (running and ready before the others, then oldest).
 */
export function podsSelectedBy(store: ObjectStore, kind: Kind, namespace: string, name: string): { pods: Array<Stored<"Pod">> } | { error: string } {
  if (kind === "Pod") {
    const p = store.get("Pod", namespace, name);
    return p ? { pods: [p] } : { error: notFound("Pod", name) };
  }
  const owner = store.get(kind, KINDS[kind].namespaced ? namespace : undefined, name) as KObject | undefined;
  if (!owner) return { error: notFound(kind, name) };
  const spec = owner.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  const raw = spec?.selector;
  const labelSelector: LabelSelector | undefined = kind === "Service" ? { matchLabels: raw as Record<string, string> | undefined } : (raw as LabelSelector | undefined);
  if (!labelSelector || (!labelSelector.matchLabels && !labelSelector.matchExpressions)) {
    return { error: `error: cannot attach to ${groupKind(kind)}/${name}: selector for ${kind} is not supported` };
  }
  const sel = compileSelector(labelSelector);
  if (isSelectorError(sel)) return { error: `error: ${sel.message}` };
  const rank = (p: Pod) => (p.status?.phase === "Running" && p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ? 0 : p.status?.phase === "Running" ? 1 : 2);
  const pods = store.list("Pod", namespace)
    .filter((p) => sel.matches(p.metadata.labels))
    .sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? ""));
  return pods.length ? { pods } : { error: "error: timed out waiting for the condition" };
}
