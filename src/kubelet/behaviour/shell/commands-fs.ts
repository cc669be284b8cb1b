/**
 * Shell commands on the container's file system (busybox's cat, touch, rm, mkdir, ls, cp, mv,
 * head, tail, wc, grep, tee), with busybox's error wording: the liveness example's probe output
 * "cat: can't open '/tmp/healthy': No such file or directory" comes from here.
 */
import { FS_ERROR_TEXT, isFsFail, type FileSystem } from "../fs";
import { errLine, type Command, type Effect, type IO, type Proc } from "./types";

const done = (code: number): Proc => (function* () { return code; })();

/** Splits "-rf" style flags from operands ("--" ends flags). */
function flags(argv: string[]): { set: Set<string>; operands: string[]; values: Map<string, string> } {
  const set = new Set<string>();
  const operands: string[] = [];
  const values = new Map<string, string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") { i++; break; }
    if (/^-n$|^-c$/.test(a) && argv[i + 1] !== undefined) { values.set(a, argv[++i]!); continue; }
    if (/^-[A-Za-z]+$/.test(a)) { for (const c of a.slice(1)) set.add(c); continue; }
    if (/^-\d+$/.test(a)) { values.set("-n", a.slice(1)); continue; }
    operands.push(a);
  }
  operands.push(...argv.slice(i));
  return { set, operands, values };
}

function readAll(cmd: string, fs: FileSystem, files: string[], io: IO): { text: string; failed: boolean } {
  if (files.length === 0) return { text: io.stdin ?? "", failed: false };
  let text = "";
  let failed = false;
  for (const f of files) {
    if (f === "-") { text += io.stdin ?? ""; continue; }
    const t = fs.read(f);
    if (isFsFail(t)) {
      errLine(io, cmd, t.error === "EISDIR" ? `read error: ${FS_ERROR_TEXT.EISDIR}` : `can't open '${f}': ${FS_ERROR_TEXT[t.error]}`);
      failed = true;
    } else text += t;
  }
  return { text, failed };
}

const cat: Command = (argv, io, ctx) => {
  const { operands } = flags(argv);
  const r = readAll("cat", ctx.host.fs, operands, io);
  io.out(r.text);
  return done(r.failed ? 1 : 0);
};

const touch: Command = (argv, io, ctx) => {
  let code = 0;
  for (const f of flags(argv).operands) {
    if (ctx.host.fs.exists(f)) continue;
    const err = ctx.host.fs.write(f, "");
    if (err) { errLine(io, "touch", `${f}: ${FS_ERROR_TEXT[err]}`); code = 1; }
  }
  return done(code);
};

const rm: Command = (argv, io, ctx) => {
  const { set, operands } = flags(argv);
  let code = 0;
  for (const f of operands) {
    const err = ctx.host.fs.remove(f, set.has("r") || set.has("R"));
    if (err === "ENOENT" && set.has("f")) continue;
    if (err) { errLine(io, "rm", err === "EISDIR" ? `'${f}' is a directory` : `can't remove '${f}': ${FS_ERROR_TEXT[err]}`); code = 1; }
  }
  return done(code);
};

const mkdir: Command = (argv, io, ctx) => {
  const { set, operands } = flags(argv);
  let code = 0;
  for (const d of operands) {
    const err = ctx.host.fs.mkdir(d, set.has("p"));
    if (err) { errLine(io, "mkdir", `can't create directory '${d}': ${FS_ERROR_TEXT[err]}`); code = 1; }
  }
  return done(code);
};

const ls: Command = (argv, io, ctx) => {
  const { set, operands } = flags(argv);
  let code = 0;
  const targets = operands.length ? operands : ["."];
  for (const t of targets) {
    const names = ctx.host.fs.list(t);
    if (isFsFail(names)) { errLine(io, "ls", `${t}: ${FS_ERROR_TEXT[names.error]}`); code = 1; continue; }
    if (targets.length > 1) io.out(`${t}:\n`);
    const shown = set.has("a") ? [".", "..", ...names] : names.filter((n) => !n.startsWith("."));
    io.out(shown.map((n) => `${n}\n`).join(""));
  }
  return done(code);
};

