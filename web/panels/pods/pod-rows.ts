/**
 * The rows of the pod table: `kubectl get pods -o wide`'s NAME READY STATUS RESTARTS AGE NODE
 * columns, computed by the same printer logic the CLI uses, at the mirror's virtual time.
 */
import type { Stored } from "../../../src/api/types";
import { ageSince } from "../../../src/kubectl/age";
import { podColumns } from "../../../src/kubectl/pod-status";

/** kubectl's column headers (Kubernetes' words: never translated). */
export const POD_COLUMNS = ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"] as const;

/** How a STATUS reads at a glance; the table colours it. */
export type StatusTone = "ok" | "progress" | "done" | "warning" | "error" | "unknown";

export interface PodRow {
  key: string;
  name: string;
  namespace: string;
  ready: string;
  status: string;
  tone: StatusTone;
  restarts: string;
  age: string;
  node: string;
}

const PROGRESS = new Set(["Pending", "ContainerCreating", "PodInitializing", "Terminating", "SchedulingGated"]);
const ERROR = new Set([
  "Error", "Failed", "OOMKilled", "CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff", "InvalidImageName",
  "CreateContainerConfigError", "CreateContainerError", "RunContainerError", "Evicted", "ContainerStatusUnknown",
]);

export function statusTone(status: string): StatusTone {
  if (status === "Running") return "ok";
  if (status === "Completed") return "done";
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return "progress";
  if (ERROR.has(status) || status.startsWith("Init:") || /^(Signal|ExitCode):/.test(status)) return "error";
  return "warning";
}

/** One row per pod, ordered by namespace then name as kubectl lists them. `nowMs` is unix ms of "now". */
export function podRows(pods: readonly Stored<"Pod">[], nowMs: number): PodRow[] {
  return [...pods]
    .sort((a, b) => cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") || cmp(a.metadata.name, b.metadata.name))
    .map((p) => {
      const cols = podColumns(p, nowMs);
      return {
        key: `${p.metadata.namespace ?? ""}/${p.metadata.name}`,
        name: p.metadata.name,
        namespace: p.metadata.namespace ?? "default",
        ready: cols.ready,
        status: cols.status,
        tone: statusTone(cols.status),
        restarts: cols.restarts,
        age: ageSince(p.metadata.creationTimestamp, nowMs),
        node: p.spec?.nodeName || "<none>",
      };
    });
}

/** Unix ms of the mirror's virtual "now". */
export function virtualNowMs(epochMs: number, time: number): number {
  return epochMs + Math.round(time * 1000);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

