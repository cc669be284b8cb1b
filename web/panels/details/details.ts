/**
 * What the details panel shows for the selected object, live from the cluster mirror: the line
 * `kubectl get <kind> <name> -o wide` prints, the object's recent events (as `kubectl events
 * --for` lists them) and its YAML as `kubectl get -o yaml` prints it.
 */
import type { EventRecord } from "../../../src/api/events";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../../../src/api/types";
import { formatObjects } from "../../../src/kubectl/output";
import { printTable } from "../../../src/kubectl/printers";
import type { SelectedRef } from "../../state/selection";
import { eventRows, type EventRow } from "../events/event-rows";

/** Events the panel lists for one object, newest last. */
export const DETAIL_EVENT_LIMIT = 30;

export function findObject(objects: ReadonlyMap<ObjectKey, Stored<Kind>>, ref: SelectedRef): Stored<Kind> | undefined {
  return objects.get(objectKey(ref.kind, ref.kind === "Node" ? undefined : (ref.namespace ?? "default"), ref.name));
}

function involves(e: EventRecord, ref: SelectedRef): boolean {
  const o = e.involvedObject;
  return o.kind === ref.kind && o.name === ref.name && (ref.kind === "Node" || (o.namespace ?? "default") === (ref.namespace ?? "default"));
}

/** The object's events, folded as `kubectl events` folds repeats. */
export function objectEvents(events: readonly EventRecord[], ref: SelectedRef, epochMs: number, nowMs: number): EventRow[] {
  return eventRows(events.filter((e) => involves(e, ref)), epochMs, nowMs, DETAIL_EVENT_LIMIT);
}

/** The command a learner would type for this view, e.g. "kubectl get pod web-1 -n shop -o wide". */
export function getCommand(ref: SelectedRef, output: "wide" | "yaml"): string {
  const ns = ref.kind !== "Node" && ref.namespace && ref.namespace !== "default" ? ` -n ${ref.namespace}` : "";
  return `kubectl get ${ref.kind.toLowerCase()} ${ref.name}${ns} -o ${output}`;
}

/** `kubectl get <kind> <name> -o wide` output for the object. */
export function wideLine(obj: Stored<Kind>, nowMs: number): string {
  return printTable(obj.kind, [obj], { wide: true, nowMs, namespace: obj.metadata.namespace ?? "default" }).stdout;
}

/** `kubectl get <kind> <name> -o yaml` output for the object. */
export function objectYaml(obj: Stored<Kind>): string {
  return formatObjects([obj], "yaml", { single: true });
}
