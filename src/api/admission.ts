/**
 * Mutating admission plugins the API server runs on writes (create and update), after
 * defaulting: DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds) gives
 * every pod that does not already tolerate them a 300 s toleration of the
 * node.kubernetes.io/not-ready and node.kubernetes.io/unreachable NoExecute taints, so that a
 * lost node's pods are evicted five minutes after the node controller taints it.
 * Idempotent: applying it to an admitted object changes nothing.
 */
import type { Pod, Toleration } from "kubernetes-types/core/v1";
import type { Kind, KObject } from "./types";

/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";

function tolerates(ts: readonly Toleration[], key: string): boolean {
  return ts.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
}

export function defaultTolerationSeconds(pod: Pod): Pod {
  const ts = pod.spec?.tolerations ?? [];
  const add: Toleration[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(ts, key)) add.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (add.length === 0 || !pod.spec) return pod;
  return { ...pod, spec: { ...pod.spec, tolerations: [...ts, ...add] } };
}

/** The admission chain for one write. */
export function admit(kind: Kind, obj: KObject): KObject {
  return kind === "Pod" ? (defaultTolerationSeconds(obj as Pod) as KObject) : obj;
}
