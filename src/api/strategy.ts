/**
 * What the API server's registry strategies do to an object on create, beyond defaulting
 * (PrepareForCreate in pkg/registry/<group>/<kind>/strategy.go): a new pod's status is reset to phase Pending.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { podQOSClass } from "./qos";
import type { Kind, KObject } from "./types";

export function prepareForCreate(kind: Kind, obj: KObject): KObject {
  switch (kind) {
    case "Pod":
      // pkg/registry/core/pod/strategy.go: status = {Phase: Pending, QOSClass: GetPodQOS(pod)}.
      return { ...obj, status: { phase: "Pending", ...qosOf(obj) } };
    default:
      return obj;
  }
}

function qosOf(pod: KObject): { qosClass: string } {
  return { qosClass: podQOSClass(pod as Pod) };
}
