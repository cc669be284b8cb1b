/**
 * $(( … )) arithmetic: integers, variables, + - * / %, comparisons, && || !, parentheses,
 * and the assignments loops use (i=i+1, i+=1, i++). A malformed expression evaluates to 0.
 */

type Tok = { t: "num"; v: number } | { t: "name"; v: string } | { t: "op"; v: string };

const OPS = ["<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "++", "--", "+", "-", "*", "/", "%", "<", ">", "!", "(", ")", "="];

function tokenize(s: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (/\d/.test(c)) {
      let j = i;
      while (j < s.length && /\d/.test(s[j]!)) j++;
      out.push({ t: "num", v: Number(s.slice(i, j)) });
      i = j;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = c === "$" ? i + 1 : i;
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j]!)) j++;
      out.push({ t: "name", v: s.slice(c === "$" ? i + 1 : i, j) });
      i = j;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) return undefined;
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

/** Binary operators by precedence, loosest first. */
const LEVELS: string[][] = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case "||": return a || b ? 1 : 0;
    case "&&": return a && b ? 1 : 0;
    case "==": return a === b ? 1 : 0;
    case "!=": return a !== b ? 1 : 0;
    case "<": return a < b ? 1 : 0;
    case ">": return a > b ? 1 : 0;
    case "<=": return a <= b ? 1 : 0;
    case ">=": return a >= b ? 1 : 0;
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return b === 0 ? 0 : Math.trunc(a / b);
    case "%": return b === 0 ? 0 : a % b;
    default: return 0;
  }
}

export function arith(expr: string, vars: Map<string, string>): number {
  const toks = tokenize(expr);
  if (!toks) return 0;
  let i = 0;
  const num = (name: string) => Math.trunc(Number(vars.get(name) ?? 0)) || 0;
  const peek = () => toks[i];
  const isOp = (v: string) => { const t = peek(); return t?.t === "op" && t.v === v; };

  function primary(): number {
    const t = toks![i++];
    if (!t) return 0;
    if (t.t === "num") return t.v;
    if (t.t === "name") {
      if (isOp("=") || isOp("+=") || isOp("-=")) {
        const op = (toks![i++] as { v: string }).v;
        const rhs = level(0);
        const v = op === "=" ? rhs : op === "+=" ? num(t.v) + rhs : num(t.v) - rhs;
        vars.set(t.v, String(v));
        return v;
      }
      if (isOp("++") || isOp("--")) {
        const op = (toks![i++] as { v: string }).v;
        const old = num(t.v);
        vars.set(t.v, String(op === "++" ? old + 1 : old - 1));
        return old;
      }
      return num(t.v);
    }
    switch (t.v) {
      case "(": { const v = level(0); if (isOp(")")) i++; return v; }
      case "-": return -primary();
      case "+": return primary();
      case "!": return primary() ? 0 : 1;
      default: return 0;
    }
  }

  function level(n: number): number {
    if (n >= LEVELS.length) return primary();
    let left = level(n + 1);
    for (;;) {
      const t = peek();
      if (t?.t !== "op" || !LEVELS[n]!.includes(t.v)) return left;
      i++;
      left = apply(t.v, left, level(n + 1));
    }
  }

  return level(0);
}
