/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args…]` (kubectl
 * pkg/cmd/exec): runs the command in the container's simulated shell, to completion, against
 * the container's own file system — `exec web -- rm /tmp/healthy` removes the file a liveness
 * probe reads. The command's output is printed as one stream; a non-zero exit is kubectl's
 * "command terminated with exit code N" and that exit code.
 */
import { containerFor, podsSelectedBy } from "./common";
import { parseFlags, str } from "./flags";
import { parseResourceArgs } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";
import type { Kind } from "../../api/types";

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const dash = args.indexOf("--");
  const before = dash < 0 ? args : args.slice(0, dash);
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const parsed = parseFlags(before, {
    container: { type: "string", short: "c" },
    stdin: { type: "bool", short: "i" },
    tty: { type: "bool", short: "t" },
    quiet: { type: "bool", short: "q" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  if (parsed.positionals.length === 0) return fail("pod, type/name or --filename must be specified");
  if (parsed.positionals.length > 1) return usageError(ctx, "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
  if (command.length === 0) return fail("you must specify at least one command for the container");
  const ns = str(f, "namespace") ?? "default";
  const store = ctx.host.store;
  const target = parsed.positionals[0]!;
  let kind: Kind = "Pod", name = target;
  if (target.includes("/")) {
    const r = parseResourceArgs([target]);
    if (!r.ok) return fail(r.error);
    kind = r.refs[0]!.kind;
    name = r.refs[0]!.name;
  }
  const found = podsSelectedBy(store, kind, ns, name);
  if ("error" in found) return fail(found.error);
  const pod = found.pods[0]!;
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const c = containerFor(pod, str(f, "container"), f.quiet === true);
  if ("error" in c) return fail(c.error);
  if (!pod.spec?.nodeName) return { stdout: "", stderr: `${c.notice}Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned\n`, exitCode: 1 };
  const proxy = ctx.host.nodes;
  if (!proxy) return { stdout: "", stderr: `${c.notice}error: no kubelet serves exec in this simulation\n`, exitCode: 1 };
  const res = proxy.exec({ namespace: pod.metadata.namespace ?? ns, pod: pod.metadata.name, container: c.name, argv: command });
  if (!res.ok) return { stdout: "", stderr: `${c.notice}${res.message}\n`, exitCode: 1 };
  if (res.timedOut) {
    return { stdout: res.output, stderr: `${c.notice}kubeplay: the command was still running after 10m of virtual time and was stopped\n`, exitCode: 1 };
  }
  if (res.exitCode !== 0) return { stdout: res.output, stderr: `${c.notice}command terminated with exit code ${res.exitCode}\n`, exitCode: res.exitCode };
  return { stdout: res.output, stderr: c.notice, exitCode: 0 };
}

export const execCommand: KubectlCommand = {
  name: "exec",
  short: "Execute a command in a container",
  run,
};
