/**
 * The shell interpreter: runs a syntax tree as a generator, so a script's `sleep 30` is a
 * yielded effect that the container process turns into virtual time. Semantics follow busybox
 * ash where tutorials depend on them: `set -e`, traps run between commands (a foreground `sleep`
 * is not interrupted, `wait` is), `exit` in a subshell leaves only the subshell, unknown commands
 * are looked up as programs of the image.
 */
import type { Node, Redir } from "./ast";
import { shellBuiltin } from "./builtins";
import { COMMANDS } from "./commands";
import { expandSync, expandWord } from "./expand";
import { parseScript, ShellSyntaxError } from "./parser";
import {
  ExitSignal, LoopSignal, ReturnSignal, type CommandContext, type Effect, type IO, type Proc, type ShellHost,
} from "./types";
import { FS_ERROR_TEXT, isFsFail } from "../fs";

/** A command loop that neither sleeps nor blocks is given 1 ms per this many commands, so time still moves. */
const BUSY_COMMANDS_PER_MS = 1000;

export class Shell {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  /** Shell functions and traps: shared with builtins.ts. */
  readonly functions = new Map<string, Node>();
  readonly traps = new Map<string, string>();
  private pendingSignals: string[] = [];
  status = 0;
  args: string[] = [];
  errexit = false;
  private conditionDepth = 0;
  private busy = 0;

