/**
 * A simulated container's process: the main program (a shell script, a known server, or an
 * unknown application) run on virtual time, its background jobs, what it listens on, how much
 * memory it holds, and how it reacts to signals. The `sim.kubeplay.dev/*` annotations overlay it:
 * start-up time, a hang, a readiness window, a planned exit, a memory curve (OOMKilled at the
 * limit), the CPU it uses and the time SIGTERM takes.
 *
 * Signals follow Linux PID 1 rules: a process without a handler ignores SIGTERM (a `sh -c` script
 * without `trap`, `sleep 3600`), so the kubelet's SIGKILL ends it after the grace period; servers
 * (nginx, redis, …) exit on SIGTERM; SIGKILL always ends the process with 137.
 */
import type { Timer } from "../../clock/clock";
import { memoryAt, timeToReach, type ContainerSim } from "./annotations";
import type { FileSystem } from "./fs";
import type { HttpRequest, HttpResult, Listener, NetClient, TcpResult } from "./net-types";
import { knownProgram, unknownProgram, type ProgramApi, type Server } from "./programs";
import { Shell } from "./shell/interp";
import type { Effect, IO, Proc, ShellHost } from "./shell/types";

export type ExitReason = "Completed" | "Error" | "OOMKilled";

export interface ProcessSpec {
  /** The command line: container command + args, or the image's ENTRYPOINT + CMD. */
  argv: string[];
  env: Readonly<Record<string, string>>;
  hostname: string;
  podIP: string;
  declaredPorts: readonly number[];
  sim: ContainerSim;
  /** The container's memory limit in bytes (OOMKilled when the process passes it). */
  memoryLimit?: number;
  /** The container's CPU limit in millicores (the CFS quota: the process is throttled to it). */
  cpuLimitMilli?: number;
  /**
   * Whether the registry knows the image's contents. In a known image (busybox, nginx) a path
   * that is not in the file system is "not found"; an unknown image may hold any binary.
   */
  imageKnown?: boolean;
}

export interface ProcessHooks {
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  readonly epochMs: number;
  readonly fs: FileSystem;
  readonly net: NetClient;
  /** Output of the process (stdout and stderr interleaved, as the container log keeps it). */
  write(text: string): void;
  exited(code: number, reason: ExitReason): void;
  /** Whether another container of the pod accepts on a port (localhost). */
  peerOpen(port: number): boolean;
  peerGrpc(port: number): boolean;
}

/** What a process holds before its program says otherwise. */
const IDLE_MEMORY = 1024 * 1024;
const PAGE = 4096;
/** The window `cpu: 5m/rps` counts requests over: requests per second are the last second's. */
const RATE_WINDOW_MS = 1000;

interface Thread {
  gen: Proc;
  timer?: Timer;
  waiting: boolean;
  done: boolean;
}

export class ContainerProcess implements Listener {
  private readonly startedAt: number;
  private readonly threads: Thread[] = [];
  private readonly servers = new Map<number, { server: Server; from: number }>();
  private readonly timers: Timer[] = [];
  private readonly shell: Shell;
  private memory = IDLE_MEMORY;
  /** When the process answered HTTP requests (probes excluded), the last RATE_WINDOW_MS's. */
  private readonly answered: number[] = [];
  private termCode: number | undefined;
  private alive = true;
  private nextPid = 2;

  constructor(private readonly spec: ProcessSpec, private readonly hooks: ProcessHooks) {
    this.startedAt = hooks.now();
    this.shell = new Shell(this.shellHost(false), spec.env, "sh");
  }

  get running(): boolean {
    return this.alive;
  }

  /** Starts the main program and the annotation timers. */
  start(): void {
    const sim = this.spec.sim;
    if (sim.exit) this.timer(sim.exit.atMs, "exit", () => this.exit(sim.exit!.code));
    this.spawn(this.main(), true);
    this.scheduleOom();
  }

  private *main(): Proc {
    const io = this.io();
    const argv = this.spec.argv;
    if (argv.length === 0) return 0;
    return yield* this.shell.exec(argv, io);
  }

  private io(): IO {
    return { out: (s) => this.hooks.write(s), err: (s) => this.hooks.write(s) };
  }

  private timer(ms: number, label: string, run: () => void): void {
    this.timers.push(this.hooks.after(ms, label, () => { if (this.alive) run(); }));
  }

  private spawn(gen: Proc, main: boolean): Thread {
    const t: Thread = { gen, waiting: false, done: false };
    this.threads.push(t);
    this.resume(t, main);
    return t;
  }

