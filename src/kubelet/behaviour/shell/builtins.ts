/**
 * The shell's builtins: the commands that change the shell itself (exit, cd, export, set -e,
 * trap, wait, eval, exec, ., read, …), as busybox ash implements them.
 */
import { isFsFail } from "../fs";
import type { Shell } from "./interp";
import { parseScript, ShellSyntaxError } from "./parser";
import { ExitSignal, LoopSignal, ReturnSignal, type Effect, type IO, type Proc } from "./types";

/** The builtin `name`, or undefined when it is not one. */
export function shellBuiltin(sh: Shell, name: string, argv: string[], io: IO): Proc | undefined {
  const code = (n: number): Proc => (function* () { return n; })();
  switch (name) {
    case "exit": throw new ExitSignal(argv[1] !== undefined ? (Number(argv[1]) & 255) || 0 : sh.status);
    case "return": throw new ReturnSignal(argv[1] !== undefined ? Number(argv[1]) || 0 : sh.status);
    case "break": case "continue": throw new LoopSignal(name, Math.max(1, Number(argv[1] ?? 1) || 1));
    case "cd": {
      const dir = sh.host.fs.resolve(argv[1] ?? "/root");
      if (!sh.host.fs.isDir(dir)) {
        io.err(`${sh.name}: cd: can't cd to ${argv[1]}: No such file or directory\n`);
        return code(2);
      }
      sh.host.fs.cwd = dir;
      return code(0);
    }
    case "export": case "readonly": case "local":
      for (const a of argv.slice(1)) {
        const eq = a.indexOf("=");
        const k = eq < 0 ? a : a.slice(0, eq);
        if (eq >= 0) sh.vars.set(k, a.slice(eq + 1));
        if (name === "export") sh.exported.add(k);
      }
      return code(0);
    case "unset":
      for (const a of argv.slice(1)) if (a !== "-v" && a !== "-f") { sh.vars.delete(a); sh.functions.delete(a); }
      return code(0);
    case "set":
      for (const a of argv.slice(1)) {
        if (/^-[a-z]*e/.test(a)) sh.errexit = true;
        if (/^\+[a-z]*e/.test(a)) sh.errexit = false;
      }
      if (argv[1] === "--") sh.args = argv.slice(2);
      return code(0);
    case "shift":
      sh.args = sh.args.slice(Number(argv[1] ?? 1) || 1);
      return code(0);
    case "trap": {
      const sigs = argv.slice(2).map((s) => s.replace(/^SIG/, "").toUpperCase()).map((s) => (s === "15" ? "TERM" : s === "2" ? "INT" : s));
      for (const s of sigs) {
        if (argv[1] === "-") sh.traps.delete(s);
        else sh.traps.set(s, argv[1] ?? "");
      }
      return code(0);
    }
    case "wait":
      return (function* () {
        while (sh.host.hasBackgroundJobs() && !sh.hasPendingTrap) yield { kind: "wait" } as Effect;
        return 0;
      })();
    case "eval": return sh.runScript(argv.slice(1).join(" "), io);
    case "exec": {
      if (argv.length === 1) return code(0);
      return (function* () { throw new ExitSignal(yield* sh.invoke(argv.slice(1), io, [])); })();
    }
    case ".": case "source": {
      const text = sh.host.fs.read(argv[1] ?? "");
      if (isFsFail(text)) {
        io.err(`${sh.name}: .: can't open '${argv[1] ?? ""}'\n`);
        return code(2);
      }
      return (function* () {
        const tree = parseScript(text);
        if (tree instanceof ShellSyntaxError) { io.err(`${sh.name}: ${tree.message}\n`); return 2; }
        return yield* sh.run(tree, io);
      })();
    }
    case "read": {
      const line = (io.stdin ?? "").split("\n")[0] ?? "";
      const names = argv.slice(1).filter((a) => !a.startsWith("-"));
      const fields = line.trim().split(/\s+/);
      names.forEach((n, i) => sh.vars.set(n, i === names.length - 1 ? fields.slice(i).join(" ") : fields[i] ?? ""));
      return code(io.stdin ? 0 : 1);
    }
    default: return undefined;
  }
}
