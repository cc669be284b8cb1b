/**
 * The API server's checks on a pod spec that the schema cannot express (pkg/apis/core/validation
 * ValidatePodSpec, reduced to the mistakes learners make), plus its warnings
 * (pkg/api/pod/warnings.go). Runs on defaulted objects, as the API server does.
 */
import type { Container, PodSpec, Probe, Volume } from "kubernetes-types/core/v1";
import { cmp, decodeQuantity, formatQuantity, isQuantityError, milliValue, sign } from "../api/quantity";
import { validateLabelKey } from "../api/label-validation";
import {
  child, duplicate, forbidden, index, invalid, key, MSG, notFound, notSupported, required, warning,
  type FieldError, type FieldPath,
} from "./field";
import { dns1123LabelErrors, ianaSvcNameErrors, labelsAt } from "./validate-meta";
import { validateSimAnnotations } from "../kubelet/behaviour/annotations";

/** Where the spec sits decides which restart policies are allowed. */
export type PodContext = "Pod" | "Workload" | "Job";

const RESTART_POLICIES: Record<PodContext, readonly string[]> = {
  Pod: ["Always", "OnFailure", "Never"],
  Workload: ["Always"],
  Job: ["OnFailure", "Never"],
};

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const BYTE_RESOURCES = new Set(["memory", "ephemeral-storage"]);
const HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"] as const;

/**
 * `claimNames`: a StatefulSet's volumeClaimTemplates, which its pods mount like volumes (upstream
 * skips pod-spec validation of StatefulSet templates for that reason; we check with them added).
 */
export function validatePodSpec(spec: PodSpec, at: FieldPath, context: PodContext, claimNames: readonly string[] = []): FieldError[] {
  const errs: FieldError[] = [];
  const volumes = validateVolumes(spec.volumes ?? [], child(at, "volumes"), errs);
  for (const name of claimNames) volumes.add(name);
  if (!spec.containers || spec.containers.length === 0) errs.push(required(child(at, "containers")));
  const names = new Set<string>();
  (spec.initContainers ?? []).forEach((c, i) => {
    validateContainer(c, index(child(at, "initContainers"), i), names, volumes, "init", errs);
  });
  (spec.containers ?? []).forEach((c, i) => {
    validateContainer(c, index(child(at, "containers"), i), names, volumes, "regular", errs);
  });
  const policy = spec.restartPolicy ?? "Always";
  if (!RESTART_POLICIES[context].includes(policy)) {
    errs.push(notSupported(child(at, "restartPolicy"), policy, RESTART_POLICIES[context]));
  }
  if (spec.nodeSelector) errs.push(...labelsAt(spec.nodeSelector, child(at, "nodeSelector")));
  (spec.tolerations ?? []).forEach((t, i) => {
    const p = index(child(at, "tolerations"), i);
    if (!t.key && t.operator !== "Exists") {
      errs.push(invalid(child(p, "operator"), t.operator ?? "Equal", 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.operator === "Exists" && t.value) {
      errs.push(invalid(child(p, "operator"), t.operator, "value must be empty when `operator` is 'Exists'"));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") {
      errs.push(invalid(child(p, "effect"), t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (t.key) for (const msg of validateLabelKey(t.key)) errs.push(invalid(child(p, "key"), t.key, msg));
  });
  (spec.topologySpreadConstraints ?? []).forEach((c, i) => {
    const p = index(child(at, "topologySpreadConstraints"), i);
    if (c.maxSkew <= 0) errs.push(invalid(child(p, "maxSkew"), c.maxSkew, "must be greater than zero"));
    if (!c.topologyKey) errs.push(required(child(p, "topologyKey"), "can not be empty"));
  });
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalid(child(at, "activeDeadlineSeconds"), spec.activeDeadlineSeconds, MSG.inclusiveRange(1, 2147483647)));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(warning(child(at, "terminationGracePeriodSeconds"), "must be >= 0; negative values are invalid and will be treated as 1"));
  }
  return errs;
}

/** Checks names, sources and uniqueness; returns the declared volume names. */
function validateVolumes(volumes: Volume[], at: FieldPath, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = index(at, i);
    if (!v.name) errs.push(required(child(p, "name")));
    else {
      for (const msg of dns1123LabelErrors(v.name)) errs.push(invalid(child(p, "name"), v.name, msg));
      if (names.has(v.name)) errs.push(duplicate(child(p, "name"), v.name));
      names.add(v.name);
    }
    const sources = Object.keys(v).filter((k) => k !== "name");
    for (const extra of sources.slice(1)) errs.push(forbidden(child(p, extra), "may not specify more than 1 volume type"));
  });
  return names;
}

function validateContainer(
  c: Container, at: FieldPath, names: Set<string>, volumes: Set<string>, role: "init" | "regular", errs: FieldError[],
): void {
  if (!c.name) errs.push(required(child(at, "name")));
  else {
    for (const msg of dns1123LabelErrors(c.name)) errs.push(invalid(child(at, "name"), c.name, msg));
    if (names.has(c.name)) errs.push(duplicate(child(at, "name"), c.name));
    names.add(c.name);
  }
  if (!c.image || c.image.trim() === "") errs.push(required(child(at, "image")));
  const sidecar = role === "init" && c.restartPolicy === "Always";
  if (c.restartPolicy !== undefined) {
    if (role === "regular") errs.push(forbidden(child(at, "restartPolicy"), "may not be set for non-init containers"));
    else if (c.restartPolicy !== "Always") errs.push(notSupported(child(at, "restartPolicy"), c.restartPolicy, ["Always"]));
  }
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = index(child(at, "ports"), i);
    if (port.containerPort < 1 || port.containerPort > 65535) errs.push(invalid(child(p, "containerPort"), port.containerPort, MSG.portRange));
    if (port.hostPort !== undefined && port.hostPort !== 0 && (port.hostPort < 1 || port.hostPort > 65535)) {
      errs.push(invalid(child(p, "hostPort"), port.hostPort, MSG.portRange));
    }
    if (port.name) {
      for (const msg of ianaSvcNameErrors(port.name)) errs.push(invalid(child(p, "name"), port.name, msg));
      if (portNames.has(port.name)) errs.push(duplicate(child(p, "name"), port.name));
      portNames.add(port.name);
    }
  });
  validateResources(c, child(at, "resources"), errs);
  for (const probeName of ["livenessProbe", "readinessProbe", "startupProbe"] as const) {
    const probe = c[probeName];
    if (!probe) continue;
    const p = child(at, probeName);
    if (role === "init" && !sidecar) {
      errs.push(forbidden(p, "may not be set for init containers without restartPolicy=Always"));
      continue;
    }
    validateProbe(probe, p, probeName !== "readinessProbe", portNames, errs);
  }
  if (c.lifecycle && role === "init" && !sidecar) {
    errs.push(forbidden(child(at, "lifecycle"), "may not be set for init containers without restartPolicy=Always"));
  }
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(child(at, "volumeMounts"), i);
    if (!m.name) errs.push(required(child(p, "name")));
    else if (!volumes.has(m.name)) errs.push(notFound(child(p, "name"), m.name));
    if (!m.mountPath) errs.push(required(child(p, "mountPath")));
    else if (mountPaths.has(m.mountPath)) errs.push(invalid(child(p, "mountPath"), m.mountPath, "must be unique"));
    mountPaths.add(m.mountPath);
  });
  (c.env ?? []).forEach((e, i) => {
    if (!e.name) errs.push(required(child(index(child(at, "env"), i), "name")));
  });
}

