/**
 * The `kubeplay` command: the engine, headless.
 *
 *   kubeplay run FILE… [--until 10m] [--seed N] [-o json|table]
 *   kubeplay explain FILE… --pod NAME [-n NS] [-o json|table]
 *   kubeplay get KIND[,KIND…] FILE… [--at 90s] [--seed N] [-n NS | -A] [-o wide|yaml|json|name]
 *
 * Exit codes: 0 success, 1 scenario or usage errors (printed on stderr), 2 the engine cannot answer.
 */
import { parseArgs } from "node:util";
import { runCommand, getCommand, explainCommand, type CommandOutput } from "./commands";

const USAGE = `kubeplay: a simulated Kubernetes cluster, headless.

Usage:
  kubeplay run FILE... [--until 10m] [--seed N] [-o json|table]
      Run a scenario to a virtual time; print the final objects and the event log.
  kubeplay explain FILE... --pod NAME [-n NAMESPACE] [-o json|table]
      Show one scheduling cycle for a pod: every node's verdict and every plugin's score.
  kubeplay get KIND[,KIND...] FILE... [--at 90s] [--seed N] [-n NAMESPACE | -A] [-o wide|yaml|json|name]
      Print what 'kubectl get' would print at a virtual time.

Times are durations of virtual time: 90s, 2m, 1h30m.
`;

export function main(argv: string[]): CommandOutput {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    return { stdout: USAGE, stderr: "", exitCode: command ? 0 : 1 };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        until: { type: "string" },
        at: { type: "string" },
        seed: { type: "string" },
        output: { type: "string", short: "o" },
        pod: { type: "string" },
        namespace: { type: "string", short: "n" },
        "all-namespaces": { type: "boolean", short: "A" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (parsed.values.help) return { stdout: USAGE, stderr: "", exitCode: 0 };
  const seed = parsed.values.seed;
  if (seed !== undefined && !/^\d+$/.test(seed)) return usageError(`--seed must be a whole number, got "${seed}"`);
  const opts = {
    until: parsed.values.until,
    at: parsed.values.at,
    seed: seed === undefined ? undefined : Number(seed),
    output: parsed.values.output,
    pod: parsed.values.pod,
    namespace: parsed.values.namespace,
    allNamespaces: parsed.values["all-namespaces"] ?? false,
  };
  switch (command) {
    case "run":
      return runCommand(parsed.positionals, opts);
    case "get":
      return getCommand(parsed.positionals, opts);
    case "explain":
      return explainCommand(parsed.positionals, opts);
    default:
      return usageError(`unknown command "${command}"`);
  }
}

function usageError(message: string): CommandOutput {
  return { stdout: "", stderr: `error: ${message}\n\n${USAGE}`, exitCode: 1 };
}

const isEntry = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  const out = main(process.argv.slice(2));
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
