/**
 * The syntax tree of the small shell: the POSIX sh subset containers in tutorials use
 * (lists, && / ||, pipelines, if / while / until / for, { } and ( ) groups, functions,
 * redirections, quoting, $VAR, ${VAR:-x}, $(...), `...`, $((...))).
 */

export type WordPart =
  | { t: "lit"; s: string; quoted: boolean }
  | { t: "var"; name: string; op?: { kind: ":-" | "-" | ":=" | ":+" | "#"; word: Word }; quoted: boolean }
  | { t: "cmdsub"; node: Node; quoted: boolean }
  | { t: "arith"; expr: string; quoted: boolean };

export type Word = WordPart[];

export interface Redir {
  fd: number;
  op: ">" | ">>" | "<" | ">&";
  target: Word;
}

export type Node =
  | { t: "list"; items: Array<{ node: Node; background: boolean }> }
  | { t: "and"; left: Node; right: Node }
  | { t: "or"; left: Node; right: Node }
  | { t: "not"; node: Node }
  | { t: "pipe"; cmds: Node[] }
  | { t: "cmd"; assigns: Array<{ name: string; value: Word }>; words: Word[]; redirs: Redir[] }
  | { t: "if"; clauses: Array<{ cond: Node; body: Node }>; otherwise?: Node; redirs: Redir[] }
  | { t: "loop"; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { t: "for"; name: string; items?: Word[]; body: Node; redirs: Redir[] }
  | { t: "group"; body: Node; subshell: boolean; redirs: Redir[] }
  | { t: "func"; name: string; body: Node };

export const EMPTY_LIST: Node = { t: "list", items: [] };

/** The literal text of a word when it has no expansions (keywords, function names). */
export function literalOf(w: Word): string | undefined {
  let s = "";
  for (const p of w) {
    if (p.t !== "lit") return undefined;
    s += p.s;
  }
  return s;
}

/** True when no part of the word was quoted (a keyword must be unquoted). */
export function isUnquoted(w: Word): boolean {
  return w.every((p) => p.t === "lit" && !p.quoted);
}
