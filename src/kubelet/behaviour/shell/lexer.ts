/**
 * The shell's tokenizer: words (with their quoted and expanded parts), operators and
 * redirections. Command substitutions are parsed recursively through `parseInner`.
 * Malformed input never throws: it yields a ShellSyntaxError value the parser reports the way
 * busybox sh does ("sh: syntax error: unterminated quoted string").
 */
import type { Node, Word, WordPart } from "./ast";

export type Token =
  | { t: "word"; word: Word }
  | { t: "op"; op: ";" | "&" | "&&" | "||" | "|" | "(" | ")" | "\n" | ";;" }
  | { t: "redir"; fd: number; op: ">" | ">>" | "<" | ">&" }
  | { t: "eof" };

export class ShellSyntaxError {
  constructor(readonly message: string) {}
}

const META = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_VARS = new Set(["?", "#", "$", "!", "@", "*", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

export class Lexer {
  private i = 0;
  constructor(private readonly src: string, private readonly parseInner: (text: string) => Node | ShellSyntaxError) {}

  next(): Token | ShellSyntaxError {
    const s = this.src;
    for (;;) {
      while (this.i < s.length && (s[this.i] === " " || s[this.i] === "\t")) this.i++;
      if (s[this.i] === "\\" && s[this.i + 1] === "\n") { this.i += 2; continue; }
      if (s[this.i] === "#") {
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
        continue;
      }
      break;
    }
    if (this.i >= s.length) return { t: "eof" };
    const c = s[this.i]!;
    const two = s.slice(this.i, this.i + 2);
    if (two === "&&" || two === "||" || two === ";;") { this.i += 2; return { t: "op", op: two }; }
    if (c === ";" || c === "|" || c === "(" || c === ")" || c === "\n") { this.i++; return { t: "op", op: c }; }
    if (two === "&>") { this.i += 2; return { t: "redir", fd: -1, op: ">" }; }
    if (c === "&") { this.i++; return { t: "op", op: "&" }; }
    const redir = /^(\d?)(>>|>&|>|<)/.exec(s.slice(this.i, this.i + 3));
    if (redir && (redir[1] !== "" || c === ">" || c === "<")) {
      this.i += redir[0].length;
      const op = redir[2] as ">" | ">>" | "<" | ">&";
      return { t: "redir", fd: redir[1] ? Number(redir[1]) : op === "<" ? 0 : 1, op };
    }
    return this.word();
  }

  private word(): Token | ShellSyntaxError {
    const s = this.src;
    const parts: WordPart[] = [];
    let lit = "";
    let litQuoted = false;
    const flush = () => {
      if (lit) parts.push({ t: "lit", s: lit, quoted: litQuoted });
      lit = "";
      litQuoted = false;
    };
    const addLit = (text: string, quoted: boolean) => {
      if (lit && litQuoted !== quoted) flush();
      lit += text;
      litQuoted = quoted;
    };
    while (this.i < s.length && !META.has(s[this.i]!)) {
      const c = s[this.i]!;
      if (c === "\\") {
        if (this.i + 1 < s.length) addLit(s[this.i + 1]!, true);
        this.i += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) return new ShellSyntaxError("unterminated quoted string");
        addLit(s.slice(this.i + 1, end), true);
        if (end === this.i + 1) { flush(); parts.push({ t: "lit", s: "", quoted: true }); }
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        const start = parts.length;
        let any = false;
        while (this.i < s.length && s[this.i] !== '"') {
          const d = s[this.i]!;
          any = true;
          if (d === "\\" && '$`"\\\n'.includes(s[this.i + 1] ?? "")) {
            if (s[this.i + 1] !== "\n") addLit(s[this.i + 1]!, true);
            this.i += 2;
          } else if (d === "$" || d === "`") {
            flush();
            const e = this.expansion(true);
            if (e instanceof ShellSyntaxError) return e;
            if (e) parts.push(e);
            else addLit("$", true);
          } else {
            addLit(d, true);
            this.i++;
          }
        }
        if (this.i >= s.length) return new ShellSyntaxError("unterminated quoted string");
        this.i++;
        if (!any || (parts.length === start && !lit)) { flush(); parts.push({ t: "lit", s: "", quoted: true }); }
      } else if (c === "$" || c === "`") {
        flush();
        const e = this.expansion(false);
        if (e instanceof ShellSyntaxError) return e;
        if (e) parts.push(e);
        else addLit("$", false);
      } else {
        addLit(c, false);
        this.i++;
      }
    }
    flush();
    return { t: "word", word: parts };
  }

  /** At "$" or "`": one expansion, or undefined when the "$" is literal. */
  private expansion(quoted: boolean): WordPart | ShellSyntaxError | undefined {
    const s = this.src;
    if (s[this.i] === "`") {
      const end = s.indexOf("`", this.i + 1);
      if (end < 0) return new ShellSyntaxError("unterminated quoted string");
      const inner = this.parseInner(s.slice(this.i + 1, end));
      this.i = end + 1;
      return inner instanceof ShellSyntaxError ? inner : { t: "cmdsub", node: inner, quoted };
    }
    const n = s[this.i + 1];
    if (s.startsWith("$((", this.i)) {
      const end = this.matching(this.i + 3, 2);
      if (end < 0) return new ShellSyntaxError("unterminated arithmetic");
      const expr = s.slice(this.i + 3, end - 1);
      this.i = end + 1;
      return { t: "arith", expr, quoted };
    }
    if (n === "(") {
      const end = this.matching(this.i + 2, 1);
      if (end < 0) return new ShellSyntaxError("unterminated $(");
      const inner = this.parseInner(s.slice(this.i + 2, end));
      this.i = end + 1;
      return inner instanceof ShellSyntaxError ? inner : { t: "cmdsub", node: inner, quoted };
    }
    if (n === "{") {
      const end = s.indexOf("}", this.i + 2);
      if (end < 0) return new ShellSyntaxError("bad substitution");
      const body = s.slice(this.i + 2, end);
      this.i = end + 1;
      if (body.startsWith("#") && body.length > 1) return { t: "var", name: body.slice(1), op: { kind: "#", word: [] }, quoted };
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$!@*0-9])(?:(:-|-|:=|:\+)(.*))?$/s.exec(body);
      if (!m) return new ShellSyntaxError("bad substitution");
      if (!m[2]) return { t: "var", name: m[1]!, quoted };
      const word: Word = [{ t: "lit", s: m[3] ?? "", quoted: true }];
      return { t: "var", name: m[1]!, op: { kind: m[2] as ":-" | "-" | ":=" | ":+", word }, quoted };
    }
    if (n !== undefined && SPECIAL_VARS.has(n)) {
      this.i += 2;
      return { t: "var", name: n, quoted };
    }
    if (n !== undefined && NAME_START.test(n)) {
      let j = this.i + 1;
      while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
      const name = s.slice(this.i + 1, j);
      this.i = j;
      return { t: "var", name, quoted };
    }
    this.i++;
    return undefined;
  }

  /** Index of the ")" closing `depth` open parentheses from `from`, skipping quotes; -1 if none. */
  private matching(from: number, depth: number): number {
    const s = this.src;
    let d = depth;
    for (let j = from; j < s.length; j++) {
      const c = s[j];
      if (c === "\\") { j++; continue; }
      if (c === "'") { const e = s.indexOf("'", j + 1); if (e < 0) return -1; j = e; continue; }
      if (c === '"') {
        let k = j + 1;
        while (k < s.length && s[k] !== '"') k += s[k] === "\\" ? 2 : 1;
        j = k;
        continue;
      }
      if (c === "(") d++;
      else if (c === ")") {
        d--;
        if (d === 0) return j;
      }
    }
    return -1;
  }
}
