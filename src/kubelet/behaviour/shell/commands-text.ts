/**
 * Shell commands that work on text, time and the environment (busybox's echo, printf, sleep,
 * test / [, date, seq, expr, env, hostname, …), with busybox's output and error wording.
 */
import { parseDuration } from "../../../clock/time";
import { isFsFail } from "../fs";
import { errLine, type Command, type Effect, type IO, type Proc } from "./types";

const done = (code: number): Proc => (function* () { return code; })();

function unescape(s: string): string {
  return s.replace(/\\(n|t|\\|c|e|r|0\d*)/g, (_m, c: string) => {
    switch (c[0]) {
      case "n": return "\n";
      case "t": return "\t";
      case "r": return "\r";
      case "\\": return "\\";
      case "e": return "\x1b";
      case "0": return String.fromCharCode(parseInt(c.slice(1) || "0", 8));
      default: return "";
    }
  });
}

const echo: Command = (argv, io) => {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    if (argv[i]!.includes("n")) newline = false;
    if (argv[i]!.includes("e")) escapes = true;
  }
  const text = argv.slice(i).join(" ");
  io.out((escapes ? unescape(text) : text) + (newline ? "\n" : ""));
  return done(0);
};

const printf: Command = (argv, io) => {
  const fmt = argv[1];
  if (fmt === undefined) { errLine(io, "printf", "usage: printf FORMAT [ARGUMENT...]"); return done(1); }
  const args = argv.slice(2);
  let out = "";
  do {
    out += unescape(fmt).replace(/%([-0-9.]*)([sdifxc%])/g, (_m, _w, conv: string) => {
      if (conv === "%") return "%";
      const a = args.shift() ?? "";
      if (conv === "d" || conv === "i") return String(Math.trunc(Number(a)) || 0);
      if (conv === "f") return (Number(a) || 0).toFixed(6);
      if (conv === "x") return (Math.trunc(Number(a)) || 0).toString(16);
      return a;
    });
  } while (args.length > 0 && /%[-0-9.]*[sdifxc]/.test(fmt));
  io.out(out);
  return done(0);
};

