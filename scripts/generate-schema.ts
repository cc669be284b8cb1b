/**
 * Generates src/scenario/schema/kubernetes.schema.json: one JSON Schema (draft-07) for every kind a
 * scenario may contain, used by the engine's validator (src/scenario/schema/interpret.ts) and by the
 * web editor (monaco-yaml). Run: `npx tsx scripts/generate-schema.ts`; commit the output.
 *
 * Source: the raw schema pieces that kubernetes-models@4.3.1 (Kubernetes 1.27 OpenAPI) registers in
 * its `_schemas/*.js` modules. We load those modules with `register` swapped for a collector, so no
 * schema text is copied by hand.
 *
 * Shape of the output (the choice the editor and the validator both rely on):
 *   - `definitions`, keyed by the OpenAPI name ("io.k8s.api.apps.v1.Deployment"), every `$ref`
 *     rewritten to "#/definitions/<name>";
 *   - a top-level `allOf` of `if {apiVersion, kind} then {$ref}` entries, one per supported kind, so
 *     a document is checked against exactly its kind's definition and editors report errors against
 *     that kind only (a top-level `oneOf` would report every kind's mismatch);
 *   - top-level `apiVersion` / `kind` enums, so editors complete them.
 * Rewrites: `oneOf [X, {type: null}]` → X; `nullable` dropped (the parser drops YAML nulls, as the
 * API server treats them as unset); IntOrString → `type [integer, string]` + format "int-or-string";
 * Quantity → `type [string, number]` + format "quantity"; `additionalProperties: false` on every
 * object type with `properties` that a user writes (spec side), so `replica:` is "unknown field".
 * Definitions reachable only from `status` stay open: the 1.27 status shapes lag the 1.36 fields
 * a real cluster prints, and a pasted `kubectl get -o yaml` must not fail on them.
 * PATCHES below add the post-1.27 fields the playground supports (Kubernetes 1.36 is the target).
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type Schema = { [key: string]: unknown };

const require = createRequire(import.meta.url);
const collected = new Map<string, Schema>();
const validateModule = require("@kubernetes-models/validate") as { register: (id: string, s: Schema) => void };
validateModule.register = (id, schema) => { if (!collected.has(id)) collected.set(id, schema); };

/** Supported kinds: apiVersion, kind and the OpenAPI definition that describes them. */
const KINDS: ReadonlyArray<readonly [apiVersion: string, kind: string, definition: string]> = [
  ["v1", "Pod", "io.k8s.api.core.v1.Pod"],
  ["v1", "Node", "io.k8s.api.core.v1.Node"],
  ["v1", "Namespace", "io.k8s.api.core.v1.Namespace"],
  ["v1", "Service", "io.k8s.api.core.v1.Service"],
  ["v1", "ConfigMap", "io.k8s.api.core.v1.ConfigMap"],
  ["v1", "Secret", "io.k8s.api.core.v1.Secret"],
  ["v1", "PersistentVolumeClaim", "io.k8s.api.core.v1.PersistentVolumeClaim"],
  ["apps/v1", "Deployment", "io.k8s.api.apps.v1.Deployment"],
  ["apps/v1", "ReplicaSet", "io.k8s.api.apps.v1.ReplicaSet"],
  ["apps/v1", "StatefulSet", "io.k8s.api.apps.v1.StatefulSet"],
  ["apps/v1", "DaemonSet", "io.k8s.api.apps.v1.DaemonSet"],
  ["batch/v1", "Job", "io.k8s.api.batch.v1.Job"],
  ["batch/v1", "CronJob", "io.k8s.api.batch.v1.CronJob"],
  ["networking.k8s.io/v1", "Ingress", "io.k8s.api.networking.v1.Ingress"],
  ["scheduling.k8s.io/v1", "PriorityClass", "io.k8s.api.scheduling.v1.PriorityClass"],
  ["node.k8s.io/v1", "RuntimeClass", "io.k8s.api.node.v1.RuntimeClass"],
  ["autoscaling/v2", "HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"],
  ["policy/v1", "PodDisruptionBudget", "io.k8s.api.policy.v1.PodDisruptionBudget"],
  ["discovery.k8s.io/v1", "EndpointSlice", "io.k8s.api.discovery.v1.EndpointSlice"],
  ["kubeplay.dev/v1alpha1", "Scenario", "dev.kubeplay.v1alpha1.Scenario"],
];

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const str: Schema = { type: "string" };
const int32: Schema = { type: "integer", format: "int32" };
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