  constructor(readonly host: ShellHost, env: Readonly<Record<string, string>>, readonly name = "sh") {
    for (const [k, v] of Object.entries(env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  /** A child shell (subshell, background job, `sh -c`): a copy of variables and functions. */
  fork(): Shell {
    const child = new Shell(this.host, {}, this.name);
    for (const [k, v] of this.vars) child.vars.set(k, v);
    for (const k of this.exported) child.exported.add(k);
    for (const [k, v] of this.functions) child.functions.set(k, v);
    for (const [k, v] of this.traps) child.traps.set(k, v);
    child.args = [...this.args];
    child.errexit = this.errexit;
    return child;
  }

  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  /** Delivers a signal: true when a trap will handle it (at the next command boundary). */
  signal(sig: string): boolean {
    const handler = this.traps.get(sig);
    if (handler === undefined) return false;
    if (handler !== "") this.pendingSignals.push(sig);
    return true;
  }

  get hasPendingTrap(): boolean {
    return this.pendingSignals.length > 0;
  }

  /** Runs a whole script; `exit` ends it with its code. */
  *runScript(src: string, io: IO): Proc {
    const tree = parseScript(src);
    if (tree instanceof ShellSyntaxError) {
      io.err(`${this.name}: ${tree.message}\n`);
      return 2;
    }
    try {
      return yield* this.run(tree, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      throw e;
    }
  }

  /**
   * Runs one command line without parsing it (a container's ENTRYPOINT + CMD, an exec probe).
   * `sh -c SCRIPT` runs in this shell itself, so a `trap` it sets is the process's own.
   */
  *exec(argv: string[], io: IO): Proc {
    const base = (argv[0] ?? "").split("/").pop() ?? "";
    const c = argv.indexOf("-c");
    if ((base === "sh" || base === "bash" || base === "ash") && c > 0 && argv[c + 1] !== undefined) {
      this.args = argv.slice(c + 3);
      return (this.status = yield* this.runScript(argv[c + 1]!, io));
    }
    try {
      return (this.status = yield* this.invoke(argv, io, []));
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      throw e;
    }
  }

  private *checkTraps(io: IO): Generator<Effect, void, void> {
    while (this.pendingSignals.length > 0) {
      const sig = this.pendingSignals.shift()!;
      const handler = this.traps.get(sig);
      if (!handler) continue;
      const saved = this.status;
      const tree = parseScript(handler);
      if (!(tree instanceof ShellSyntaxError)) yield* this.run(tree, io);
      this.status = saved;
    }
  }

  *run(node: Node, io: IO): Proc {
    yield* this.checkTraps(io);
    switch (node.t) {
      case "list": {
        for (const item of node.items) {
          if (item.background) {
            const child = this.fork();
            const pid = this.host.background(() => child.runDetached(item.node, io));
            this.vars.set("!", String(pid));
            this.status = 0;
          } else {
            yield* this.run(item.node, io);
          }
          yield* this.checkTraps(io);
        }
        return this.status;
      }
      case "and": case "or": {
        this.conditionDepth++;
        let left: number;
        try { left = yield* this.run(node.left, io); } finally { this.conditionDepth--; }
        if ((node.t === "and") === (left === 0)) return yield* this.run(node.right, io);
        return left;
      }
      case "not": {
        this.conditionDepth++;
        try { this.status = (yield* this.run(node.node, io)) === 0 ? 1 : 0; } finally { this.conditionDepth--; }
        return this.status;
      }
      case "pipe": {
        let stdin: string | undefined = io.stdin;
        for (let i = 0; i < node.cmds.length; i++) {
          const last = i === node.cmds.length - 1;
          let captured = "";
          const stage: IO = last ? { ...io, stdin } : { out: (s) => { captured += s; }, err: io.err, stdin };
          const child = this.fork();
          child.conditionDepth = 1;
          try { this.status = yield* child.run(node.cmds[i]!, stage); } catch (e) {
            if (!(e instanceof ExitSignal)) throw e;
            this.status = e.code;
          }
          stdin = captured;
        }
        return this.status;
      }
      case "if": {
        const redirected = this.redirect(node.redirs, io);
        if (typeof redirected === "number") return (this.status = redirected);
        for (const c of node.clauses) {
          this.conditionDepth++;
          let cond: number;
          try { cond = yield* this.run(c.cond, redirected); } finally { this.conditionDepth--; }
          if (cond === 0) return yield* this.run(c.body, redirected);
        }
        this.status = 0;
        return node.otherwise ? yield* this.run(node.otherwise, redirected) : 0;
      }
      case "loop": return yield* this.loop(node, io);
      case "for": return yield* this.forLoop(node, io);
      case "group": {
        const redirected = this.redirect(node.redirs, io);
        if (typeof redirected === "number") return (this.status = redirected);
        if (!node.subshell) return yield* this.run(node.body, redirected);
        try { this.status = yield* this.fork().run(node.body, redirected); } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
          this.status = e.code;
        }
        return this.status;
      }
      case "func":
        this.functions.set(node.name, node.body);
        return (this.status = 0);
      case "cmd": return yield* this.command(node, io);
    }
  }

  /** A background job: its own exit ends only the job. */
  *runDetached(node: Node, io: IO): Proc {
    try { return yield* this.run(node, io); } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      throw e;
    }
  }

  private *loop(node: Extract<Node, { t: "loop" }>, io: IO): Proc {
    const redirected = this.redirect(node.redirs, io);
    if (typeof redirected === "number") return (this.status = redirected);
    let last = 0;
    for (;;) {
      this.conditionDepth++;
      let cond: number;
      try { cond = yield* this.run(node.cond, redirected); } finally { this.conditionDepth--; }
      if ((cond === 0) === node.until) break;
      const step = yield* this.loopBody(node.body, redirected);
      if (step.stop) { last = step.status; break; }
      last = step.status;
      yield* this.tick();
    }
    return (this.status = last);
  }

  private *forLoop(node: Extract<Node, { t: "for" }>, io: IO): Proc {
    const redirected = this.redirect(node.redirs, io);
    if (typeof redirected === "number") return (this.status = redirected);
    const items: string[] = [];
    if (node.items) for (const w of node.items) items.push(...(yield* expandWord(this, w)));
    else items.push(...this.args);
    let last = 0;
    for (const v of items) {
      this.vars.set(node.name, v);
      const step = yield* this.loopBody(node.body, redirected);
      last = step.status;
      if (step.stop) break;
      yield* this.tick();
    }
    return (this.status = last);
  }

  private *loopBody(body: Node, io: IO): Generator<Effect, { status: number; stop: boolean }, void> {
    try {
      return { status: yield* this.run(body, io), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
      return { status: 0, stop: e.kind === "break" };
    }
  }

  /** Busy loops still advance virtual time a little, so nothing spins forever at one instant. */
  private *tick(): Generator<Effect, void, void> {
    if (++this.busy >= BUSY_COMMANDS_PER_MS) {
      this.busy = 0;
      yield { kind: "sleep", ms: 1 };
    }
  }

  private *command(node: Extract<Node, { t: "cmd" }>, io: IO): Proc {
    const argv: string[] = [];
    for (const w of node.words) argv.push(...(yield* expandWord(this, w)));
    const values: Array<[string, string]> = [];
    for (const a of node.assigns) values.push([a.name, (yield* expandWord(this, a.value, false)).join("")]);
    if (argv.length === 0) {
      for (const [k, v] of values) this.vars.set(k, v);
      const r = this.redirect(node.redirs, io);
      return (this.status = typeof r === "number" ? r : 0);
    }
    const redirected = this.redirect(node.redirs, io);
    if (typeof redirected === "number") return (this.status = redirected);
    const saved = values.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of values) this.vars.set(k, v);
    try {
      this.status = yield* this.invoke(argv, redirected, values);
    } finally {
      for (const [k, v] of saved) if (v === undefined) this.vars.delete(k); else this.vars.set(k, v);
    }
    yield* this.tick();
    if (this.errexit && this.status !== 0 && this.conditionDepth === 0) throw new ExitSignal(this.status);
    return this.status;
  }

  *invoke(argv: string[], io: IO, assigns: Array<[string, string]>): Proc {
    const name = argv[0]!;
    const fn = this.functions.get(name);
    if (fn) {
      const savedArgs = this.args;
      this.args = argv.slice(1);
      try { return yield* this.run(fn, io); } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally { this.args = savedArgs; }
    }
    const builtin = shellBuiltin(this, name, argv, io);
    if (builtin) return yield* builtin;
    const base = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
    const env = { ...this.env(), ...Object.fromEntries(assigns) };
    const cmd = COMMANDS[base];
    if (cmd) return yield* cmd([base, ...argv.slice(1)], io, this.context());
    const program = this.host.program([name, ...argv.slice(1)], io, env);
    if (program) return yield* program;
    if (name.includes("/") && !this.host.fs.exists(name)) {
      io.err(`${this.name}: ${name}: not found\n`);
      return 127;
    }
    this.host.note(`"${argv.join(" ")}" is not simulated; it runs as a long-lived process that does nothing`);
    yield { kind: "block" };
    return 0;
  }

  context(): CommandContext {
    return {
      host: this.host,
      env: this.env(),
      subshell: (script, args, io) => {
        const child = this.fork();
        child.args = args;
        return child.runScript(script, io);
      },
    };
  }

  /** Applies redirections; returns the new IO, or an exit status when a target cannot be opened. */
  redirect(redirs: readonly Redir[], io: IO): IO | number {
    let out = io;
    for (const r of redirs) {
      const target = expandSync(this, r.target).join(" ");
      const fs = this.host.fs;
      if (r.op === ">&") {
        if (target === "1" && r.fd === 2) out = { ...out, err: out.out };
        else if (target === "2" && r.fd === 1) out = { ...out, out: out.err };
        continue;
      }
      if (r.op === "<") {
        const text = fs.read(target);
        if (isFsFail(text)) {
          io.err(`${this.name}: can't open '${target}': ${FS_ERROR_TEXT[text.error]}\n`);
          return 1;
        }
        out = { ...out, stdin: text };
        continue;
      }
      const err = fs.write(target, "", r.op === ">>");
      if (err) {
        io.err(`${this.name}: can't create ${target}: ${FS_ERROR_TEXT[err]}\n`);
        return 1;
      }
      const sink = (s: string) => { fs.write(target, s, true); };
      if (r.fd === -1) out = { ...out, out: sink, err: sink };
      else if (r.fd === 2) out = { ...out, err: sink };
      else out = { ...out, out: sink };
    }
    return out;
  }

}
