/**
 * A small interpreter for the subset of JSON Schema that kubernetes.schema.json uses: type,
 * properties, required, items, enum, additionalProperties, $ref and the formats below. It walks
 * the value once and reports every problem with its field path, in Kubernetes' words.
 */
import schemaJson from "./kubernetes.schema.json";
import { child, index, invalid, key, notSupported, required, unknownField, type FieldError, type FieldPath } from "../field";
import { LIMITS } from "../limits";
import { parseDuration } from "../../clock/time";
import { decodeQuantity, isQuantityError } from "../../api/quantity";

export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
  description?: string;
}

interface KindEntry {
  if: { properties: { apiVersion: { const: string }; kind: { const: string } } };
  then: Schema;
}

interface RootSchema {
  allOf: KindEntry[];
  definitions: Record<string, Schema>;
}

const ROOT_SCHEMA = schemaJson as unknown as RootSchema;

/** Every apiVersion/kind the schema knows, in the order the generator lists them. */
export const SCHEMA_KINDS: ReadonlyArray<{ apiVersion: string; kind: string }> = ROOT_SCHEMA.allOf.map((e) => ({
  apiVersion: e.if.properties.apiVersion.const,
  kind: e.if.properties.kind.const,
}));

/** The schema of one apiVersion/kind, or undefined when the playground does not serve it. */
export function schemaFor(apiVersion: string, kind: string): Schema | undefined {
  const entry = ROOT_SCHEMA.allOf.find(
    (e) => e.if.properties.apiVersion.const === apiVersion && e.if.properties.kind.const === kind,
  );
  return entry ? resolve(entry.then) : undefined;
}

function resolve(s: Schema): Schema {
  if (s.$ref === undefined) return s;
  const def = ROOT_SCHEMA.definitions[s.$ref.replace("#/definitions/", "")];
  if (!def) throw new Error(`schema: dangling $ref ${s.$ref}`);
  return def;
}

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case "object": return typeof v === "object" && v !== null && !Array.isArray(v);
    case "array": return Array.isArray(v);
    case "string": return typeof v === "string";
    case "boolean": return typeof v === "boolean";
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number" && Number.isFinite(v);
    default: return false;
  }
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Go's base64.StdEncoding.DecodeString, reduced to where it fails: the offset it reports as
 * "illegal base64 data at input byte N" (newlines are skipped, as Go does), or undefined.
 */
function base64Problem(src: string): number | undefined {
  const newline = (c: string | undefined) => c === "\n" || c === "\r";
  let si = 0;
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = src[si++]!;
      if (BASE64_ALPHABET.test(c)) continue;
      if (newline(c)) { j--; continue; }
      if (c !== "=" || j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && newline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== "=") return si - 1;
        si++;
      }
      while (si < src.length && newline(src[si])) si++;
      return si < src.length ? si : undefined;
    }
  }
}

function checkFormat(format: string, v: unknown, at: FieldPath, errors: FieldError[]): void {
  switch (format) {
    case "int32":
      if (typeof v === "number" && (v > 2147483647 || v < -2147483648)) {
        errors.push(invalid(at, v, "must be a 32-bit integer (between -2147483648 and 2147483647)"));
      }
      return;
    case "quantity": {
      const q = decodeQuantity(v);
      if (isQuantityError(q)) errors.push(invalid(at, v, `${q.message} (write it like 500m, 2, 128Mi or 1Gi)`));
      return;
    }
    case "byte": {
      if (typeof v !== "string") return;
      const at2 = base64Problem(v);
      if (at2 !== undefined) {
        errors.push(invalid(at, v, `illegal base64 data at input byte ${at2} (values under data must be base64-encoded; put plain text under stringData)`));
      }
      return;
    }
    case "date-time":
      if (typeof v === "string" && !RFC3339.test(v)) {
        errors.push(invalid(at, v, 'must be an RFC 3339 date-time such as "2026-01-01T00:00:00Z"'));
      }
      return;
    case "duration":
      if ((typeof v === "string" || typeof v === "number") && parseDuration(v) === undefined) {
        errors.push(invalid(at, v, 'must be a duration such as "30s", "1m30s", "2h" or a number of seconds'));
      }
      return;
    default:
      return; // int64, double, int-or-string: the type check says all there is to say.
  }
}

function typeError(at: FieldPath, v: unknown, types: string[]): FieldError {
  const actual = typeOf(v);
  const detail = `${at.text || "body"} in body must be of type ${types.join(" or ")}: ${JSON.stringify(actual)}`;
  if (types.length === 1 && types[0] === "string" && (actual === "integer" || actual === "number" || actual === "boolean")) {
    const quoted = JSON.stringify(String(v));
    return { ...invalid(at, v, `${detail}; quote the value (${quoted}) to make it a string`), quoted };
  }
  return invalid(at, v, detail);
}

/**
 * Checks `value` against `schema`, appending problems to `errors`. Stops descending once the
 * document has LIMITS.maxErrorsPerDocument problems: past that, more lines do not help a learner.
 */
export function checkSchema(schema: Schema, value: unknown, at: FieldPath, errors: FieldError[]): void {
  if (errors.length >= LIMITS.maxErrorsPerDocument) return;
  const s = resolve(schema);
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    errors.push(typeError(at, value, types));
    return;
  }
  if (s.enum && !s.enum.includes(value)) {
    errors.push(notSupported(at, value, s.enum.map(String)));
    return;
  }
  if (s.format) checkFormat(s.format, value, at, errors);
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => checkSchema(s.items!, item, index(at, i), errors));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const obj = value as Record<string, unknown>;
  for (const name of s.required ?? []) {
    if (obj[name] === undefined) errors.push(required(child(at, name)));
  }
  for (const [name, v] of Object.entries(obj)) {
    if (errors.length >= LIMITS.maxErrorsPerDocument) return;
    if (v === undefined) continue; // absent, as a YAML null is
    const prop = s.properties?.[name];
    if (prop) checkSchema(prop, v, child(at, name), errors);
    else if (s.additionalProperties === false) errors.push(unknownField(child(at, name)));
    else if (typeof s.additionalProperties === "object") checkSchema(s.additionalProperties, v, key(at, name), errors);
  }
}