/** Fields missing from the 1.27 pieces, in their 1.36 shape: [definition, property, schema]. */
const PATCHES: ReadonlyArray<readonly [string, string, Schema]> = [
  // Not new, but lost upstream: kubernetes-models strips every key named "description".
  ["io.k8s.api.scheduling.v1.PriorityClass", "description", str],
  // Native sidecars (1.28, GA 1.33): an init container with restartPolicy Always.
  ["io.k8s.api.core.v1.Container", "restartPolicy", str],
  // Sleep lifecycle hook (1.29).
  ["io.k8s.api.core.v1.LifecycleHandler", "sleep", {
    type: "object", required: ["seconds"], properties: { seconds: { type: "integer", format: "int64" } } }],
  // Job: backoff limit per index, pod replacement policy (1.28), success policy, managedBy (1.30).
  ["io.k8s.api.batch.v1.JobSpec", "backoffLimitPerIndex", int32],
  ["io.k8s.api.batch.v1.JobSpec", "maxFailedIndexes", int32],
  ["io.k8s.api.batch.v1.JobSpec", "podReplacementPolicy", { type: "string", enum: ["Failed", "TerminatingOrFailed"] }],
  ["io.k8s.api.batch.v1.JobSpec", "managedBy", str],
  ["io.k8s.api.batch.v1.JobSpec", "successPolicy", {
    type: "object", required: ["rules"], properties: {
      rules: { type: "array", items: { type: "object", properties: { succeededIndexes: str, succeededCount: int32 } } } } }],
  // Service traffic distribution (1.30).
  ["io.k8s.api.core.v1.ServiceSpec", "trafficDistribution", str],
  // Per-HPA tolerance (1.33).
  ["io.k8s.api.autoscaling.v2.HPAScalingRules", "tolerance", ref(QUANTITY)],
  // Volume attributes classes (1.29).
  ["io.k8s.api.core.v1.PersistentVolumeClaimSpec", "volumeAttributesClassName", str],
  // Topology hints for nodes (1.33).
  ["io.k8s.api.discovery.v1.EndpointHints", "forNodes", {
    type: "array", items: { type: "object", required: ["name"], properties: { name: str } } }],
];

/** The playground's own kind (DESIGN §3), with descriptions for the editor's hovers. */
const SCENARIO_DEFINITIONS: Record<string, Schema> = {
  "dev.kubeplay.v1alpha1.Scenario": {
    type: "object", required: ["apiVersion", "kind", "metadata"],
    description: "A Kubeplay scenario: what plain Kubernetes objects cannot say (title, seed, cluster, timeline).",
    properties: {
      apiVersion: { type: "string", enum: ["kubeplay.dev/v1alpha1"] },
      kind: { type: "string", enum: ["Scenario"] },
      metadata: ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
      spec: ref("dev.kubeplay.v1alpha1.ScenarioSpec"),
    },
  },
  "dev.kubeplay.v1alpha1.ScenarioSpec": {
    type: "object",
    properties: {
      title: { type: "object", description: "Title shown in the library, per language.",
        properties: { en: str, ko: str } },
      seed: { type: "integer", description: "Seed of the simulation's random generator (same seed, same run)." },
      startTime: { type: "string", format: "date-time",
        description: "The wall-clock instant of virtual time 0, on a whole minute. Default 2026-01-01T00:00:00Z." },
      cluster: ref("dev.kubeplay.v1alpha1.ClusterShorthand"),
      actions: { type: "array", items: ref("dev.kubeplay.v1alpha1.ScenarioAction"),
        description: "A timeline of actions applied at virtual times." },
    },
  },
  "dev.kubeplay.v1alpha1.ClusterShorthand": {
    type: "object", description: "Nodes to create when the scenario has no Node documents.",
    properties: {
      zones: { type: "array", items: str, description: "Zone names (label topology.kubernetes.io/zone)." },
      nodesPerZone: { type: "integer", description: "Nodes in each zone. Default 1." },
      node: { type: "object", description: "Capacity of every node.", properties: {
        cpu: ref(QUANTITY), memory: ref(QUANTITY), pods: { type: "integer" } } },
    },
  },
  "dev.kubeplay.v1alpha1.ScenarioAction": {
    type: "object", required: ["at"],
    description: "One action: exactly one of kubectl, node, apply, delete.",
    properties: {
      at: { type: ["string", "number"], format: "duration", description: "Virtual time: 30s, 1m30s, 2h, or seconds." },
      kubectl: { type: "string", description: "A kubectl command, e.g. \"scale deployment/web --replicas=5\"." },
      node: ref("dev.kubeplay.v1alpha1.NodeAction"),
      apply: { type: "string", description: "A YAML manifest applied at that time." },
      delete: { type: "string", description: "kind/name of an object to delete, e.g. pod/web-0." },
      namespace: { type: "string", description: "Namespace of the object to delete. Default \"default\"." },
    },
  },
  "dev.kubeplay.v1alpha1.NodeAction": {
    type: "object", required: ["name"],
    properties: {
      name: str,
      state: { type: "string", enum: ["Down", "Up", "Cordon", "Uncordon", "Drain"] },
      taint: { type: "object", required: ["key", "effect"], properties: {
        key: str, value: str, effect: { type: "string", enum: ["NoSchedule", "PreferNoSchedule", "NoExecute"] } } },
      untaint: { type: "string", description: "Key of a taint to remove." },
    },
  },
};

function isNullSchema(s: unknown): boolean {
  return typeof s === "object" && s !== null && (s as Schema).type === "null";
}

