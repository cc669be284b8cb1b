/**
 * Checks on the non-workload kinds (pkg/apis/core, networking, autoscaling, policy, scheduling
 * validation) that the schema cannot express, reduced to the mistakes learners make.
 */
import type { ConfigMap, Node, PersistentVolumeClaim, Secret, Service } from "kubernetes-types/core/v1";
import type { Ingress } from "kubernetes-types/networking/v1";
import type { HorizontalPodAutoscaler } from "kubernetes-types/autoscaling/v2";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import type { PriorityClass } from "kubernetes-types/scheduling/v1";
import type { RuntimeClass } from "kubernetes-types/node/v1";
import { decodeQuantity, isQuantityError, sign } from "../api/quantity";
import { validateLabelKey, validateLabelSelector } from "../api/selector";
import {
  child, duplicate, forbidden, fromMessage, index, invalid, key, MSG, path, required, type FieldError, type FieldPath,
} from "./field";
import { dns1123LabelErrors, ianaSvcNameErrors, labelsAt } from "./validate-meta";

/** The API server's default --service-node-port-range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
/** scheduling.HighestUserDefinablePriority. */
const HIGHEST_USER_PRIORITY = 1_000_000_000;
/** core.MaxClientIPServiceAffinitySeconds. */
const MAX_CLIENT_IP_AFFINITY = 86400;

const CONFIG_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const portOutOfRange = (p: number | undefined): boolean => p !== undefined && (p < 1 || p > 65535);

