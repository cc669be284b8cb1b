/**
 * QoS as the kubelet uses it: the class the API server recorded (status.qosClass), else computed
 * (src/api/qos.ts, pkg/apis/core/v1/helper/qos), and the oom_score_adj each container gets from
 * it (pkg/kubelet/qos/policy.go), which decides who the kernel kills first when a node runs out.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { podQOSClass, type QOSClass } from "../api/qos";

export type { QOSClass };

/** qos.GetPodQOS: the recorded class, else computed. */
export function podQOS(pod: Pod): QOSClass {
  const s = pod.status?.qosClass;
  return s === "Guaranteed" || s === "Burstable" || s === "BestEffort" ? s : podQOSClass(pod);
}

/** policy.go: guaranteedOOMScoreAdj, besteffortOOMScoreAdj. */
export const GUARANTEED_OOM_SCORE_ADJ = -997;
export const BESTEFFORT_OOM_SCORE_ADJ = 1000;
/** scheduling.SystemCriticalPriority + 1000: system-node-critical. */
const NODE_CRITICAL_PRIORITY = 2_000_001_000;

/** GetContainerOOMScoreAdjust for a container requesting `memoryRequest` bytes on a node of `capacity` bytes. */
export function containerOOMScoreAdjust(pod: Pod, memoryRequest: number, capacity: number): number {
  const q = podQOS(pod);
  if (q === "Guaranteed" || (pod.spec?.priority ?? 0) >= NODE_CRITICAL_PRIORITY) return GUARANTEED_OOM_SCORE_ADJ;
  if (q === "BestEffort") return BESTEFFORT_OOM_SCORE_ADJ;
  let adj = 1000 - Math.trunc((1000 * memoryRequest) / Math.max(1, capacity));
  if (adj < 1000 + GUARANTEED_OOM_SCORE_ADJ) adj = 1000 + GUARANTEED_OOM_SCORE_ADJ;
  if (adj === BESTEFFORT_OOM_SCORE_ADJ) adj = BESTEFFORT_OOM_SCORE_ADJ - 1;
  return adj;
}