  /** Runs a thread until it yields a time effect, blocks, or ends. */
  private resume(t: Thread, main: boolean): void {
    if (!this.alive || t.done) return;
    t.waiting = false;
    for (;;) {
      let r: IteratorResult<Effect, number>;
      try { r = t.gen.next(); } catch (e) {
        if (e instanceof Error) throw e;
        r = { done: true, value: 1 };
      }
      if (!this.alive) return;
      if (r.done) {
        t.done = true;
        if (main) this.exit(r.value);
        else this.wakeWaiters();
        return;
      }
      const eff = r.value;
      if (eff.kind === "sleep") {
        t.timer = this.hooks.after(eff.ms, "process sleep", () => this.resume(t, main));
        this.timers.push(t.timer);
        return;
      }
      if (eff.kind === "block") return;
      if (!this.hasJobs() && !this.shell.hasPendingTrap) continue;
      t.waiting = true;
      return;
    }
  }

  private hasJobs(): boolean {
    return this.threads.some((t, i) => i > 0 && !t.done);
  }

  private wakeWaiters(): void {
    const main = this.threads[0];
    if (main?.waiting) this.resume(main, true);
  }

  private exit(code: number, reason?: ExitReason): void {
    if (!this.alive) return;
    this.alive = false;
    for (const t of this.timers) t.cancel();
    this.servers.clear();
    this.hooks.exited(code, reason ?? (code === 0 ? "Completed" : "Error"));
  }

  /** SIGTERM or SIGKILL from the kubelet. */
  signal(sig: "TERM" | "KILL"): void {
    if (!this.alive) return;
    if (sig === "KILL") return this.exit(137);
    const shutdown = this.spec.sim.shutdown;
    if (shutdown !== undefined) {
      if (shutdown !== "never") this.timer(shutdown, "shutdown", () => this.exit(this.termCode ?? 143));
      return;
    }
    if (this.shell.signal("TERM")) {
      this.wakeWaiters();
      return;
    }
    if (this.termCode !== undefined) this.exit(this.termCode);
  }

  /** Memory in use now (the working set: whole 4 KiB pages). */
  memoryBytes(): number {
    const curve = this.spec.sim.memory;
    const bytes = curve ? memoryAt(curve, this.hooks.now() - this.startedAt) : this.memory;
    return Math.ceil(bytes / PAGE) * PAGE;
  }

  /**
   * CPU in use now, in millicores: the `cpu` annotation's steady use, or its use per request
   * times the HTTP requests answered in the last second (the kubelet's probes are not traffic);
   * throttled to the CPU limit. Without the annotation nothing is modelled: 0.
   */
  cpuMilli(): number {
    const use = this.spec.sim.cpu;
    let milli = 0;
    if (use) {
      switch (use.kind) {
        case "steady": milli = use.milli; break;
        case "perRps": milli = Math.ceil(use.milli * this.requestsInWindow()); break;
        default: { const never: never = use; throw new Error(`unknown cpu use ${String(never)}`); }
      }
    }
    const limit = this.spec.cpuLimitMilli;
    return limit === undefined ? milli : Math.min(milli, limit);
  }

  private requestsInWindow(): number {
    const since = this.hooks.now() - RATE_WINDOW_MS;
    let stale = 0;
    while (stale < this.answered.length && this.answered[stale]! <= since) stale++;
    this.answered.splice(0, stale);
    return this.answered.length;
  }

  private scheduleOom(): void {
    const limit = this.spec.memoryLimit;
    if (!limit || !this.alive) return;
    const curve = this.spec.sim.memory;
    if (!curve) {
      if (this.memory > limit) this.exit(137, "OOMKilled");
      return;
    }
    const at = timeToReach(curve, limit + 1);
    if (at === undefined) return;
    const delay = at - (this.hooks.now() - this.startedAt);
    if (delay <= 0) this.exit(137, "OOMKilled");
    else this.timer(delay, "oom", () => this.exit(137, "OOMKilled"));
  }

  private serving(port: number): { server: Server } | "refused" | "hung" {
    const s = this.servers.get(port);
    const now = this.hooks.now();
    if (!this.alive || !s || now < s.from) return "refused";
    const sim = this.spec.sim;
    if (sim.startupMs !== undefined && now - this.startedAt < sim.startupMs) return "refused";
    if (sim.unhealthyAfterMs !== undefined && now - this.startedAt >= sim.unhealthyAfterMs) return "hung";
    return s;
  }

