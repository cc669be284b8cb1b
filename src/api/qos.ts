/**
 * A pod's QoS class, exactly as pkg/apis/core/v1/helper/qos GetPodQOS computes it: only cpu and
 * memory count; zero requests do not count; Guaranteed needs cpu and memory limits on every
 * container (init containers included) and summed requests equal to summed limits.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import { add, cmp, decodeQuantity, isQuantityError, isZero, type Quantity } from "./quantity";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

const COMPUTE = ["cpu", "memory"] as const;

function q(v: unknown): Quantity | undefined {
  const r = decodeQuantity(v);
  return isQuantityError(r) ? undefined : r;
}

export function podQOSClass(pod: Pod): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let isGuaranteed = true;
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of containers) {
    for (const name of COMPUTE) {
      const r = c.resources?.requests?.[name];
      const rq = r === undefined ? undefined : q(r);
      if (rq && !isZero(rq)) requests.set(name, requests.has(name) ? add(requests.get(name)!, rq) : rq);
    }
    const present = new Set<string>();
    for (const name of COMPUTE) {
      const l = c.resources?.limits?.[name];
      const lq = l === undefined ? undefined : q(l);
      if (lq && !isZero(lq)) {
        present.add(name);
        limits.set(name, limits.has(name) ? add(limits.get(name)!, lq) : lq);
      }
    }
    if (present.size !== COMPUTE.length) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmp(lim, req) !== 0) return "Burstable";
    }
    if (requests.size === limits.size) return "Guaranteed";
  }
  return "Burstable";
}