export function validateService(svc: Service): FieldError[] {
  const at = path("spec");
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const type = spec.type ?? "ClusterIP";
  const headless = spec.clusterIP === "None";
  const ports = spec.ports ?? [];
  if (type === "ExternalName") {
    if (!spec.externalName) errs.push(required(child(at, "externalName")));
  } else if (ports.length === 0 && !headless) {
    errs.push(required(child(at, "ports")));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = index(child(at, "ports"), i);
    if (ports.length > 1 && !p.name) errs.push(required(child(pp, "name")));
    if (p.name) {
      for (const msg of dns1123LabelErrors(p.name)) errs.push(invalid(child(pp, "name"), p.name, msg));
      if (names.has(p.name)) errs.push(duplicate(child(pp, "name"), p.name));
      names.add(p.name);
    }
    if (portOutOfRange(p.port)) errs.push(invalid(child(pp, "port"), p.port, MSG.portRange));
    const tp = p.targetPort;
    if (typeof tp === "number" && portOutOfRange(tp)) errs.push(invalid(child(pp, "targetPort"), tp, MSG.portRange));
    if (typeof tp === "string" && !/^\d+$/.test(tp)) {
      for (const msg of ianaSvcNameErrors(tp)) errs.push(invalid(child(pp, "targetPort"), tp, msg));
    }
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type !== "NodePort" && type !== "LoadBalancer") {
        errs.push(forbidden(child(pp, "nodePort"), `may not be used when \`type\` is '${type}'`));
      } else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        errs.push(invalid(child(pp, "nodePort"), p.nodePort,
          `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      }
    }
  });
  if (spec.selector) errs.push(...labelsAt(spec.selector, child(at, "selector")));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY)) {
    errs.push(invalid(path("spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"), timeout,
      `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY}`));
  }
  return errs;
}

export function validateIngress(ing: Ingress): FieldError[] {
  const errs: FieldError[] = [];
  (ing.spec?.rules ?? []).forEach((rule, i) => {
    const rp = index(path("spec", "rules"), i);
    (rule.http?.paths ?? []).forEach((p, j) => {
      const pp = index(path(...rp.segments, "http", "paths"), j);
      if ((p.pathType === "Exact" || p.pathType === "Prefix") && !(p.path ?? "").startsWith("/")) {
        errs.push(invalid(child(pp, "path"), p.path ?? "", "must be an absolute path"));
      }
      const svc = p.backend.service;
      if (svc && svc.port && svc.port.name === undefined && svc.port.number === undefined) {
        errs.push(invalid(path(...pp.segments, "backend", "service", "port"), svc.port, "port name or number is required"));
      }
      if (!p.backend.service && !p.backend.resource) {
        errs.push(invalid(child(pp, "backend"), p.backend, "one backend must be specified"));
      }
    });
  });
  return errs;
}

export function validateHPA(hpa: HorizontalPodAutoscaler): FieldError[] {
  const at = path("spec");
  const spec = hpa.spec;
  if (!spec) return [required(at)];
  const errs: FieldError[] = [];
  const min = spec.minReplicas ?? 1;
  if (min < 1) errs.push(invalid(child(at, "minReplicas"), min, "must be greater than or equal to 1"));
  if (spec.maxReplicas < 1) errs.push(invalid(child(at, "maxReplicas"), spec.maxReplicas, "must be greater than 0"));
  else if (spec.maxReplicas < min) errs.push(invalid(child(at, "maxReplicas"), spec.maxReplicas, "must be greater than or equal to `minReplicas`"));
  (spec.metrics ?? []).forEach((m, i) => {
    const util = m.resource?.target.averageUtilization;
    if (util !== undefined && util <= 0) {
      errs.push(invalid(path("spec", "metrics", i, "resource", "target", "averageUtilization"), util, "must be greater than 0"));
    }
  });
  return errs;
}

export function validatePDB(pdb: PodDisruptionBudget): FieldError[] {
  const at = path("spec");
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid(at, spec, "minAvailable and maxUnavailable cannot be both set"));
  }
  for (const f of ["minAvailable", "maxUnavailable"] as const) {
    const v = spec[f];
    if (typeof v === "string" && !/^[0-9]+%$/.test(v)) {
      errs.push(invalid(child(at, f), v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    } else if (typeof v === "string" && Number(v.slice(0, -1)) > 100) {
      errs.push(invalid(child(at, f), v, "must not be greater than 100%"));
    } else if (typeof v === "number" && v < 0) errs.push(invalid(child(at, f), v, MSG.nonNegative));
  }
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, "spec.selector").map((m) => fromMessage(m)));
  return errs;
}

export function validateNode(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const tp = index(path("spec", "taints"), i);
    for (const msg of validateLabelKey(t.key)) errs.push(invalid(child(tp, "key"), t.key, msg));
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) errs.push(duplicate(tp, t, "taints must be unique by key and effect pair"));
    seen.add(id);
  });
  for (const f of ["capacity", "allocatable"] as const) {
    for (const [name, raw] of Object.entries(node.status?.[f] ?? {})) {
      const q = decodeQuantity(raw);
      if (!isQuantityError(q) && sign(q) < 0) errs.push(invalid(key(path("status", f), name), raw, MSG.nonNegative));
    }
  }
  return errs;
}

export function validatePVC(pvc: PersistentVolumeClaim): FieldError[] {
  const at = path("spec");
  const spec = pvc.spec ?? {};
  const errs: FieldError[] = [];
  if (!spec.accessModes || spec.accessModes.length === 0) errs.push(required(child(at, "accessModes"), "at least 1 access mode is required"));
  const storage = spec.resources?.requests?.["storage"];
  const sp = key(child(at, "resources"), "storage");
  if (storage === undefined) errs.push(required(sp));
  else {
    const q = decodeQuantity(storage);
    if (!isQuantityError(q) && sign(q) <= 0) errs.push(invalid(sp, storage, "must be greater than zero"));
  }
  return errs;
}

export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  if (!pc.metadata?.name?.startsWith("system-") && pc.value > HIGHEST_USER_PRIORITY) {
    return [forbidden(path("value"), `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`)];
  }
  return [];
}

export function validateRuntimeClass(rc: RuntimeClass): FieldError[] {
  return dns1123LabelErrors(rc.handler).map((msg) => invalid(path("handler"), rc.handler, msg));
}

/** ConfigMap and Secret keys: IsConfigMapKey; a key may not appear in both data maps. */
export function validateDataKeys(obj: ConfigMap | Secret, fields: readonly ("data" | "binaryData" | "stringData")[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  const all = obj as Record<string, Record<string, unknown> | undefined>;
  for (const f of fields) {
    for (const k of Object.keys(all[f] ?? {})) {
      const at: FieldPath = key(path(f), k);
      if (!/^[-._a-zA-Z0-9]+$/.test(k) || k.length > 253) errs.push(invalid(at, k, CONFIG_KEY_ERR));
      else if (k === "." || k === ".." || k.startsWith("..")) errs.push(invalid(at, k, "must not start with '..'"));
      if (f !== "stringData" && seen.has(k)) errs.push(duplicate(at, k));
      seen.add(k);
    }
  }
  return errs;
}
