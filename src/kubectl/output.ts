/**
 * `kubectl get -o yaml|json|name`. One object prints alone when it was asked for by name;
 * otherwise the objects are wrapped in the List kubectl builds client-side
 * (`apiVersion: v1`, `kind: List`, `items`, `metadata: {resourceVersion: ""}`), even when there
 * is one object or none. kubectl prints unstructured objects, so keys come out sorted, and it
 * hides metadata.managedFields unless --show-managed-fields.
 */
import { isKind, KINDS, type KObject } from "../api/types";
import { goJsonIndent } from "./go-json";
import { goYamlMarshal } from "./go-yaml";
import { groupKind } from "./printers";

export type OutputFormat = "yaml" | "json" | "name";

export interface OutputOptions {
  /** The command named exactly one object (`get pod web-0`): print it without a List around it. */
  single?: boolean;
  /** `--show-managed-fields`. */
  showManagedFields?: boolean;
}

/** The object as the API returns it: apiVersion and kind set, managedFields hidden by default. */
function asServed(o: KObject, showManagedFields: boolean): KObject {
  const apiVersion = o.apiVersion ?? (o.kind && isKind(o.kind) ? KINDS[o.kind].apiVersion : undefined);
  const out: KObject = { ...o, ...(apiVersion ? { apiVersion } : {}) };
  if (!showManagedFields && o.metadata?.managedFields) {
    const { managedFields: _hidden, ...metadata } = o.metadata;
    out.metadata = metadata;
  }
  return out;
}

/** "pod/web-0", "deployment.apps/web": `-o name`. */
export function resourceName(o: KObject): string {
  const kind = o.kind ?? "";
  const prefix = isKind(kind) ? groupKind(kind) : kind.toLowerCase();
  return `${prefix}/${o.metadata?.name ?? ""}`;
}

/** What `kubectl get … -o <format>` writes on stdout for these objects (in the order given). */
export function formatObjects(objects: readonly KObject[], format: OutputFormat, opts: OutputOptions = {}): string {
  if (format === "name") return objects.map((o) => `${resourceName(o)}\n`).join("");
  const served = objects.map((o) => asServed(o, !!opts.showManagedFields));
  const value: unknown = opts.single && served.length === 1
    ? served[0]
    : { apiVersion: "v1", items: served, kind: "List", metadata: { resourceVersion: "" } };
  return format === "json" ? goJsonIndent(value) : goYamlMarshal(value);
}

/** kubectl's YAML of any JSON-shaped value (sorted keys, go-yaml v2 layout). */
export const formatYaml = (value: unknown): string => goYamlMarshal(value);

/** kubectl's JSON of any JSON-shaped value (sorted keys, four-space indent, trailing newline). */
export const formatJson = (value: unknown): string => goJsonIndent(value);
