/**
 * What the shell interpreter and its commands share: the effects a running command yields to
 * the process that drives it (virtual time passes only through them), the I/O of a command,
 * and what a command may ask of its container (file system, network, clock, programs).
 */
import type { FileSystem } from "../fs";
import type { NetClient } from "../net-types";

/**
 * An effect a command yields: `sleep` resumes after that much virtual time; `block` never
 * resumes (a server's main loop; only a signal ends it); `wait` resumes when the background
 * jobs have finished or a trapped signal arrives.
 */
export type Effect = { kind: "sleep"; ms: number } | { kind: "block" } | { kind: "wait" };

/** A running command: yields effects, returns its exit status. */
export type Proc = Generator<Effect, number, void>;

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, when a pipe or redirection provides it. */
  stdin?: string;
}

/** What the container gives the shell. */
export interface ShellHost {
  readonly fs: FileSystem;
  readonly net: NetClient;
  readonly hostname: string;
  /** Virtual ms since the scenario started. */
  now(): number;
  /** Unix ms of virtual time 0 (for `date`). */
  readonly epochMs: number;
  /**
   * A program that is not a shell command (a server, a workload): its process body, or undefined
   * when the name is not a known program.
   */
  program(argv: string[], io: IO, env: Readonly<Record<string, string>>): Proc | undefined;
  /** Starts `job` as a background job of this process; returns its pid. */
  background(job: () => Proc): number;
  /** True while some background job is still running. */
  hasBackgroundJobs(): boolean;
  /** A line the playground itself adds to the container's log (prefixed "kubeplay:"). */
  note(text: string): void;
}

/** A command as the interpreter calls it. */
export type Command = (argv: string[], io: IO, ctx: CommandContext) => Proc;

export interface CommandContext {
  readonly host: ShellHost;
  /** The shell's variables (for env, printenv). */
  readonly env: Readonly<Record<string, string>>;
  /** Runs a nested script (sh -c) in a child shell sharing the file system. */
  subshell(script: string, args: string[], io: IO): Proc;
}

/** Control flow that unwinds through generator frames. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(readonly kind: "break" | "continue", readonly levels: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** Busybox's "<cmd>: <detail>" error line. */
export function errLine(io: IO, cmd: string, detail: string): void {
  io.err(`${cmd}: ${detail}\n`);
}
