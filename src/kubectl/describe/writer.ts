/**
 * The text machinery of `kubectl describe` (k8s.io/kubectl/pkg/describe/describe.go): a
 * PrefixWriter (two spaces per level) over Go's text/tabwriter as `tabbedString` configures it
 * (minwidth 0, padding 2, pad ' '), with `Flush` starting a new alignment block, as DescribeEvents
 * does before its table; and the shared printers (labels, annotations, taints, tolerations,
 * controller, RFC 1123 times) in upstream's exact layout.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import { decodeQuantity, formatQuantity, isQuantityError } from "../../api/quantity";
import { tabwrite } from "../tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Annotations longer than this are cut (printAnnotationsMultiline). */
const MAX_ANNOTATION_LEN = 140;
/** Never shown by describe (corev1.LastAppliedConfigAnnotation). */
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

export class PrefixWriter {
  private readonly blocks: string[] = [];
  private current = "";

  /** `Write(level, …)`: the text indented by two spaces per level. */
  write(level: number, text: string): void {
    this.current += "  ".repeat(level) + escapeTerminal(text);
  }

  /** `WriteLine(a)`: the text and a newline, unindented. */
  writeLine(text = ""): void {
    this.current += `${escapeTerminal(text)}\n`;
  }

  /** Ends an alignment block: what follows is aligned on its own. */
  flush(): void {
    this.blocks.push(this.current);
    this.current = "";
  }

  toString(): string {
    return [...this.blocks, this.current].map((b) => (b ? tabwrite(b, 0, 2) : "")).join("");
  }
}

/** `tabbedString`: runs a describer body and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}

/** printers.WriteEscaped: terminal control characters are shown, not obeyed. */
function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, "^[");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Go's `time.RFC1123Z` ("Mon, 02 Jan 2006 15:04:05 -0700") of an API timestamp, in UTC (kubectl
 * prints local time; the playground's zone is UTC). Go formats the zero time for a missing one.
 */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(ms)) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** A Quantity's String() (canonical form), "0" for a missing one. */
export function quantityString(v: string | number | undefined): string {
  if (v === undefined) return "0";
  const q = decodeQuantity(v);
  return isQuantityError(q) ? String(v) : formatQuantity(q);
}

export const printBool = (b: boolean | undefined): string => (b ? "True" : "False");
export const printBoolPtr = (b: boolean | undefined): string => (b === undefined ? "<unset>" : printBool(b));
export const stringOrNone = (s: string | undefined): string => (s ? s : "<none>");
/** Go's `%v` of a bool. */
export const goBool = (b: boolean | undefined): string => (b ? "true" : "false");
/** Go's `%v` of a []string: "[a b]". */
export const goList = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(" ")}]`;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(
  w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined, initialIndent = "", innerIndent = "\t",
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byCodePoint);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultiline: long or multi-line values on their own indented lines, cut at 140. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort(byCodePoint);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(LEVEL_0, `${indent}  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `Taint.ToString()`: key=value:effect, key:effect, key=value: or key. */
export function taintString(t: Pick<Taint, "key" | "value" | "effect">): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by "effect,key". */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...taints].sort((a, b) => byCodePoint(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key (Go's sort.Slice; stable here). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ""): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...tolerations].sort((a, b) => byCodePoint(a.key ?? "", b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** printController: "ReplicaSet/web-7d9f8" for the controlling owner, "" without one. */
export function printController(meta: ObjectMeta | undefined): string {
  const ref = meta?.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

/** SortedResourceNames of a ResourceList, each with its canonical quantity. */
export function sortedResources(list: Readonly<Record<string, string | number>> | undefined): Array<[string, string]> {
  return Object.keys(list ?? {}).sort(byCodePoint).map((k) => [k, quantityString(list![k])]);
}
