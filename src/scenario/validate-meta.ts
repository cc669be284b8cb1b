/**
 * Object metadata checks (apimachinery ValidateObjectMeta and each kind's name function) and the
 * name formats Kubernetes uses, with its own wording (apimachinery/pkg/api/validate/content).
 */
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import type { Kind } from "../api/types";
import { byteLength, maxLenError, regexError, validateDNS1123Subdomain, validateLabelKey, validateLabelValue } from "../api/label-validation";
import { child, invalid, required, warning, type FieldError, type FieldPath } from "./field";

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_ERR = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const LABEL_MAX = 63;

const DNS1123_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** IsDNS1123Label: container, port-less names, namespaces. Empty when valid. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_MAX) errs.push(maxLenError(LABEL_MAX));
  else if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(validateDNS1123Subdomain(value).length === 0
      ? "must not contain dots"
      : regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

/** IsDNS1035Label: Service names. Empty when valid. */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_MAX) errs.push(maxLenError(LABEL_MAX));
  else if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME): container and service port names. Empty when valid. */
export function ianaSvcNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.startsWith("-") || port.endsWith("-")) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** A path printed as `at` but located at one map entry, so the editor marks the entry itself. */
function entry(at: FieldPath, k: string): FieldPath {
  return { segments: [...at.segments, k], text: at.text };
}

/** ValidateLabels: every key a qualified name, every value a label value (map-style selectors too). */
export function labelsAt(labels: Record<string, string>, at: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of validateLabelKey(k)) errs.push(invalid(entry(at, k), k, msg));
    if (typeof v === "string") for (const msg of validateLabelValue(v)) errs.push(invalid(entry(at, k), v, msg));
  }
  return errs;
}

/** Which name format each kind's REST strategy enforces (ValidateXxxName). */
function nameErrors(kind: Kind, name: string): string[] {
  switch (kind) {
    case "Namespace": return dns1123LabelErrors(name);
    case "Service": return dns1035LabelErrors(name);
    default: return validateDNS1123Subdomain(name);
  }
}

/** Kinds whose names become pod names and hostnames (their strategies warn about non-labels). */
const POD_NAMING: ReadonlySet<Kind> = new Set<Kind>(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

export function validateMetadata(kind: Kind, meta: ObjectMeta | undefined, namespaced: boolean): FieldError[] {
  const at = child({ segments: [], text: "" }, "metadata");
  const errs: FieldError[] = [];
  const m = meta ?? {};
  if (!m.name && !m.generateName) errs.push(required(child(at, "name"), "name or generateName is required"));
  if (m.name) {
    const errors = nameErrors(kind, m.name);
    for (const msg of errors) errs.push(invalid(child(at, "name"), m.name, msg));
    const labelIssues = errors.length === 0 ? dns1123LabelErrors(m.name) : [];
    if (labelIssues.length > 0 && kind === "Pod") {
      errs.push(warning(child(at, "name"), `this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${labelIssues.join(" ")}]`));
    } else if (labelIssues.length > 0 && POD_NAMING.has(kind)) {
      errs.push(warning(child(at, "name"), `this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${labelIssues.join(" ")}]`));
    }
    if (kind === "CronJob" && m.name.length > 52) errs.push(invalid(child(at, "name"), m.name, "must be no more than 52 characters"));
  }
  if (namespaced && m.namespace) {
    for (const msg of dns1123LabelErrors(m.namespace)) errs.push(invalid(child(at, "namespace"), m.namespace, msg));
  }
  if (m.labels) errs.push(...labelsAt(m.labels, child(at, "labels")));
  for (const k of Object.keys(m.annotations ?? {})) {
    for (const msg of validateLabelKey(k.toLowerCase())) errs.push(invalid(entry(child(at, "annotations"), k), k, msg));
  }
  return errs;
}
