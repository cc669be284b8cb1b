/**
 * The kubectl command registry and runner: a command line is tokenized, the verb looked up by
 * name or alias, and the command run against a host. The CLI, the web console and the Scenario's
 * `kubectl:` actions all go through runKubectl; new verbs register here.
 */
import { annotateCommand } from "./annotate";
import { applyCommand } from "./apply";
import { cordonCmd, uncordonCmd } from "./cordon";
import { createCommand } from "./create";
import { deleteCommand } from "./delete";
import { describeCommand } from "./describe";
import { drainCommand } from "./drain";
import { execCommand } from "./exec";
import { exposeCommand } from "./expose";
import { getCommand } from "./get";
import { labelCommand } from "./label";
import { logsCommand } from "./logs";
import { runCommand } from "./run";
import { taintCommand } from "./taint";
import { topCommand } from "./top";
import { rolloutCommand } from "./rollout";
import { scaleCommand } from "./scale";
import { setCommand } from "./set";
import { tokenize } from "./tokenize";
import { fail, type CommandResult, type CommandStream, type KubectlCommand, type KubectlHost } from "./types";

export class CommandRegistry {
  private readonly byName = new Map<string, KubectlCommand>();

  constructor(commands: readonly KubectlCommand[] = []) {
    for (const c of commands) this.register(c);
  }

  /** Adds a command; a verb or alias registered twice is a bug. */
  register(cmd: KubectlCommand): this {
    for (const n of [cmd.name, ...(cmd.aliases ?? [])]) {
      if (this.byName.has(n)) throw new Error(`kubectl command "${n}" registered twice`);
      this.byName.set(n, cmd);
    }
    return this;
  }

  get(name: string): KubectlCommand | undefined {
    return this.byName.get(name);
  }

  /** The registered commands, each once, by name. */
  commands(): KubectlCommand[] {
    return [...new Set(this.byName.values())].sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}

/** The verbs the engine answers today. */
export const defaultRegistry = new CommandRegistry([
  annotateCommand, applyCommand, cordonCmd, createCommand, deleteCommand, describeCommand, drainCommand, execCommand,
  exposeCommand, getCommand, labelCommand, logsCommand, rolloutCommand, runCommand, scaleCommand, setCommand,
  taintCommand, topCommand, uncordonCmd,
]);

export interface RunOptions {
  /** Text given on standard input (`apply -f -`). */
  stdin?: string;
  registry?: CommandRegistry;
  /** The caller streams `get -w` / `logs -f` (see openKubectlStream). */
  streaming?: boolean;
}

/** Runs one kubectl command line ("scale deploy web --replicas=5"; a leading "kubectl" is optional). */
export function runKubectl(host: KubectlHost, line: string, opts: RunOptions = {}): CommandResult {
  const tok = tokenize(line);
  if (!tok.ok) return fail(tok.error);
  const argv = tok.argv[0] === "kubectl" ? tok.argv.slice(1) : tok.argv;
  const [verb, ...args] = argv;
  const registry = opts.registry ?? defaultRegistry;
  if (verb === undefined) {
    const list = registry.commands().map((c) => `  ${c.name.padEnd(12)}${c.short}`).join("\n");
    return fail(`no command given. Commands kubeplay answers:\n${list}`);
  }
  const cmd = registry.get(verb);
  if (!cmd) return fail(`unknown command "${verb}" for "kubectl"`);
  return cmd.run(args, { host, path: `kubectl ${verb}`, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}), ...(opts.streaming ? { streaming: true } : {}) });
}

/** The stream a following command line (get -w, logs -f) goes on with, if it follows. */
export function openKubectlStream(host: KubectlHost, line: string, opts: Pick<RunOptions, "registry"> = {}): CommandStream | undefined {
  const tok = tokenize(line);
  if (!tok.ok) return undefined;
  const argv = tok.argv[0] === "kubectl" ? tok.argv.slice(1) : tok.argv;
  const [verb, ...args] = argv;
  const cmd = verb === undefined ? undefined : (opts.registry ?? defaultRegistry).get(verb);
  return cmd?.stream?.(args, { host, path: `kubectl ${verb}`, streaming: true });
}