const cp: Command = (argv, io, ctx) => {
  const { operands, set } = flags(argv);
  if (operands.length < 2) { errLine(io, argv[0]!, "missing file operand"); return done(1); }
  const dest = operands[operands.length - 1]!;
  const fs = ctx.host.fs;
  let code = 0;
  for (const src of operands.slice(0, -1)) {
    const text = fs.read(src);
    if (isFsFail(text)) { errLine(io, argv[0]!, `can't stat '${src}': ${FS_ERROR_TEXT[text.error]}`); code = 1; continue; }
    const target = fs.isDir(dest) ? `${dest}/${src.split("/").pop()}` : dest;
    const err = fs.write(target, text);
    if (err) { errLine(io, argv[0]!, `can't create '${target}': ${FS_ERROR_TEXT[err]}`); code = 1; continue; }
    if (argv[0] === "mv") fs.remove(src, set.has("r"));
  }
  return done(code);
};

function lines(text: string): string[] {
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

const head: Command = (argv, io, ctx) => {
  const { operands, values } = flags(argv);
  const n = Number(values.get("-n") ?? 10);
  const r = readAll("head", ctx.host.fs, operands, io);
  io.out(lines(r.text).slice(0, n).map((l) => `${l}\n`).join(""));
  return done(r.failed ? 1 : 0);
};

/** tail, and `tail -f` which follows a file forever (polling each second, as inotify-less busybox does). */
const tail: Command = (argv, io, ctx) => (function* () {
  const { operands, values, set } = flags(argv);
  const n = Number((values.get("-n") ?? "10").replace(/^\+/, ""));
  const fs = ctx.host.fs;
  const follow = set.has("f") || set.has("F");
  if (!follow) {
    const r = readAll("tail", fs, operands, io);
    io.out(lines(r.text).slice(-n).map((l) => `${l}\n`).join(""));
    return r.failed ? 1 : 0;
  }
  const file = operands[0];
  if (file === undefined || file === "/dev/null") {
    yield { kind: "block" } as Effect;
    return 0;
  }
  let seen = 0;
  let first = true;
  for (;;) {
    const t = fs.read(file);
    if (!isFsFail(t)) {
      if (first) {
        const ls = lines(t).slice(-n);
        io.out(ls.map((l) => `${l}\n`).join(""));
      } else if (t.length > seen) io.out(t.slice(seen));
      seen = t.length;
    } else if (first) {
      errLine(io, "tail", `can't open '${file}': ${FS_ERROR_TEXT[t.error]}`);
    }
    first = false;
    yield { kind: "sleep", ms: 1000 } as Effect;
  }
})();

const wc: Command = (argv, io, ctx) => {
  const { operands, set } = flags(argv);
  const r = readAll("wc", ctx.host.fs, operands, io);
  const l = (r.text.match(/\n/g) ?? []).length;
  const w = r.text.split(/\s+/).filter(Boolean).length;
  const c = r.text.length;
  const cols = set.size === 0 ? [l, w, c] : [...(set.has("l") ? [l] : []), ...(set.has("w") ? [w] : []), ...(set.has("c") ? [c] : [])];
  io.out(`${cols.join(" ")}${operands[0] ? ` ${operands[0]}` : ""}\n`);
  return done(r.failed ? 1 : 0);
};

const grep: Command = (argv, io, ctx) => {
  const { set, operands } = flags(argv);
  const pattern = operands.shift();
  if (pattern === undefined) { errLine(io, "grep", "usage: grep [-qvcieF] PATTERN [FILE]..."); return done(2); }
  let re: RegExp;
  try {
    re = new RegExp(set.has("F") ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern, set.has("i") ? "i" : "");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  const r = readAll("grep", ctx.host.fs, operands, io);
  const hits = lines(r.text).filter((l) => re.test(l) !== set.has("v"));
  if (!set.has("q")) io.out(set.has("c") ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join(""));
  return done(r.failed ? 2 : hits.length > 0 ? 0 : 1);
};

const tee: Command = (argv, io, ctx) => {
  const { set, operands } = flags(argv);
  const text = io.stdin ?? "";
  for (const f of operands) ctx.host.fs.write(f, text, set.has("a"));
  io.out(text);
  return done(0);
};

export const FS_COMMANDS: Record<string, Command> = { cat, touch, rm, mkdir, ls, cp, mv: cp, head, tail, wc, grep, tee };
