/**
 * The kubelet's own admission (pkg/kubelet/lifecycle/predicate.go and the eviction manager's
 * admit handler): a pod bound to the node — by the scheduler or by spec.nodeName — is rejected
 * when it does not fit the node's allocatable resources, does not match its node selector or
 * affinity, does not tolerate a NoExecute taint, or is BestEffort on a node under memory
 * pressure. A rejected pod is Failed with the predicate's reason ("OutOfcpu", "NodeAffinity").
 */
import type { Node, Pod } from "kubernetes-types/core/v1";
import { cpuMillis, memoryBytes } from "../api/quantity";
import { requiredNodeAffinity } from "../scheduler/nodeaffinity";
import { podRequests } from "../scheduler/resources";
import { findUntoleratedTaint } from "../scheduler/taints";
import { podQOS } from "./qos";

export type Admission = { admit: true } | { admit: false; reason: string; message: string };

function insufficient(resource: string, requested: number, used: number, capacity: number): Admission {
  const reason = resource === "cpu" ? "OutOfcpu" : resource === "memory" ? "OutOfmemory" : resource === "pods" ? "OutOfpods" : `OutOf${resource}`;
  return { admit: false, reason, message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}` };
}

/** `others`: the pods the kubelet already runs (admitted, not terminal). */
export function admitPod(pod: Pod, node: Node, others: readonly Pod[], memoryPressure: boolean): Admission {
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  const maxPods = Number(alloc.pods ?? 110);
  if (others.length + 1 > maxPods) return insufficient("pods", 1, others.length, maxPods);
  const want = podRequests(pod);
  const used = { cpu: 0, memory: 0, ephemeralStorage: 0 };
  for (const p of others) {
    const r = podRequests(p);
    used.cpu += r.cpu;
    used.memory += r.memory;
    used.ephemeralStorage += r.ephemeralStorage;
  }
  const cap = { cpu: cpuMillis(alloc.cpu), memory: memoryBytes(alloc.memory), ephemeralStorage: memoryBytes(alloc["ephemeral-storage"]) };
  if (want.cpu > 0 && want.cpu > cap.cpu - used.cpu) return insufficient("cpu", want.cpu, used.cpu, cap.cpu);
  if (want.memory > 0 && want.memory > cap.memory - used.memory) return insufficient("memory", want.memory, used.memory, cap.memory);
  if (want.ephemeralStorage > 0 && cap.ephemeralStorage > 0 && want.ephemeralStorage > cap.ephemeralStorage - used.ephemeralStorage) {
    return insufficient("ephemeral-storage", want.ephemeralStorage, used.ephemeralStorage, cap.ephemeralStorage);
  }
  if (!requiredNodeAffinity(pod).match(node as never)) {
    return { admit: false, reason: "NodeAffinity", message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" };
  }
  if (findUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations, (t) => t.effect === "NoExecute")) {
    return { admit: false, reason: "TaintToleration", message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" };
  }
  if (memoryPressure && podQOS(pod) === "BestEffort") {
    return { admit: false, reason: "Evicted", message: "The node had condition: [MemoryPressure]. " };
  }
  return { admit: true };
}
