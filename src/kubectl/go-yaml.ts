/**
 * YAML exactly as `kubectl get -o yaml` writes it: sigs.k8s.io/yaml `Marshal` (JSON, then the
 * goyaml.v2 fork's encoder and libyaml-derived emitter). Only JSON-shaped data is supported
 * (objects, arrays, strings, numbers, booleans, null), which is all an API object is.
 *
 * Behaviours reproduced, each from upstream (goyaml.v2 encode.go, resolve.go, sorter.go, emitterc.go):
 * - map keys sorted with yaml.v2's "natural" order (digit runs compared as numbers, non-letters first);
 * - strings that would read back as another type (true, 1, 1.5, null, "", 2026-01-01, 12:30) are
 *   double-quoted; strings YAML syntax forbids plain (": ", leading "- ", "#"…) are single-quoted;
 *   strings with a newline become literal blocks ("|", "|-", "|+");
 * - sequences inside mappings are not indented ("- " under the key), two-space indentation;
 * - long plain and quoted scalars wrap at the first space after column 80;
 * - empty maps and lists print as {} and [].
 */

import { BASE60_FLOAT, plainIsString, yamlKeyOrder } from "./go-yaml-resolve";

export { yamlKeyLess } from "./go-yaml-resolve";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

type Style = "plain" | "single" | "double" | "literal";

// ---- character classes (yamlprivateh.go), on code points ----

const cp = (ch: string): number => ch.codePointAt(0)!;

const isSpace = (c: string | undefined): boolean => c === " ";
const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
const isBreak = (c: string | undefined): boolean =>
  c === "\r" || c === "\n" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlankz = (c: string | undefined): boolean => c === undefined || isBlank(c) || isBreak(c);
function isPrintable(c: string): boolean {
  const n = cp(c);
  return n === 0x0a || (n >= 0x20 && n <= 0x7e) || (n >= 0xa0 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd && n !== 0xfeff);
}
const utf8Length = (s: string): number =>
  [...s].reduce((n, ch) => n + (cp(ch) < 0x80 ? 1 : cp(ch) < 0x800 ? 2 : cp(ch) < 0x10000 ? 3 : 4), 0);

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** emitterc.go `yaml_emitter_analyze_scalar` (block context only: flow holds only {} and []). */
function analyzeScalar(value: string): ScalarAnalysis {
  const v = [...value];
  if (v.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let lineBreaks = false, special = false, leadingSpace = false, leadingBreak = false, trailingSpace = false;
  let trailingBreak = false, breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) blockIndicators = true;
      else if ((c === "?" || c === ":" || c === "-") && followedByWhitespace) blockIndicators = true;
    } else if ((c === ":" && followedByWhitespace) || (c === "#" && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) { a.blockPlainAllowed = false; a.singleQuotedAllowed = false; }
  if (spaceBreak || special) { a.blockPlainAllowed = false; a.singleQuotedAllowed = false; a.blockAllowed = false; }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e",
  0x22: "\"", 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P",
};

/** strconv.FormatFloat(f, 'g', -1, 64). */
function goFloat(f: number): string {
  const [mant, expText] = f.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
  }
  return String(f);
}

/** The emitter (emitterc.go), reduced to block mappings/sequences, {} / [] and scalars. */
class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  text(): string {
    this.writeIndent(); // DOCUMENT-END
    return this.out.join("");
  }

  private write(s: string): void {
    this.out.push(s);
    this.column += [...s].length;
  }
  private putBreak(): void {
    this.out.push("\n");
    this.column = 0;
  }
  private writeBreak(c: string): void {
    if (c === "\n") this.putBreak();
    else { this.out.push(c); this.column = 0; }
  }
  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.write(" ");
    this.whitespace = true;
    this.indention = true;
  }
  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.write(" ");
    this.write(ind);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }
  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  node(v: unknown, mapping: boolean): void {
    if (Array.isArray(v)) return this.sequence(v, mapping);
    if (v !== null && typeof v === "object") return this.mapping(v as Record<string, unknown>);
    if (v === null || v === undefined) return this.scalar("null", "plain", false);
    if (typeof v === "boolean") return this.scalar(v ? "true" : "false", "plain", false);
    if (typeof v === "number") return this.scalar(Number.isInteger(v) ? String(v) : goFloat(v), "plain", false);
    return this.string(String(v), false);
  }

  private string(s: string, simpleKey: boolean): void {
    // encode.go `stringv`: plain only if it reads back as the same string (base-60 floats quoted
    // for old YAML 1.1 parsers), a literal block if it has a newline, double quotes otherwise.
    const style: Style = s.includes("\n") ? "literal" : plainIsString(s) && !BASE60_FLOAT.test(s) ? "plain" : "double";
    this.scalar(s, style, simpleKey);
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: unknown[], mapping: boolean): void {
    if (items.length === 0) return this.emptyFlow("[", "]");
    this.increaseIndent(false, mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false);
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(yamlKeyOrder);
    if (keys.length === 0) return this.emptyFlow("{", "}");
    this.increaseIndent(false, false);
    for (const k of keys) {
      this.writeIndent();
      const a = analyzeScalar(k);
      if (!a.multiline && utf8Length(k) <= 128) {
        this.string(k, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.string(k, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(obj[k], true);
    }
    this.popIndent();
  }

  /** `yaml_emitter_emit_scalar`: pick the style the text allows, then write it one indent deeper. */
  private scalar(value: string, requested: Style, simpleKey: boolean): void {
    const a = analyzeScalar(value);
    let style = requested;
    if (simpleKey && a.multiline) style = "double";
    if (style === "plain" && (!a.blockPlainAllowed || (value.length === 0 && simpleKey))) style = "single";
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case "plain": this.writePlain(value, allowBreaks); break;
      case "single": this.writeSingle(value, allowBreaks); break;
      case "double": this.writeDouble(value, allowBreaks); break;
      case "literal": this.writeLiteral(value); break;
    }
    this.popIndent();
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.write(" ");
    const v = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1])) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const v = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1])) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.write("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    this.writeIndicator("\"", true, false, false);
    const v = [...value];
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      const n = cp(c);
      if (!isPrintable(c) || n === 0xfeff || isBreak(c) || c === "\"" || c === "\\") {
        let esc = DOUBLE_ESCAPES[n];
        if (esc === undefined) {
          const [letter, width] = n <= 0xff ? ["x", 2] : n <= 0xffff ? ["u", 4] : ["U", 8];
          esc = letter + n.toString(16).toUpperCase().padStart(width as number, "0");
        }
        this.write(`\\${esc}`);
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1])) this.write("\\");
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator("\"", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator("|", true, false, false);
    const v = [...value];
    if (isSpace(v[0]) || isBreak(v[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = v[v.length - 1];
    let chomp = "";
    if (!isBreak(last)) chomp = "-";
    else if (v.length === 1 || isBreak(v[v.length - 2])) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** sigs.k8s.io/yaml `Marshal` of JSON-shaped data: what `kubectl -o yaml` prints for it. */
export function goYamlMarshal(value: unknown): string {
  const data: unknown = JSON.parse(JSON.stringify(value ?? null));
  const e = new Emitter();
  e.node(data, false);
  return e.text();
}