/** busybox sleep: "5", "1.5", "2m", "1h", "1d", several summed; "infinity" sleeps forever. */
export function sleepMs(args: string[]): number | "forever" | undefined {
  let total = 0;
  for (const a of args) {
    if (a === "inf" || a === "infinity") return "forever";
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    const n = Number(m[1]);
    total += n * ({ "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!] ?? 1000);
  }
  return Math.round(total);
}

const sleep: Command = (argv, io) => (function* () {
  const ms = sleepMs(argv.slice(1));
  if (ms === undefined || argv.length < 2) {
    errLine(io, "sleep", argv.length < 2 ? "usage: sleep [N]..." : `invalid number '${argv[1]}'`);
    return 1;
  }
  if (ms === "forever") yield { kind: "block" } as Effect;
  else if (ms > 0) yield { kind: "sleep", ms } as Effect;
  return 0;
})();

/** test / [ expressions (POSIX test with -a / -o and !). */
function evalTest(args: string[], io: IO, fs: Parameters<Command>[2]["host"]["fs"]): number {
  const unary: Record<string, (a: string) => boolean> = {
    "-e": (a) => fs.exists(a), "-f": (a) => fs.isFile(a), "-d": (a) => fs.isDir(a),
    "-s": (a) => { const t = fs.read(a); return !isFsFail(t) && t.length > 0; },
    "-r": (a) => fs.exists(a), "-w": (a) => fs.exists(a), "-x": (a) => fs.exists(a), "-L": () => false, "-h": () => false,
    "-z": (a) => a.length === 0, "-n": (a) => a.length > 0,
  };
  const num = (s: string): number | undefined => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);
  const binary: Record<string, (a: string, b: string) => boolean | undefined> = {
    "=": (a, b) => a === b, "==": (a, b) => a === b, "!=": (a, b) => a !== b,
    "-eq": (a, b) => cmpNum(a, b, (x, y) => x === y), "-ne": (a, b) => cmpNum(a, b, (x, y) => x !== y),
    "-lt": (a, b) => cmpNum(a, b, (x, y) => x < y), "-le": (a, b) => cmpNum(a, b, (x, y) => x <= y),
    "-gt": (a, b) => cmpNum(a, b, (x, y) => x > y), "-ge": (a, b) => cmpNum(a, b, (x, y) => x >= y),
  };
  function cmpNum(a: string, b: string, f: (x: number, y: number) => boolean): boolean | undefined {
    const x = num(a), y = num(b);
    if (x === undefined || y === undefined) {
      errLine(io, "sh", `${x === undefined ? a : b}: bad number`);
      return undefined;
    }
    return f(x, y);
  }
  let bad = false;
  let i = 0;
  function primary(): boolean {
    const a = args[i];
    if (a === "!") { i++; return !primary(); }
    if (a === "(") { i++; const v = or(); if (args[i] === ")") i++; return v; }
    const op = args[i + 1];
    if (op !== undefined && binary[op] && args[i + 2] !== undefined) {
      const r = binary[op]!(a ?? "", args[i + 2]!);
      i += 3;
      if (r === undefined) bad = true;
      return r === true;
    }
    if (a !== undefined && unary[a] && args[i + 1] !== undefined) {
      i += 2;
      return unary[a]!(args[i - 1]!);
    }
    i++;
    return (a ?? "").length > 0;
  }
  function and(): boolean {
    let v = primary();
    while (args[i] === "-a") { i++; const r = primary(); v = v && r; }
    return v;
  }
  function or(): boolean {
    let v = and();
    while (args[i] === "-o") { i++; const r = and(); v = v || r; }
    return v;
  }
  if (args.length === 0) return 1;
  const v = or();
  if (bad) return 2;
  return v ? 0 : 1;
}

const test: Command = (argv, io, ctx) => done(evalTest(argv.slice(1), io, ctx.host.fs));
const bracket: Command = (argv, io, ctx) => {
  const close = argv[0] === "[[" ? "]]" : "]";
  if (argv[argv.length - 1] !== close) { errLine(io, "sh", `${argv[0]}: missing ${close}`); return done(2); }
  return done(evalTest(argv.slice(1, -1), io, ctx.host.fs));
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2, c = "0") => String(n).padStart(w, c);

/** busybox date: "Thu Jan  1 00:00:05 UTC 2026", or +FORMAT. Always UTC, as containers are. */
export function formatDate(unixMs: number, fmt = "%a %b %e %H:%M:%S %Z %Y"): string {
  const d = new Date(unixMs);
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case "a": return DAYS[d.getUTCDay()]!;
      case "b": return MONTHS[d.getUTCMonth()]!;
      case "e": return pad(d.getUTCDate(), 2, " ");
      case "d": return pad(d.getUTCDate());
      case "m": return pad(d.getUTCMonth() + 1);
      case "Y": return String(d.getUTCFullYear());
      case "H": return pad(d.getUTCHours());
      case "M": return pad(d.getUTCMinutes());
      case "S": return pad(d.getUTCSeconds());
      case "T": return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case "F": return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case "s": return String(Math.floor(unixMs / 1000));
      case "Z": return "UTC";
      case "%": return "%";
      default: return m;
    }
  });
}

const date: Command = (argv, io, ctx) => {
  const fmt = argv.slice(1).find((a) => a.startsWith("+"));
  const iso = argv.includes("-I") || argv.includes("--iso-8601");
  const now = ctx.host.epochMs + ctx.host.now();
  io.out(`${iso ? formatDate(now, "%F") : formatDate(now, fmt?.slice(1))}\n`);
  return done(0);
};

