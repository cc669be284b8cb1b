/**
 * Quality of Service classes (pkg/apis/core/v1/helper/qos ComputePodQOS) and the oom_score_adj
 * the kubelet gives each container (pkg/kubelet/qos/policy.go).
 *
 * The rule compares sums: requests and limits of cpu and memory are summed over all containers
 * (init containers included); a pod is Guaranteed when every container limits both cpu and
 * memory and the summed requests equal the summed limits; BestEffort when nothing requests or
 * limits anything; Burstable otherwise. Zero quantities count as unset.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import { cpuMillis, memoryBytes } from "../api/quantity";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

type Sums = { cpu?: number; memory?: number };

function add(sums: Sums, name: "cpu" | "memory", v: number): void {
  sums[name] = (sums[name] ?? 0) + v;
}

function amount(name: "cpu" | "memory", v: string | number): number {
  return name === "cpu" ? cpuMillis(v) : memoryBytes(v);
}

export function computePodQOS(pod: Pod): QOSClass {
  const requests: Sums = {};
  const limits: Sums = {};
  let guaranteed = true;
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    for (const name of ["cpu", "memory"] as const) {
      const r = c.resources?.requests?.[name];
      if (r !== undefined && amount(name, r) > 0) add(requests, name, amount(name, r));
    }
    const found = new Set<string>();
    for (const name of ["cpu", "memory"] as const) {
      const l = c.resources?.limits?.[name];
      if (l !== undefined && amount(name, l) > 0) {
        found.add(name);
        add(limits, name, amount(name, l));
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  const reqKeys = Object.keys(requests) as Array<"cpu" | "memory">;
  const limKeys = Object.keys(limits);
  if (reqKeys.length === 0 && limKeys.length === 0) return "BestEffort";
  if (guaranteed) {
    for (const k of reqKeys) {
      if (limits[k] === undefined || limits[k] !== requests[k]) { guaranteed = false; break; }
    }
  }
  return guaranteed && reqKeys.length === limKeys.length ? "Guaranteed" : "Burstable";
}

/** The class the API server recorded, else computed (qos.GetPodQOS). */
export function podQOS(pod: Pod): QOSClass {
  const s = pod.status?.qosClass;
  return s === "Guaranteed" || s === "Burstable" || s === "BestEffort" ? s : computePodQOS(pod);
}

/** policy.go: guaranteedOOMScoreAdj, besteffortOOMScoreAdj. */
export const GUARANTEED_OOM_SCORE_ADJ = -997;
export const BESTEFFORT_OOM_SCORE_ADJ = 1000;

/** GetContainerOOMScoreAdjust for a container with `memoryRequest` bytes on a node of `capacity` bytes. */
export function containerOOMScoreAdjust(pod: Pod, memoryRequest: number, capacity: number): number {
  const q = podQOS(pod);
  if (q === "Guaranteed" || (pod.spec?.priority ?? 0) >= 2_000_001_000) return GUARANTEED_OOM_SCORE_ADJ;
  if (q === "BestEffort") return BESTEFFORT_OOM_SCORE_ADJ;
  let adj = 1000 - Math.trunc((1000 * memoryRequest) / Math.max(1, capacity));
  if (adj < 1000 + GUARANTEED_OOM_SCORE_ADJ) adj = 1000 + GUARANTEED_OOM_SCORE_ADJ;
  if (adj === BESTEFFORT_OOM_SCORE_ADJ) adj = BESTEFFORT_OOM_SCORE_ADJ - 1;
  return adj;
}
