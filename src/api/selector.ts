/**
 * Label selectors, as k8s.io/apimachinery does them.
 *
 * - `compileSelector(LabelSelector)`: metav1.LabelSelectorAsSelector semantics (nil selects nothing,
 *   `{}` selects everything, requirements ANDed and sorted by key), after the checks the API server
 *   runs on every selector (apis/meta/v1/validation ValidateLabelSelector), so that a bad selector
 *   fails with the message `kubectl apply` would show, naming the field.
 * - `parseSelector(text)`: labels.Parse, the string form of `kubectl -l` (=, ==, !=, in, notin, !key,
 *   key, and the integer comparisons key>n / key<n), with its error wording.
 * - `selectorFromSet(map)`: labels.SelectorFromSet, for map selectors (Service, nodeSelector-style).
 *
 * Compiled selectors are immutable and cheap to match; callers hot-looping over nodes or pods should
 * compile once per object (compileSelector caches by identity for frozen store objects).
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import {
  aggregate, childPath, forbiddenError, indexPath, invalidError, keyPath, requiredError, validateLabelKey,
  validateLabelValue, type BadValue,
} from "./label-validation";

export { validateLabelKey, validateLabelValue } from "./label-validation";

/** selection.Operator values. */
export type Operator = "in" | "notin" | "=" | "==" | "!=" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

export interface Selector {
  matches(labels: Labels): boolean;
  /** True when the selector does not restrict anything (Everything); false for Nothing. */
  readonly empty: boolean;
  /** Sorted by key; empty for Everything and Nothing. */
  readonly requirements: readonly Requirement[];
  /** The string form kubectl prints ("app=web,tier in (a,b)"); "" for Everything and Nothing. */
  toString(): string;
  /** RequiresExactMatch: the single value `key` must have, if the selector pins one. */
  requiresExactMatch(key: string): string | undefined;
}

export interface SelectorError {
  readonly kind: "SelectorError";
  readonly message: string;
  /** Each field error on its own (one entry for string-form parse errors). */
  readonly errors: readonly string[];
}

export function isSelectorError(x: Selector | SelectorError): x is SelectorError {
  return (x as SelectorError).kind === "SelectorError";
}

const selectorError = (errors: readonly string[]): SelectorError => ({ kind: "SelectorError", message: aggregate(errors), errors });

// ---- requirements ----

const INT64 = /^[+-]?[0-9]+$/;
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/** strconv.ParseInt(s, 10, 64). */
function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const v = BigInt(s);
  return v > MAX_INT64 || v < MIN_INT64 ? undefined : v;
}

type Matcher = (labels: Readonly<Record<string, string>>) => boolean;

function matcherOf(r: Requirement): Matcher {
  const { key, values } = r;
  switch (r.operator) {
    case "in": case "=": case "==": {
      if (values.length === 1) { const only = values[0]; return (l) => l[key] === only; }
      const set = new Set(values);
      return (l) => { const v = l[key]; return typeof v === "string" && set.has(v); };
    }
    case "notin": case "!=": {
      const set = new Set(values);
      return (l) => { const v = l[key]; return typeof v !== "string" || !set.has(v); };
    }
    case "exists": return (l) => typeof l[key] === "string";
    case "!": return (l) => typeof l[key] !== "string";
    case "gt": case "lt": {
      const bound = values.length === 1 ? parseInt64(values[0]!) : undefined;
      const gt = r.operator === "gt";
      return (l) => {
        const v = l[key];
        if (typeof v !== "string" || bound === undefined) return false;
        const n = parseInt64(v);
        return n !== undefined && (gt ? n > bound : n < bound);
      };
    }
    default: { const never: never = r.operator; throw new Error(`unknown operator ${String(never)}`); }
  }
}

