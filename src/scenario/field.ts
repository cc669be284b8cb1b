/**
 * Field paths and field errors, worded as Kubernetes' `k8s.io/apimachinery/pkg/util/validation/field`
 * package words them ("<path>: Invalid value: <value>: <detail>"), so a learner sees what kubectl
 * would print. The validators build these; the parser turns each path back into a line and column.
 */

export type PathSegment = string | number;

export interface FieldPath {
  /** Segments as they appear in the document: property names, map keys, list indices. */
  readonly segments: readonly PathSegment[];
  /** As Kubernetes prints it: `spec.containers[0].resources.limits[memory]`. */
  readonly text: string;
}

export const ROOT: FieldPath = { segments: [], text: "" };

export function path(...names: PathSegment[]): FieldPath {
  return names.reduce<FieldPath>((p, n) => (typeof n === "number" ? index(p, n) : child(p, n)), ROOT);
}

/** A struct field: `.name`. */
export function child(p: FieldPath, name: string): FieldPath {
  return { segments: [...p.segments, name], text: p.text ? `${p.text}.${name}` : name };
}

/** A list element: `[i]`. */
export function index(p: FieldPath, i: number): FieldPath {
  return { segments: [...p.segments, i], text: `${p.text}[${i}]` };
}

/** A map entry: `[key]`. */
export function key(p: FieldPath, k: string): FieldPath {
  return { segments: [...p.segments, k], text: `${p.text}[${k}]` };
}

export interface FieldError {
  path: FieldPath;
  message: string;
  severity: "error" | "warning";
  /** Point at the key of the field rather than its value (unknown or duplicated fields). */
  atKey?: boolean;
  /**
   * The message suggests quoting this rendering of a scalar; a caller holding the source text
   * replaces it with the scalar as written (YAML 1.1 reads `n` as false: suggest "n", not "false").
   */
  quoted?: string;
}

/** A value the way the API server quotes it in messages: strings quoted, objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function at(p: FieldPath, message: string): string {
  return p.text ? `${p.text}: ${message}` : message;
}

export function required(p: FieldPath, detail = ""): FieldError {
  return { path: p, severity: "error", message: at(p, detail ? `Required value: ${detail}` : "Required value") };
}

export function invalid(p: FieldPath, value: unknown, detail: string): FieldError {
  return { path: p, severity: "error", message: at(p, `Invalid value: ${show(value)}: ${detail}`) };
}

export function notSupported(p: FieldPath, value: unknown, supported: readonly string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(", ");
  return { path: p, severity: "error", message: at(p, `Unsupported value: ${show(value)}: supported values: ${list}`) };
}

export function duplicate(p: FieldPath, value: unknown, detail = ""): FieldError {
  return { path: p, severity: "error", message: at(p, `Duplicate value: ${show(value)}${detail ? `: ${detail}` : ""}`) };
}

export function notFound(p: FieldPath, value: unknown, detail = ""): FieldError {
  return { path: p, severity: "error", message: at(p, `Not found: ${show(value)}${detail ? `: ${detail}` : ""}`) };
}

export function forbidden(p: FieldPath, detail: string): FieldError {
  return { path: p, severity: "error", message: at(p, `Forbidden: ${detail}`) };
}

/** Kubernetes' strict field validation: `unknown field "spec.replica"`. */
export function unknownField(p: FieldPath): FieldError {
  return { path: p, severity: "error", atKey: true, message: `unknown field ${JSON.stringify(p.text)}` };
}

export function warning(p: FieldPath, detail: string): FieldError {
  return { path: p, severity: "warning", message: at(p, detail) };
}

/** Kubernetes' range messages (`validation.InclusiveRangeError`, `IsValidPortNum`). */
export const MSG = {
  nonNegative: "must be greater than or equal to 0",
  portRange: "must be between 1 and 65535, inclusive",
  inclusiveRange: (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`,
} as const;

/** Parses a printed path back into segments: `a.b[0][k]` → ["a", "b", 0, "k"]. */
export function parsePath(text: string): FieldPath {
  const segments: PathSegment[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else segments.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return { segments, text };
}

/** A message already worded "<path>: <detail>" by a shared validator (src/api), as a FieldError. */
export function fromMessage(message: string, severity: "error" | "warning" = "error"): FieldError {
  const colon = message.indexOf(": ");
  const head = colon > 0 ? message.slice(0, colon) : "";
  return { path: /^[A-Za-z][\w.[\]/-]*$/.test(head) ? parsePath(head) : ROOT, message, severity };
}
