/**
 * Taints and tolerations (k8s.io/api core/v1 toleration.go ToleratesTaint and
 * component-helpers FindMatchingUntoleratedTaint).
 *
 * A toleration tolerates a taint when its effect is empty or equal, its key is empty or equal, and
 * its operator is Exists, or Equal (the default) with an equal value. An empty key with Exists
 * tolerates every taint.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "": case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The taints the scheduler's filters honour: NoSchedule and NoExecute (DoNotScheduleTaintsFilterFunc). */
export const doNotScheduleTaint = (t: Taint): boolean => t.effect === "NoSchedule" || t.effect === "NoExecute";

/** The first taint passing `filter` that no toleration tolerates, if any. */
export function findUntoleratedTaint(
  taints: readonly Taint[], tolerations: readonly Toleration[] | undefined, filter: (t: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints) {
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
