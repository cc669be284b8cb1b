/**
 * Container logs as `kubectl logs` reads them from the kubelet: the current instance of a
 * container, or with --previous the one before it; kubectl's errors when the pod, the
 * container or a previous instance does not exist.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { LogLine, PodRuntime } from "./runtime";

export interface LogRequest {
  namespace: string;
  pod: string;
  /** Required when the pod has several containers. */
  container?: string;
  previous?: boolean;
  /** `--timestamps`: prefix each line with its RFC 3339 time. */
  timestamps?: boolean;
  /** RFC 3339 of a virtual instant (the host fills it in). */
  timestampOf?: (ms: number) => string;
}

export type LogResult = { ok: true; lines: readonly LogLine[]; text: string } | { ok: false; message: string };

/** What the Simulation asks the kubelet component for `kubectl logs`. */
export interface LogSource {
  logs(req: LogRequest): LogResult;
}

export function containerLogs(pod: Pod | undefined, rt: PodRuntime | undefined, req: LogRequest): LogResult {
  if (!pod) return { ok: false, message: `Error from server (NotFound): pods "${req.pod}" not found` };
  const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  const appNames = (pod.spec?.containers ?? []).map((c) => c.name);
  let name = req.container;
  if (!name) {
    if (appNames.length !== 1 || names.length !== 1) {
      if (appNames.length === 1) name = appNames[0];
      else return { ok: false, message: `error: a container name must be specified for pod ${req.pod}, choose one of: [${appNames.join(" ")}]` };
    } else name = appNames[0];
  }
  if (!names.includes(name!)) return { ok: false, message: `error: container ${name} is not valid for pod ${req.pod}` };
  const inst = req.previous ? rt?.previous(name!) : rt?.latest(name!);
  if (!inst) {
    if (req.previous) return { ok: false, message: `Error from server (BadRequest): previous terminated container "${name}" in pod "${req.pod}" not found` };
    return { ok: false, message: `Error from server (BadRequest): container "${name}" in pod "${req.pod}" is waiting to start: ContainerCreating` };
  }
  const stamp = req.timestamps && req.timestampOf ? req.timestampOf : undefined;
  const text = inst.log.map((l) => `${stamp ? `${stamp(l.time)} ` : ""}${l.text}\n`).join("");
  return { ok: true, lines: inst.log, text };
}
