/**
 * Validation of one object, in the API server's order: the kind must be served, the document must
 * decode against the kind's schema (types, required and unknown fields), then — after defaulting —
 * the semantic checks of each kind, and the playground's own size limits.
 */
import type { Kind, KindMap, KObject } from "../api/types";
import { KINDS } from "../api/types";
import { checkSchema, SCHEMA_KINDS, schemaFor } from "./schema/interpret";
import { invalid, path, ROOT, type FieldError } from "./field";
import { LIMITS } from "./limits";
import { validateMetadata } from "./validate-meta";
import { validatePodSpec, validateSimAnnotationsAt } from "./validate-pod";
import {
  validateCronJob, validateDaemonSet, validateDeployment, validateJob, validateReplicaSet, validateStatefulSet,
} from "./validate-workloads";
import {
  validateDataKeys, validateHPA, validateIngress, validateNode, validatePDB, validatePriorityClass, validatePVC,
  validateRuntimeClass, validateService,
} from "./validate-services";

/** The kinds a manifest may contain: the schema's, minus the playground's own Scenario. */
export type SupportedKind = Exclude<Kind, "Endpoints" | "PersistentVolume" | "StorageClass" | "Event">;

export const SUPPORTED_KINDS: readonly SupportedKind[] = SCHEMA_KINDS
  .filter((k) => k.kind !== "Scenario")
  .map((k) => k.kind as SupportedKind);

export type KindLookup = { ok: true; kind: SupportedKind } | { ok: false; errors: FieldError[] };

const supportedList = (): string => SUPPORTED_KINDS.map((k) => `${k} (${KINDS[k].apiVersion})`).join(", ");

/**
 * Resolves a document's apiVersion/kind to a served kind, or explains, as kubectl does
 * ("no matches for kind …"), what is wrong and what would be right.
 */
export function lookupKind(apiVersion: unknown, kind: unknown): KindLookup {
  const errors: FieldError[] = [];
  if (apiVersion === undefined || apiVersion === "") errors.push({ path: path("apiVersion"), severity: "error", message: "apiVersion not set" });
  else if (typeof apiVersion !== "string") errors.push(invalid(path("apiVersion"), apiVersion, "must be a string such as \"v1\" or \"apps/v1\""));
  if (kind === undefined || kind === "") errors.push({ path: path("kind"), severity: "error", message: "kind not set" });
  else if (typeof kind !== "string") errors.push(invalid(path("kind"), kind, "must be a string such as \"Pod\""));
  if (errors.length > 0) return { ok: false, errors };
  const v = apiVersion as string;
  const k = kind as string;
  if (k !== "Scenario" && schemaFor(v, k)) return { ok: true, kind: k as SupportedKind };
  const base = `no matches for kind ${JSON.stringify(k)} in version ${JSON.stringify(v)}`;
  const sameName = SCHEMA_KINDS.find((e) => e.kind === k);
  if (sameName) {
    return { ok: false, errors: [{ path: path("apiVersion"), severity: "error", message: `${base}: ${k} is served as apiVersion ${JSON.stringify(sameName.apiVersion)}` }] };
  }
  const otherCase = SCHEMA_KINDS.find((e) => e.kind.toLowerCase() === k.toLowerCase());
  const hint = otherCase ? `did you mean ${JSON.stringify(otherCase.kind)}? ` : "";
  return { ok: false, errors: [{ path: path("kind"), severity: "error", message: `${base}: ${hint}the playground supports ${supportedList()}` }] };
}

/** Decoding checks: the document against its kind's schema (unknown fields, types, required fields). */
export function validateSchema(apiVersion: string, kind: string, raw: unknown): FieldError[] {
  const schema = schemaFor(apiVersion, kind);
  if (!schema) throw new Error(`validateSchema: ${apiVersion}/${kind} is not served (call lookupKind first)`);
  const errors: FieldError[] = [];
  checkSchema(schema, raw, ROOT, errors);
  return errors;
}

/** Each served kind's semantic checks; the mapped type makes a missing kind a compile error. */
const SEMANTIC: { [K in SupportedKind]: (obj: KindMap[K]) => FieldError[] } = {
  Pod: (o) => [
    ...(o.spec ? validatePodSpec(o.spec, path("spec"), "Pod") : []),
    ...validateSimAnnotationsAt(o.metadata?.annotations, o.spec, path("metadata", "annotations")),
  ],
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Ingress: validateIngress,
  HorizontalPodAutoscaler: validateHPA,
  PodDisruptionBudget: validatePDB,
  Node: validateNode,
  PersistentVolumeClaim: validatePVC,
  PriorityClass: validatePriorityClass,
  RuntimeClass: validateRuntimeClass,
  ConfigMap: (o) => validateDataKeys(o, ["data", "binaryData"]),
  Secret: (o) => validateDataKeys(o, ["data", "stringData"]),
  Namespace: () => [],
  EndpointSlice: () => [],
};

function isSupported(kind: Kind): kind is SupportedKind {
  return Object.prototype.hasOwnProperty.call(SEMANTIC, kind);
}

/** The playground's own bounds on one object (LIMITS.maxReplicas), so no manifest can stall the engine. */
function limitErrors(kind: Kind, obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const fields: Array<[string[], unknown]> = [];
  switch (kind) {
    case "Deployment": case "ReplicaSet": case "StatefulSet":
      fields.push([["spec", "replicas"], spec.replicas]);
      break;
    case "Job":
      fields.push([["spec", "parallelism"], spec.parallelism], [["spec", "completions"], spec.completions]);
      break;
    case "CronJob": {
      const js = ((spec.jobTemplate as { spec?: Record<string, unknown> } | undefined)?.spec) ?? {};
      fields.push([["spec", "jobTemplate", "spec", "parallelism"], js.parallelism], [["spec", "jobTemplate", "spec", "completions"], js.completions]);
      break;
    }
    case "HorizontalPodAutoscaler":
      fields.push([["spec", "maxReplicas"], spec.maxReplicas]);
      break;
    default:
      break;
  }
  return fields
    .filter(([, v]) => typeof v === "number" && v > LIMITS.maxReplicas)
    .map(([p, v]) => invalid(path(...p), v, `the playground runs at most ${LIMITS.maxReplicas} replicas per workload`));
}

/**
 * The semantic checks of the API server for `kind`, on an object that passed the schema and has
 * its defaults applied. Errors reject the object; warnings do not.
 */
export function validateObject(kind: Kind, obj: KObject): FieldError[] {
  const errors = validateMetadata(kind, obj.metadata, KINDS[kind].namespaced);
  if (isSupported(kind)) errors.push(...(SEMANTIC[kind] as (o: KObject) => FieldError[])(obj));
  errors.push(...limitErrors(kind, obj));
  return errors;
}

