/**
 * Label key and value validation with Kubernetes' own wording
 * (k8s.io/apimachinery/pkg/api/validate/content kube.go IsLabelKey / IsLabelValue, dns.go
 * IsDNS1123Subdomain, errors.go MaxLenError / RegexError; v1.36), and the field-error text
 * (k8s.io/apimachinery/pkg/util/validation/field errors.go) the API server wraps them in.
 *
 * The checks are written out by hand rather than as regular expressions: Go's RE2 is linear on any
 * input, a backtracking JavaScript regex on a hostile 100 kB key is not.
 */

const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_MAX = 63;
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MAX = 63;
const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MAX = 253;

export const emptyError = (): string => "must be non-empty";
export const maxLenError = (n: number): string => `must be no more than ${n} bytes`;

export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${re}')`;
}

/** Go's len(): the UTF-8 byte length. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLowerAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$ */
function matchesLabelKeyName(s: string): boolean {
  if (s.length === 0 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 45 && c !== 95 && c !== 46) return false;
  }
  return true;
}

/** ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ */
function matchesDNS1123Subdomain(s: string): boolean {
  for (const label of s.split(".")) {
    if (label.length === 0 || !isLowerAlnum(label.charCodeAt(0)) || !isLowerAlnum(label.charCodeAt(label.length - 1))) return false;
    for (let i = 1; i < label.length - 1; i++) {
      const c = label.charCodeAt(i);
      if (!isLowerAlnum(c) && c !== 45) return false;
    }
  }
  return true;
}

/** IsDNS1123Subdomain: the error strings, empty when valid. */
export function validateDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!matchesDNS1123Subdomain(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

/** IsLabelKey (IsQualifiedName): optional DNS-1123 subdomain prefix and '/', then a name. Empty when valid. */
export function validateLabelKey(key: string): string[] {
  const errs: string[] = [];
  const parts = key.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const msg of validateDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [`a valid label key ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}` +
      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > LABEL_KEY_MAX) errs.push(`name part ${maxLenError(LABEL_KEY_MAX)}`);
  if (!matchesLabelKeyName(name)) errs.push(`name part ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

/** IsLabelValue: at most 63 bytes, empty or alphanumeric at both ends. Empty when valid. */
export function validateLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX));
  if (value.length > 0 && !matchesLabelKeyName(value)) errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

// ---- field errors (field/errors.go) ----

/** unicode.IsPrint beyond ASCII: letters, marks, numbers, punctuation and symbols. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.Quote / %q for the strings that reach an error message. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x80 || GO_PRINTABLE.test(ch)) out += ch;
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out + '"';
}

/** A field.Path in its printed form: "" is the nil path. */
export const childPath = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const indexPath = (path: string, i: number): string => `${path}[${i}]`;
export const keyPath = (path: string, key: string): string => `${path}[${key}]`;
const printedPath = (path: string | undefined): string => (path === undefined ? "<nil>" : path);

/** The bad value as ErrorBody prints it: strings quoted, string slices as Go's %#v. */
export type BadValue = string | readonly string[] | null;

function printValue(v: BadValue): string {
  if (v === null) return "[]string(nil)";
  if (typeof v === "string") return goQuote(v);
  return `[]string{${v.map(goQuote).join(", ")}}`;
}

/** field.Invalid(path, value, detail).Error(); path undefined prints as "<nil>". */
export const invalidError = (path: string | undefined, value: BadValue, detail: string): string =>
  `${printedPath(path)}: Invalid value: ${printValue(value)}${detail ? `: ${detail}` : ""}`;
export const requiredError = (path: string, detail: string): string => `${printedPath(path)}: Required value${detail ? `: ${detail}` : ""}`;
export const forbiddenError = (path: string, detail: string): string => `${printedPath(path)}: Forbidden${detail ? `: ${detail}` : ""}`;

/** utilerrors.Aggregate over a field.ErrorList: duplicates dropped, one message alone, else "[a, b]". */
export function aggregate(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}
