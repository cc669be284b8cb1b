/**
 * The contract of a kubectl command: a small object registered by its verb, given argv (after the
 * verb) and a host, returning what kubectl would print and its exit code. Commands read and write
 * the object store like any API client; they never reach into components.
 */
import type { ObjectStore } from "../../api/store";
import type { Millis } from "../../clock/time";
import type { ApplyOutcome } from "../../sim/actions";
import type { LogRequest, LogResult } from "../../kubelet/logs";

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What commands need from the engine hosting them (a Simulation). */
export interface KubectlHost {
  readonly store: ObjectStore;
  /** Current virtual time (ms since the scenario started). */
  now(): Millis;
  /** RFC 3339 timestamp of a virtual instant. */
  timestamp(t: Millis): string;
  /** `kubectl apply -f -` of a manifest stream. */
  apply(text: string): { errors: Array<{ message: string }>; applied: ApplyOutcome[] };
  /** What the API server proxies to the kubelets (logs, exec, metrics); absent without kubelets. */
  readonly nodes?: NodeProxy;
  /**
   * Runs `run` after `delayMs` of virtual time: a command that goes on waiting in the cluster's
   * time, as `kubectl drain` retrying a refused eviction every 5 s. Absent where time does not run.
   */
  after?(delayMs: number, label: string, run: () => void): void;
}

/** `kubectl exec`: a command run to completion in a running container's shell. */
export interface ExecRequest {
  namespace: string;
  pod: string;
  container: string;
  argv: readonly string[];
}

export type ExecResult =
  | { ok: true; exitCode: number; output: string; timedOut: boolean }
  /** The kubelet refused (no such running container): kubectl's whole error line. */
  | { ok: false; message: string };

/** One container's usage as the metrics API (metrics.k8s.io PodMetrics) reports it. */
export interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

/** A node's usage as the metrics API (metrics.k8s.io NodeMetrics) reports it. */
export interface NodeUsage {
  cpuMilli: number;
  memoryBytes: number;
}

export interface NodeProxy {
  logs(req: LogRequest): LogResult;
  exec(req: ExecRequest): ExecResult;
  /**
   * The metrics API, pods: a running pod's per-container usage; undefined when metrics-server has
   * none for it (its kubelet cannot be scraped). Absent when no metrics API is served.
   */
  usage?(namespace: string, pod: string): readonly ContainerUsage[] | undefined;
  /** The metrics API, nodes (NodeMetrics); undefined for a node whose kubelet cannot be scraped. */
  nodeUsage?(node: string): NodeUsage | undefined;
}

export interface CommandContext {
  readonly host: KubectlHost;
  /** Text given as standard input (`apply -f -`). */
  readonly stdin?: string;
  /** "kubectl rollout status": how usage errors name the command. */
  readonly path: string;
  /** The caller streams what `get -w` and `logs -f` print next (the playground's console): no note that it will not. */
  readonly streaming?: boolean;
}

/**
 * What a following command (`get -w`, `logs -f`) prints after its first answer, read as the
 * cluster moves on. `poll` returns the new output; `ended` says the stream is over (a followed
 * container exited) and why, after its last output.
 */
export interface CommandStream {
  poll(): { stdout: string; ended?: string };
  close(): void;
}

export interface KubectlCommand {
  /** The verb as typed: "scale", "rollout", "set", "delete", "apply", later "get", "describe", "logs". */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One line for help listings. */
  readonly short: string;
  run(args: readonly string[], ctx: CommandContext): CommandResult;
  /** The stream the command goes on with after `run` (get -w, logs -f), when it follows. */
  stream?(args: readonly string[], ctx: CommandContext): CommandStream | undefined;
}

export const ok = (stdout: string, stderr = ""): CommandResult => ({ stdout, stderr, exitCode: 0 });

/** An error as kubectl prints it: "error: …" unless the message is already a server error. */
export function fail(message: string, stdout = ""): CommandResult {
  const msg = message.startsWith("error: ") || message.startsWith("Error from server") ? message : `error: ${message}`;
  return { stdout, stderr: msg.endsWith("\n") ? msg : `${msg}\n`, exitCode: 1 };
}

/** cmdutil.UsageErrorf: the message, then where to look for help. */
export const usageError = (ctx: CommandContext, message: string): CommandResult =>
  fail(`${message}\nSee '${ctx.path} -h' for help and examples`);