function validateResources(c: Container, at: FieldPath, errs: FieldError[]): void {
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  for (const [field, list] of [["limits", limits], ["requests", requests]] as const) {
    for (const [name, raw] of Object.entries(list)) {
      const p = key(child(at, field), name);
      if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith("hugepages-") && !name.includes("/")) {
        errs.push(invalid(p, name, "must be a standard resource type or fully qualified"));
        continue;
      }
      const q = decodeQuantity(raw);
      if (isQuantityError(q)) continue; // the schema already reported it
      if (sign(q) < 0) errs.push(invalid(p, formatQuantity(q), MSG.nonNegative));
      if (BYTE_RESOURCES.has(name) && milliValue(q) % 1000 !== 0) {
        errs.push(warning(p, `fractional byte value ${JSON.stringify(formatQuantity(q))} is invalid, must be an integer`));
      }
    }
  }
  for (const [name, rawRequest] of Object.entries(requests)) {
    const rawLimit = limits[name];
    if (rawLimit === undefined) continue;
    const request = decodeQuantity(rawRequest);
    const limit = decodeQuantity(rawLimit);
    if (isQuantityError(request) || isQuantityError(limit)) continue;
    if (cmp(request, limit) > 0) {
      errs.push(invalid(child(at, "requests"), formatQuantity(request),
        `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
    }
  }
}

function validateProbe(probe: Probe, at: FieldPath, mustSucceedOnce: boolean, portNames: Set<string>, errs: FieldError[]): void {
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined);
  if (handlers.length === 0) errs.push(required(at, "must specify a handler type"));
  for (const extra of handlers.slice(1)) errs.push(forbidden(child(at, extra), "may not specify more than 1 handler type"));
  if (probe.exec && (!probe.exec.command || probe.exec.command.length === 0)) errs.push(required(child(child(at, "exec"), "command")));
  for (const h of ["httpGet", "tcpSocket"] as const) {
    const port = probe[h]?.port;
    if (port === undefined) continue;
    const p = child(child(at, h), "port");
    if (typeof port === "number") {
      if (port < 1 || port > 65535) errs.push(invalid(p, port, MSG.portRange));
    } else if (/^\d+$/.test(port)) {
      errs.push(invalid(p, port, "must contain at least one letter (a-z)"));
    } else if (!portNames.has(port)) {
      errs.push(warning(p, `no port named ${JSON.stringify(port)} in this container's ports: the probe will fail`));
    }
  }
  if (probe.grpc && (probe.grpc.port < 1 || probe.grpc.port > 65535)) {
    errs.push(invalid(child(child(at, "grpc"), "port"), probe.grpc.port, MSG.portRange));
  }
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
    const v = probe[f];
    if (v !== undefined && v < 0) errs.push(invalid(child(at, f), v, MSG.nonNegative));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalid(child(at, "successThreshold"), probe.successThreshold, "must be 1"));
  }
}

/**
 * The playground's `sim.kubeplay.dev/*` annotations on a pod or pod template, validated like any
 * field (the vocabulary and its parsing live with the kubelet's container behaviour).
 */
export function validateSimAnnotationsAt(
  annotations: Readonly<Record<string, string>> | undefined, spec: PodSpec | undefined, at: FieldPath,
): FieldError[] {
  const names = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
  const errs: FieldError[] = [];
  for (const [name, value] of Object.entries(annotations ?? {})) {
    const p = key(at, name);
    for (const message of validateSimAnnotations({ [name]: value }, names, at.text)) {
      errs.push({ path: p, severity: "error", message });
    }
  }
  return errs;
}