/** Rewrites one raw schema piece into the local, draft-07 form described at the top. */
function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (typeof node !== "object" || node === null) return node;
  const s = node as Schema;
  if (Array.isArray(s.oneOf) && s.oneOf.length === 2 && s.oneOf.some(isNullSchema)) {
    return rewrite(s.oneOf.find((x) => !isNullSchema(x)));
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "nullable") continue;
    if (k === "$ref" && typeof v === "string") out.$ref = `#/definitions/${v.replace(/#$/, "")}`;
    else out[k] = rewrite(v);
  }
  return out;
}

/** Names of the definitions `node` refers to directly, split by whether the path went through `status`. */
function refsOf(node: unknown, underStatus: boolean, out: Array<[string, boolean]>): void {
  if (Array.isArray(node)) { for (const x of node) refsOf(x, underStatus, out); return; }
  if (typeof node !== "object" || node === null) return;
  const s = node as Schema;
  if (typeof s.$ref === "string") out.push([s.$ref.replace("#/definitions/", ""), underStatus]);
  for (const [k, v] of Object.entries(s)) {
    if (k === "properties" && typeof v === "object" && v !== null) {
      for (const [prop, sub] of Object.entries(v as Schema)) refsOf(sub, underStatus || prop === "status", out);
    } else if (k !== "$ref") refsOf(v, underStatus, out);
  }
}

/** Sets additionalProperties false on every object schema with properties inside `node`. */
function close(node: unknown): void {
  if (Array.isArray(node)) { for (const x of node) close(x); return; }
  if (typeof node !== "object" || node === null) return;
  const s = node as Schema;
  if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
  for (const v of Object.values(s)) close(v);
}

function sortKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.keys(node).sort().map((k) => [k, sortKeys((node as Schema)[k])]));
}

function main(): void {
  // `_schemas` is not in the package's exports map: load the files by path.
  const schemasDir = join(dirname(require.resolve("kubernetes-models")), "_schemas");
  for (const [, , def] of KINDS) {
    if (def.startsWith("dev.kubeplay.")) continue;
    const file = `IoK8s${def.slice("io.k8s.".length).split(".").map((p) => p[0]!.toUpperCase() + p.slice(1)).join("")}`;
    (require(join(schemasDir, `${file}.js`)) as { addSchema: () => void }).addSchema();
  }
  const all = new Map<string, Schema>();
  for (const [id, raw] of collected) all.set(id, rewrite(raw) as Schema);
  all.set(QUANTITY, { type: ["string", "number"], format: "quantity" });
  all.set(INT_OR_STRING, { type: ["integer", "string"], format: "int-or-string" });
  for (const [id, s] of Object.entries(SCENARIO_DEFINITIONS)) all.set(id, structuredClone(s));
  for (const [def, prop, schema] of PATCHES) {
    const target = all.get(def);
    if (!target?.properties) throw new Error(`patch target ${def} not found`);
    (target.properties as Schema)[prop] = structuredClone(schema);
  }
  // Kubernetes 1.36: FailIndex action (1.29) and onPodConditions no longer required (1.28).
  const rule = all.get("io.k8s.api.batch.v1.PodFailurePolicyRule") as { properties: { action: { enum: string[] } }; required: string[] };
  rule.properties.action.enum = ["Count", "FailIndex", "FailJob", "Ignore"];
  rule.required = ["action"];

  // Walk from the kinds: `spec` is every definition reachable without passing through a `status`.
  const spec = new Set<string>();
  const reachable = new Set<string>();
  const queue: Array<[string, boolean]> = KINDS.map(([, , def]) => [def, false]);
  while (queue.length > 0) {
    const [name, underStatus] = queue.pop()!;
    if (underStatus ? reachable.has(name) : spec.has(name)) continue;
    reachable.add(name);
    if (!underStatus) spec.add(name);
    const s = all.get(name);
    if (!s) throw new Error(`missing definition ${name}`);
    const refs: Array<[string, boolean]> = [];
    refsOf(s, underStatus, refs);
    queue.push(...refs);
  }
  const definitions: Record<string, unknown> = {};
  for (const name of [...reachable].sort()) {
    const s = structuredClone(all.get(name)!);
    if (spec.has(name)) close(s);
    definitions[name] = s;
  }

  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://kubeplay.dev/schema/kubernetes.schema.json",
    title: "Kubeplay scenario document",
    description: "Generated by scripts/generate-schema.ts from kubernetes-models@4.3.1; do not edit.",
    type: "object",
    required: ["apiVersion", "kind"],
    properties: {
      apiVersion: { type: "string", enum: [...new Set(KINDS.map(([v]) => v))] },
      kind: { type: "string", enum: KINDS.map(([, k]) => k) },
    },
    allOf: KINDS.map(([apiVersion, kind, def]) => ({
      if: { required: ["apiVersion", "kind"], properties: { apiVersion: { const: apiVersion }, kind: { const: kind } } },
      then: ref(def),
    })),
    definitions: sortKeys(definitions),
  };
  const out = fileURLToPath(new URL("../src/scenario/schema/kubernetes.schema.json", import.meta.url));
  writeFileSync(out, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${Object.keys(definitions).length} definitions, ${JSON.stringify(schema).length} bytes`);
}

main();
