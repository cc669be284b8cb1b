/**
 * Small pieces the kubectl commands share: the clock as unix ms (for ages), the namespace a
 * command works in, and kubectl's default-container choice for logs and exec.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { str, type FlagValues } from "./flags";
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