/** Requirement.String(): values sorted on output, "!key" and bare "key" for the unary operators. */
export function requirementString(r: Requirement): string {
  const op = r.operator;
  if (op === "exists") return r.key;
  if (op === "!") return `!${r.key}`;
  const vals = r.values.length === 1 ? r.values[0]! : [...r.values].sort(byteOrder).join(",");
  switch (op) {
    case "in": return `${r.key} in (${vals})`;
    case "notin": return `${r.key} notin (${vals})`;
    case "gt": return `${r.key}>${vals}`;
    case "lt": return `${r.key}<${vals}`;
    default: return `${r.key}${op}${vals}`;
  }
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function makeSelector(reqs: Requirement[]): Selector {
  // Go's sort.Sort(ByKey) keeps small lists in insertion order for equal keys; a stable sort does too.
  const requirements = [...reqs].sort((a, b) => byteOrder(a.key, b.key));
  const matchers = requirements.map(matcherOf);
  const text = requirements.map(requirementString).join(",");
  return {
    empty: requirements.length === 0,
    requirements,
    matches(labels) {
      const l = labels ?? NO_LABELS;
      for (const m of matchers) if (!m(l)) return false;
      return true;
    },
    toString: () => text,
    requiresExactMatch(key) {
      const r = requirements.find((x) => x.key === key);
      return r && (r.operator === "=" || r.operator === "==" || r.operator === "in") && r.values.length === 1 ? r.values[0] : undefined;
    },
  };
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** labels.Everything(): matches all labels. */
export const EVERYTHING: Selector = makeSelector([]);

/** labels.Nothing(): what a nil LabelSelector selects. */
export const NOTHING: Selector = {
  empty: false,
  requirements: [],
  matches: () => false,
  toString: () => "",
  requiresExactMatch: () => undefined,
};

/**
 * labels.NewRequirement's checks, with its field paths (key, values[i][key], operator). `path` is
 * undefined where upstream passes a nil path (the string parser's key check prints "<nil>").
 */
function checkRequirement(key: string, op: Operator, vals: readonly string[] | null, path = ""): string[] {
  const errs: string[] = [];
  const keyErrs = validateLabelKey(key);
  if (keyErrs.length) errs.push(invalidError(childPath(path, "key"), key, keyErrs.join("; ")));
  const list = vals ?? [];
  const valuesPath = childPath(path, "values");
  switch (op) {
    case "in": case "notin":
      if (list.length === 0) errs.push(invalidError(valuesPath, vals, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case "=": case "==": case "!=":
      if (list.length !== 1) errs.push(invalidError(valuesPath, vals, "exact-match compatibility requires one single value"));
      break;
    case "exists": case "!":
      if (list.length !== 0) errs.push(invalidError(valuesPath, vals, "values set must be empty for exists and does not exist"));
      break;
    case "gt": case "lt":
      if (list.length !== 1) errs.push(invalidError(valuesPath, vals, "for 'Gt', 'Lt' operators, exactly one value is required"));
      list.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalidError(indexPath(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default: { const never: never = op; throw new Error(`unknown operator ${String(never)}`); }
  }
  list.forEach((v, i) => {
    const valueErrs = validateLabelValue(v);
    if (valueErrs.length) errs.push(invalidError(keyPath(indexPath(valuesPath, i), key), v, valueErrs.join("; ")));
  });
  return errs;
}

// ---- LabelSelector ----

/** metav1.LabelSelectorOperator → selection.Operator. */
const SELECTOR_OPS: ReadonlyMap<string, Operator> = new Map([["In", "in"], ["NotIn", "notin"], ["Exists", "exists"], ["DoesNotExist", "!"]]);

/**
 * ValidateLabelSelector (apis/meta/v1/validation): the API server's field errors for a selector at
 * `path` (e.g. "spec.selector"); empty when valid. matchLabels keys are checked in sorted order.
 */
export function validateLabelSelector(sel: LabelSelector | null | undefined, path = ""): string[] {
  const errs: string[] = [];
  if (!sel) return errs;
  const labelsPath = childPath(path, "matchLabels");
  for (const k of Object.keys(sel.matchLabels ?? {}).sort(byteOrder)) {
    const v = sel.matchLabels![k]!;
    for (const msg of validateLabelKey(k)) errs.push(invalidError(labelsPath, k, msg));
    for (const msg of validateLabelValue(v)) errs.push(invalidError(labelsPath, v, msg));
  }
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = indexPath(childPath(path, "matchExpressions"), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case "In": case "NotIn":
        if (values.length === 0) errs.push(requiredError(childPath(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists": case "DoesNotExist":
        if (values.length > 0) errs.push(forbiddenError(childPath(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalidError(childPath(p, "operator"), String(expr.operator ?? ""), "not a valid selector operator"));
    }
    for (const msg of validateLabelKey(expr.key ?? "")) errs.push(invalidError(childPath(p, "key"), expr.key ?? "", msg));
    values.forEach((v, j) => {
      for (const msg of validateLabelValue(v)) errs.push(invalidError(indexPath(childPath(p, "values"), j), v, msg));
    });
  });
  return errs;
}

const compiled = new WeakMap<LabelSelector, Selector | SelectorError>();

/**
 * LabelSelectorAsSelector, after validateLabelSelector: nil → NOTHING, no requirements → EVERYTHING.
 * `path` prefixes the field paths in error messages (e.g. "spec.selector").
 */
export function compileSelector(sel: LabelSelector | null | undefined, path = ""): Selector | SelectorError {
  if (!sel) return NOTHING;
  const cacheable = path === "" && Object.isFrozen(sel);
  const hit = cacheable ? compiled.get(sel) : undefined;
  if (hit) return hit;
  const result = compileUncached(sel, path);
  if (cacheable) compiled.set(sel, result);
  return result;
}

function compileUncached(sel: LabelSelector, path: string): Selector | SelectorError {
  const matchLabels = sel.matchLabels ?? {};
  const exprs = sel.matchExpressions ?? [];
  const keys = Object.keys(matchLabels).sort(byteOrder);
  if (keys.length + exprs.length === 0) return EVERYTHING;
  const errs = validateLabelSelector(sel, path);
  if (errs.length) return selectorError(errs);
  const reqs: Requirement[] = keys.map((k) => ({ key: k, operator: "=", values: [matchLabels[k]!] }));
  for (const e of exprs) {
    const op = SELECTOR_OPS.get(e.operator)!;
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])] });
  }
  return makeSelector(reqs);
}

/** FormatLabelSelector: kubectl describe's "Selector:" text ("<none>" when empty, "<error>" if invalid). */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  const s = compileSelector(sel);
  if (isSelectorError(s)) return "<error>";
  return s.toString() || "<none>";
}

/** labels.SelectorFromSet: key=value for each entry; an empty or absent map is EVERYTHING. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  if (!set) return EVERYTHING;
  return makeSelector(Object.keys(set).map((k) => ({ key: k, operator: "=" as const, values: [set[k]!] })));
}

// ---- the string form (labels.Parse) ----

type Token =
  | "error" | "end" | ")" | "," | "!" | "==" | "=" | ">" | "identifier" | "in" | "<" | "!=" | "notin" | "(";
interface Item { readonly tok: Token; readonly lit: string }

const KEYWORDS: ReadonlyMap<string, Token> = new Map<string, Token>([
  [")", ")"], [",", ","], ["!", "!"], ["==", "=="], ["=", "="], [">", ">"], ["in", "in"], ["<", "<"],
  ["!=", "!="], ["notin", "notin"], ["(", "("],
]);
const isWhitespace = (c: string): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";
const isSpecial = (c: string): boolean => "=!(),><".includes(c) && c !== "";

/** The Lexer of selector.go: identifiers run up to whitespace or an operator character. */
function lex(s: string): Item[] {
  let pos = 0;
  // read() gives "" at the end (Go's 0 byte; a NUL in the text reads the same) without advancing.
  const read = (): string => { if (pos < s.length) { const c = s[pos++]!; return c === "\0" ? "" : c; } return ""; };
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === "") { items.push({ tok: "end", lit: "" }); return items; }
    pos--;
    let buf = "";
    if (isSpecial(ch)) {
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === "") break;
        if (!isSpecial(c)) { pos--; break; }
        buf += c;
        const t = KEYWORDS.get(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) { pos--; break; }
      }
      items.push(last ?? { tok: "error", lit: `error expected: keyword found '${buf}'` });
    } else {
      for (;;) {
        const c = read();
        if (c === "") break;
        if (isSpecial(c) || isWhitespace(c)) { pos--; break; }
        buf += c;
      }
      const kw = KEYWORDS.get(buf);
      items.push(kw ? { tok: kw, lit: buf } : { tok: "identifier", lit: buf });
    }
  }
}