  private unreadyNow(probe: HttpRequest["probe"]): boolean {
    const w = this.spec.sim.unreadyBetween;
    if (probe !== "readiness" || !w) return false;
    const t = this.hooks.now() - this.startedAt;
    return t >= w.fromMs && t < w.toMs;
  }

  /** Whether the readiness annotation window makes a readiness check fail now. */
  readinessBlocked(): boolean {
    return this.alive && this.unreadyNow("readiness");
  }

  http(req: HttpRequest): HttpResult {
    const s = this.serving(req.port);
    if (s === "refused") return { kind: "refused" };
    if (s === "hung") return { kind: "timeout" };
    if (!s.server.http) return { kind: "malformed", text: s.server.banner ?? "" };
    if (this.unreadyNow(req.probe)) return { kind: "response", status: 503, body: "not ready" };
    if (!req.probe) {
      this.requestsInWindow();
      this.answered.push(this.hooks.now());
    }
    return { kind: "response", ...s.server.http(req) };
  }

  tcp(port: number): TcpResult {
    const s = this.serving(port);
    return s === "refused" ? "refused" : "open";
  }

  grpc(port: number, _service: string | undefined, probe?: HttpRequest["probe"]): "SERVING" | "NOT_SERVING" | "refused" | "timeout" {
    const s = this.serving(port);
    if (s === "refused") return "refused";
    if (s === "hung" || !s.server.grpc) return "timeout";
    return this.unreadyNow(probe) ? "NOT_SERVING" : "SERVING";
  }

  /**
   * Runs a command in the container (exec probe, kubectl exec) to completion, synchronously:
   * its sleeps count against `timeoutMs`; a command that blocks or outlasts it times out.
   */
  exec(argv: string[], timeoutMs: number): { code: number; output: string; timedOut: boolean; elapsedMs: number } {
    let output = "";
    const sh = new Shell(this.shellHost(true), this.shell.env(), "sh");
    const gen = sh.exec(argv, { out: (s) => { output += s; }, err: (s) => { output += s; } });
    let elapsed = 0;
    for (let steps = 0; steps < 100_000; steps++) {
      const r = gen.next();
      if (r.done) return { code: r.value, output, timedOut: false, elapsedMs: elapsed };
      const eff = r.value;
      if (eff.kind === "block") break;
      if (eff.kind === "sleep") {
        elapsed += eff.ms;
        if (elapsed > timeoutMs) break;
      }
    }
    return { code: -1, output, timedOut: true, elapsedMs: timeoutMs };
  }

  private programApi(inExec: boolean): ProgramApi {
    const self = this;
    return {
      hostname: this.spec.hostname,
      podIP: this.spec.podIP,
      fs: this.hooks.fs,
      epochMs: this.hooks.epochMs,
      declaredPorts: this.spec.declaredPorts,
      inExec,
      now: () => this.hooks.now(),
      uptime: () => this.hooks.now() - this.startedAt,
      listen(port, server, delayMs = 0) {
        if (inExec) return;
        self.servers.set(port, { server, from: self.hooks.now() + delayMs });
      },
      setMemory(bytes) {
        if (inExec) return;
        self.memory = bytes;
        self.scheduleOom();
      },
      onTerm(code) { if (!inExec) self.termCode = code; },
      localOpen: (port) => this.tcp(port) === "open" || this.hooks.peerOpen(port),
      localGrpc: (port) => this.grpc(port, undefined) === "SERVING" || this.hooks.peerGrpc(port),
    };
  }

  private shellHost(inExec: boolean): ShellHost {
    const api = this.programApi(inExec);
    return {
      fs: this.hooks.fs,
      net: this.hooks.net,
      hostname: this.spec.hostname,
      epochMs: this.hooks.epochMs,
      now: () => this.hooks.now(),
      program: (argv, io, env) => {
        const known = knownProgram(argv, io, env, api);
        if (known) return known;
        if (this.spec.imageKnown && argv[0]!.includes("/") && !this.hooks.fs.exists(argv[0]!)) return undefined;
        // An exec probe running a tool the simulation does not know is taken as healthy.
        if (inExec) return (function* () { return 0; })();
        return unknownProgram(argv, api, (t) => this.note(t));
      },
      background: (job) => {
        if (inExec) return 0;
        this.spawn(job(), false);
        return this.nextPid++;
      },
      hasBackgroundJobs: () => this.hasJobs(),
      note: (t) => { if (!inExec) this.note(t); },
    };
  }

  private note(text: string): void {
    this.hooks.write(`kubeplay: ${text}\n`);
  }
}
