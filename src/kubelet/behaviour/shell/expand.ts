/**
 * Word expansion: parameters ($x, ${x:-word}, ${#x}, $?, $1 …), command substitution, arithmetic,
 * field splitting of unquoted expansions, and pathname expansion (globs) against the file system.
 */
import { isFsFail } from "../fs";
import { arith } from "./arith";
import type { Word } from "./ast";
import type { Shell } from "./interp";
import { ExitSignal, type Effect } from "./types";

export function variable(sh: Shell, name: string): string | undefined {
  switch (name) {
    case "?": return String(sh.status);
    case "#": return String(sh.args.length);
    case "$": return "1";
    case "@": case "*": return sh.args.join(" ");
    case "0": return sh.name;
    default:
      if (/^[1-9]$/.test(name)) return sh.args[Number(name) - 1];
      return sh.vars.get(name);
  }
}

/** Expansion without letting time pass (redirection targets, ${x:-word}). */
export function expandSync(sh: Shell, w: Word): string[] {
  const g = expandWord(sh, w, false);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** Expands a word to fields: unquoted expansions are split on blanks, unquoted globs matched. */
export function* expandWord(sh: Shell, w: Word, split = true): Generator<Effect, string[], void> {
  const fields: string[] = [];
  let cur = "";
  let has = false;
  let globbing = false;
  const pushSplit = (text: string) => {
    const parts = text.split(/[ \t\n]+/);
    parts.forEach((p, i) => {
      if (i > 0) { if (has) fields.push(cur); cur = ""; has = false; }
      if (p) { cur += p; has = true; }
    });
  };
  for (const p of w) {
    let text: string;
    switch (p.t) {
      case "lit":
        cur += p.s;
        has = has || p.quoted || p.s !== "";
        if (!p.quoted && /[*?]/.test(p.s)) globbing = true;
        continue;
      case "var": text = varOp(sh, p); break;
      case "arith": text = String(arith(expandSync(sh, [{ t: "lit", s: p.expr, quoted: true }]).join(""), sh.vars)); break;
      case "cmdsub": {
        let captured = "";
        const child = sh.fork();
        try { yield* child.run(p.node, { out: (s) => { captured += s; }, err: () => {} }); } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
        }
        sh.status = child.status;
        text = captured.replace(/\n+$/, "");
        break;
      }
    }
    if (p.quoted || !split) { cur += text; has = true; } else pushSplit(text);
  }
  if (has) fields.push(cur);
  if (globbing && split) return fields.flatMap((f) => glob(sh, f));
  return fields;
}

function varOp(sh: Shell, p: Extract<Word[number], { t: "var" }>): string {
  const v = variable(sh, p.name);
  if (!p.op) return v ?? "";
  const word = () => expandSync(sh, p.op!.word).join("");
  switch (p.op.kind) {
    case "#": return String((v ?? "").length);
    case ":-": return v ? v : word();
    case "-": return v !== undefined ? v : word();
    case ":=": if (!v) { const w = word(); sh.vars.set(p.name, w); return w; } return v;
    case ":+": return v ? word() : "";
  }
}

/** Pathname expansion of the last path segment ("/tmp/*.log"); no match keeps the pattern. */
function glob(sh: Shell, pattern: string): string[] {
  const slash = pattern.lastIndexOf("/");
  const dir = slash < 0 ? "." : pattern.slice(0, slash) || "/";
  const leaf = pattern.slice(slash + 1);
  const names = sh.host.fs.list(dir);
  if (isFsFail(names)) return [pattern];
  const re = new RegExp(`^${leaf.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  const hits = names.filter((n) => re.test(n) && (!n.startsWith(".") || leaf.startsWith(".")));
  if (hits.length === 0) return [pattern];
  return hits.map((n) => (slash < 0 ? n : `${pattern.slice(0, slash)}/${n}`));
}