class ParseError { constructor(readonly message: string) {} }

/** The Parser of selector.go; in a value position the words in / notin are identifiers. */
class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  private lookahead(values: boolean): Item { return this.as(this.items[this.position]!, values); }
  private consume(values: boolean): Item { return this.as(this.items[this.position++]!, values); }
  private as(it: Item, values: boolean): Item {
    return values && (it.tok === "in" || it.tok === "notin") ? { tok: "identifier", lit: it.lit } : it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === "identifier" || tok === "!") {
        try { reqs.push(this.requirement()); } catch (e) {
          if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
          throw e;
        }
        const t = this.consume(true);
        if (t.tok === "end") return reqs;
        if (t.tok !== ",") throw new ParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
        const t2 = this.lookahead(true);
        if (t2.tok !== "identifier" && t2.tok !== "!") throw new ParseError(`found '${t2.lit}', expected: identifier after ','`);
      } else if (tok === "end") return reqs;
      else throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private requirement(): Requirement {
    let t = this.consume(true);
    let op: Operator | undefined;
    if (t.tok === "!") { op = "!"; t = this.consume(true); }
    if (t.tok !== "identifier") throw new ParseError(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = validateLabelKey(key);
    if (keyErrs.length) throw new ParseError(invalidError(undefined, key, keyErrs.join("; ")));
    const next = this.lookahead(true).tok;
    if ((next === "end" || next === ",") && op !== "!") op = "exists";
    if (op === "exists" || op === "!") return this.checked(key, op, []);
    op = this.operator();
    const values = op === "in" || op === "notin" ? this.values() : this.exactValue();
    return this.checked(key, op, [...values].sort(byteOrder));
  }

  private checked(key: string, op: Operator, values: string[]): Requirement {
    const errs = checkRequirement(key, op, values);
    if (errs.length) throw new ParseError(aggregate(errs));
    return { key, operator: op, values };
  }

  private operator(): Operator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case "in": return "in";
      case "notin": return "notin";
      case "=": return "=";
      case "==": return "==";
      case "!=": return "!=";
      case ">": return "gt";
      case "<": return "lt";
      default: throw new ParseError(`found '${lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private values(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== "(") throw new ParseError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    if (tok === "identifier" || tok === ",") {
      const s = this.identifiers();
      if (this.consume(true).tok !== ")") throw new ParseError(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === ")") { this.consume(true); return new Set([""]); }
    throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
  }

  /** A comma-separated list of possibly empty identifiers: "(a,,b)" and "(,a)" hold "". */
  private identifiers(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === "identifier") {
        s.add(lit);
        const t2 = this.lookahead(true);
        if (t2.tok === ",") continue;
        if (t2.tok === ")") return s;
        throw new ParseError(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (tok === ",") {
        if (s.size === 0) s.add("");
        const t2 = this.lookahead(true).tok;
        if (t2 === ")") { s.add(""); return s; }
        if (t2 === ",") s.add("");
      } else throw new ParseError(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private exactValue(): Set<string> {
    const t = this.lookahead(true).tok;
    if (t === "end" || t === ",") return new Set([""]);
    const { tok, lit } = this.consume(true);
    if (tok === "identifier") return new Set([lit]);
    throw new ParseError(`found '${lit}', expected: identifier`);
  }
}

/** labels.Parse: the `kubectl -l` syntax. "" selects everything. */
export function parseSelector(text: string): Selector | SelectorError {
  try {
    return makeSelector(new Parser(lex(text)).parse());
  } catch (e) {
    if (e instanceof ParseError) return selectorError([e.message]);
    throw e;
  }
}