const seq: Command = (argv, io) => {
  const n = argv.slice(1).map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!];
  let out = "";
  for (let v = first, k = 0; step > 0 ? v <= last : v >= last; v += step, k++) {
    if (k > 100_000 || step === 0) break;
    out += `${v}\n`;
  }
  io.out(out);
  return done(0);
};

const expr: Command = (argv, io) => {
  const [a, op, b] = argv.slice(1);
  const x = Number(a), y = Number(b);
  let v: number | string;
  switch (op) {
    case "+": v = x + y; break;
    case "-": v = x - y; break;
    case "*": v = x * y; break;
    case "/": v = y ? Math.trunc(x / y) : 0; break;
    case "%": v = y ? x % y : 0; break;
    case "=": v = a === b ? 1 : 0; break;
    case "<": v = x < y ? 1 : 0; break;
    case ">": v = x > y ? 1 : 0; break;
    default: v = a ?? "";
  }
  io.out(`${v}\n`);
  return done(v === 0 || v === "" ? 1 : 0);
};

const printEnv: Command = (argv, io, ctx) => {
  if (argv[0] === "printenv" && argv[1]) {
    const v = ctx.env[argv[1]];
    if (v === undefined) return done(1);
    io.out(`${v}\n`);
    return done(0);
  }
  io.out(Object.entries(ctx.env).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}\n`).join(""));
  return done(0);
};

/** `env CMD ARGS`: runs a command (usually `/usr/bin/env python3 app.py`); plain `env` prints. */
const env: Command = (argv, io, ctx) => {
  const rest = argv.slice(1).filter((a) => !a.includes("=") && !a.startsWith("-"));
  if (rest.length === 0) return printEnv(argv, io, ctx);
  return ctx.subshell(rest.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" "), [], io);
};

const shCommand: Command = (argv, io, ctx) => {
  const c = argv.indexOf("-c");
  if (c >= 0) {
    const script = argv[c + 1];
    if (script === undefined) { errLine(io, argv[0]!, "-c requires an argument"); return done(2); }
    return ctx.subshell(script, argv.slice(c + 3), io);
  }
  const file = argv.slice(1).find((a) => !a.startsWith("-"));
  if (!file) return done(0);
  const text = ctx.host.fs.read(file);
  if (isFsFail(text)) { errLine(io, argv[0]!, `can't open '${file}': No such file or directory`); return done(2); }
  return ctx.subshell(text, argv.slice(argv.indexOf(file) + 1), io);
};

const constant = (text: string): Command => (_argv, io) => { io.out(text); return done(0); };

export const TEXT_COMMANDS: Record<string, Command> = {
  echo, printf, sleep, test, "[": bracket, "[[": bracket, date, seq, expr, env, printenv: printEnv,
  sh: shCommand, ash: shCommand, bash: shCommand,
  true: () => done(0), ":": () => done(0), false: () => done(1),
  hostname: (_a, io, ctx) => { io.out(`${ctx.host.hostname}\n`); return done(0); },
  whoami: constant("root\n"),
  id: constant("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n"),
  uname: (argv, io, ctx) => { io.out(argv.includes("-a") ? `Linux ${ctx.host.hostname} 6.8.0-51-generic #52-Ubuntu SMP x86_64 GNU/Linux\n` : "Linux\n"); return done(0); },
  basename: (argv, io) => { io.out(`${(argv[1] ?? "").replace(/\/+$/, "").split("/").pop()}\n`); return done(0); },
  dirname: (argv, io) => { const p = (argv[1] ?? "").replace(/\/+$/, ""); const i = p.lastIndexOf("/"); io.out(`${i < 0 ? "." : i === 0 ? "/" : p.slice(0, i)}\n`); return done(0); },
  timeout: (argv, io, ctx) => {
    const limit = parseDuration(argv[1] ?? "");
    const rest = argv.slice(2);
    if (limit === undefined || rest.length === 0) { errLine(io, "timeout", "usage: timeout SECS PROG ARGS"); return done(1); }
    return ctx.subshell(rest.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" "), [], io);
  },
};
