/**
 * Canvas ids are object keys ("Pod/default/web-1", "Node/zone-a-1"): this maps them to the
 * selection's object references and back. Backdrops (zones, the queue, pod boxes) and ghosts are
 * not objects and select nothing.
 */
import { KINDS, type Kind } from "../../src/api/types";
import type { SelectedRef } from "../state/selection";

const SELECTABLE = new Set<Kind>(["Pod", "Node", "Service", "Ingress", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

export function refOfId(id: string): SelectedRef | null {
  const parts = id.split("/");
  const kind = parts[0] as Kind;
  if (!SELECTABLE.has(kind)) return null;
  if (KINDS[kind].namespaced) {
    if (parts.length !== 3 || !parts[2] || parts[2] === "*") return null;
    return { kind, namespace: parts[1] || "default", name: parts[2] };
  }
  if (parts.length !== 2 || !parts[1]) return null;
  return { kind, name: parts[1] };
}

export function idOfRef(ref: SelectedRef): string {
  return KINDS[ref.kind].namespaced ? `${ref.kind}/${ref.namespace ?? "default"}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
