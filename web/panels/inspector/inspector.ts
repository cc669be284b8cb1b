/**
 * The kubectl command lines the inspector runs for the selection (describe, logs, YAML), built as
 * a learner would type them, so what the panel shows is exactly what kubectl prints.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { SelectedRef } from "../../state/selection";

export type InspectorView = "describe" | "logs" | "yaml";

/** "pod/web-1 -n default": the object as kubectl names it. */
export function target(ref: SelectedRef): string {
  const ns = ref.namespace ? ` -n ${ref.namespace}` : "";
  return `${ref.kind.toLowerCase()}/${ref.name}${ns}`;
}

export function describeCommand(ref: SelectedRef): string {
  return `describe ${target(ref)}`;
}

export function yamlCommand(ref: SelectedRef): string {
  return `get ${target(ref)} -o yaml`;
}

export function logsCommand(ref: SelectedRef, container: string | undefined, previous: boolean): string {
  return `logs ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ""}${container ? ` -c ${container}` : ""}${previous ? " --previous" : ""}`;
}

/** The pod's containers, init containers first, as `-c` accepts them. */
export function containerNames(pod: Pod | undefined): string[] {
  if (!pod?.spec) return [];
  return [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].map((c) => c.name);
}

/** Restarts of a container: --previous has something to show once it is above 0. */
export function restartsOf(pod: Pod | undefined, container: string | undefined): number {
  const all = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])];
  const cs = all.find((c) => c.name === container);
  return cs?.restartCount ?? 0;
}
