/**
 * The shell's parser: tokens to a syntax tree (ast.ts), by recursive descent over the POSIX
 * grammar's subset. A syntax error is a value whose message is busybox's
 * ("syntax error: unexpected \"done\"").
 */
import { EMPTY_LIST, isUnquoted, literalOf, type Node, type Redir, type Word } from "./ast";
import { Lexer, ShellSyntaxError, type Token } from "./lexer";

export { ShellSyntaxError };

const RESERVED = new Set(["then", "else", "elif", "fi", "do", "done", "}", "esac", "in"]);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

class Parser {
  private readonly lexer: Lexer;
  private peeked: Token | undefined;

  constructor(src: string) {
    this.lexer = new Lexer(src, (text) => parseScript(text));
  }

  private peek(): Token {
    if (!this.peeked) {
      const t = this.lexer.next();
      if (t instanceof ShellSyntaxError) throw t;
      this.peeked = t;
    }
    return this.peeked;
  }

  private take(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** The keyword a word token spells, if it is an unquoted literal. */
  private keyword(t: Token): string | undefined {
    if (t.t !== "word" || !isUnquoted(t.word)) return undefined;
    return literalOf(t.word);
  }

  private describe(t: Token): string {
    if (t.t === "eof") return "end of file";
    if (t.t === "op") return t.op === "\n" ? "newline" : t.op;
    if (t.t === "redir") return t.op;
    return literalOf(t.word) ?? "word";
  }

  private unexpected(t: Token): never {
    throw new ShellSyntaxError(`syntax error: unexpected "${this.describe(t)}"`);
  }

  private skipNewlines(): void {
    while (this.peek().t === "op" && (this.peek() as { op: string }).op === "\n") this.take();
  }

  private expectKeyword(kw: string): void {
    this.skipNewlines();
    const t = this.take();
    if (this.keyword(t) !== kw) this.unexpected(t);
  }

  /** A list up to (not including) one of the `stop` keywords or ")" / EOF. */
  list(stop: ReadonlySet<string>): Node {
    const items: Array<{ node: Node; background: boolean }> = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.t === "eof") break;
      if (t.t === "op" && (t.op === ")" || t.op === ";;")) break;
      const kw = this.keyword(t);
      if (kw !== undefined && stop.has(kw)) break;
      const node = this.andOr();
      const sep = this.peek();
      let background = false;
      if (sep.t === "op" && (sep.op === ";" || sep.op === "&" || sep.op === "\n")) {
        this.take();
        background = sep.op === "&";
      } else if (!(sep.t === "eof" || (sep.t === "op" && (sep.op === ")" || sep.op === ";;")) || (this.keyword(sep) !== undefined && stop.has(this.keyword(sep)!)))) {
        this.unexpected(sep);
      }
      items.push({ node, background });
    }
    return { t: "list", items };
  }

  private andOr(): Node {
    let left = this.pipeline();
    for (;;) {
      const t = this.peek();
      if (t.t !== "op" || (t.op !== "&&" && t.op !== "||")) return left;
      this.take();
      this.skipNewlines();
      const right = this.pipeline();
      left = t.op === "&&" ? { t: "and", left, right } : { t: "or", left, right };
    }
  }

  private pipeline(): Node {
    let negate = false;
    if (this.keyword(this.peek()) === "!") {
      this.take();
      negate = true;
    }
    const cmds = [this.command()];
    while (this.peek().t === "op" && (this.peek() as { op: string }).op === "|") {
      this.take();
      this.skipNewlines();
      cmds.push(this.command());
    }
    const node: Node = cmds.length === 1 ? cmds[0]! : { t: "pipe", cmds };
    return negate ? { t: "not", node } : node;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    while (this.peek().t === "redir") {
      const r = this.take() as Extract<Token, { t: "redir" }>;
      const target = this.take();
      if (target.t !== "word") this.unexpected(target);
      out.push({ fd: r.fd, op: r.op, target: target.word });
    }
    return out;
  }

  private command(): Node {
    const t = this.peek();
    const kw = this.keyword(t);
    switch (kw) {
      case "if": return this.ifClause();
      case "while": case "until": return this.loop(kw === "until");
      case "for": return this.forClause();
      case "{": {
        this.take();
        const body = this.list(new Set(["}"]));
        this.expectKeyword("}");
        return { t: "group", body, subshell: false, redirs: this.redirs() };
      }
      default:
        if (kw !== undefined && RESERVED.has(kw)) this.unexpected(t);
    }
    if (t.t === "op" && t.op === "(") {
      this.take();
      const body = this.list(new Set());
      const close = this.take();
      if (!(close.t === "op" && close.op === ")")) this.unexpected(close);
      return { t: "group", body, subshell: true, redirs: this.redirs() };
    }
    return this.simple();
  }

  private simple(): Node {
    const assigns: Array<{ name: string; value: Word }> = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === "redir") {
        redirs.push(...this.redirs());
        continue;
      }
      if (t.t !== "word") break;
      this.take();
      const first = t.word[0];
      if (words.length === 0 && first?.t === "lit" && !first.quoted && ASSIGN.test(first.s)) {
        const m = ASSIGN.exec(first.s)!;
        const rest = first.s.slice(m[0].length);
        const value: Word = [...(rest ? [{ ...first, s: rest }] : []), ...t.word.slice(1)];
        assigns.push({ name: m[1]!, value });
        continue;
      }
      // Function definition: name ( ) { ... }
      const after = this.peek();
      if (words.length === 0 && assigns.length === 0 && after.t === "op" && after.op === "(" && isUnquoted(t.word)) {
        this.take();
        const close = this.take();
        if (!(close.t === "op" && close.op === ")")) this.unexpected(close);
        this.skipNewlines();
        return { t: "func", name: literalOf(t.word)!, body: this.command() };
      }
      words.push(t.word);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.unexpected(this.peek());
    return { t: "cmd", assigns, words, redirs };
  }

  private ifClause(): Node {
    this.take();
    const clauses: Array<{ cond: Node; body: Node }> = [];
    let otherwise: Node | undefined;
    for (;;) {
      const cond = this.nonEmpty(this.list(new Set(["then"])));
      this.expectKeyword("then");
      const body = this.nonEmpty(this.list(new Set(["elif", "else", "fi"])));
      clauses.push({ cond, body });
      this.skipNewlines();
      const end = this.take();
      const kw = this.keyword(end);
      if (kw === "elif") continue;
      if (kw === "else") {
        otherwise = this.nonEmpty(this.list(new Set(["fi"])));
        this.expectKeyword("fi");
      } else if (kw !== "fi") this.unexpected(end);
      break;
    }
    return { t: "if", clauses, ...(otherwise ? { otherwise } : {}), redirs: this.redirs() };
  }

  /** A compound command's part may not be empty ("if then" is busybox's unexpected "then"). */
  private nonEmpty(n: Node): Node {
    if (n.t === "list" && n.items.length === 0) this.unexpected(this.peek());
    return n;
  }

  private loop(until: boolean): Node {
    this.take();
    const cond = this.nonEmpty(this.list(new Set(["do"])));
    this.expectKeyword("do");
    const body = this.nonEmpty(this.list(new Set(["done"])));
    this.expectKeyword("done");
    return { t: "loop", until, cond, body, redirs: this.redirs() };
  }

  private forClause(): Node {
    this.take();
    const nameTok = this.take();
    const name = this.keyword(nameTok);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.unexpected(nameTok);
    let items: Word[] | undefined;
    if (this.keyword(this.peek()) === "in") {
      this.take();
      items = [];
      while (this.peek().t === "word") items.push((this.take() as Extract<Token, { t: "word" }>).word);
    }
    const sep = this.peek();
    if (sep.t === "op" && (sep.op === ";" || sep.op === "\n")) this.take();
    this.expectKeyword("do");
    const body = this.list(new Set(["done"]));
    this.expectKeyword("done");
    return { t: "for", name, ...(items ? { items } : {}), body, redirs: this.redirs() };
  }

  script(): Node {
    const node = this.list(new Set());
    const t = this.peek();
    if (t.t !== "eof") this.unexpected(t);
    return node;
  }
}

/** Parses a script; a syntax error comes back as a value. */
export function parseScript(src: string): Node | ShellSyntaxError {
  if (src.trim() === "") return EMPTY_LIST;
  try {
    return new Parser(src).script();
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e;
    throw e;
  }
}
