/**
 * `kubectl run NAME --image=IMG [--port=P] [--labels=K=V,…] [--env=K=V…] [--restart=Always|OnFailure|Never]
 * [--command] [-- ARGS…]` (kubectl pkg/cmd/run): a bare Pod labelled run=NAME with one container
 * named NAME; arguments after -- become the container's args (its command with --command).
 * Attaching (-i, -t, --rm) needs a terminal the console does not have: the pod is created and a
 * note says so.
 */
import type { Container, EnvVar, Pod } from "kubernetes-types/core/v1";
import { takeRepeated } from "./common";
import { bool, num, parseFlags, str } from "./flags";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

const RESTART = new Set(["Always", "OnFailure", "Never"]);

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const dash = args.indexOf("--");
  const after = dash < 0 ? [] : args.slice(dash + 1);
  const env = takeRepeated(dash < 0 ? args : args.slice(0, dash), "env");
  if ("error" in env) return usageError(ctx, env.error);
  const parsed = parseFlags(env.rest, {
    image: { type: "string" },
    port: { type: "int" },
    labels: { type: "string", short: "l" },
    restart: { type: "string" },
    command: { type: "bool" },
    stdin: { type: "bool", short: "i" },
    tty: { type: "bool", short: "t" },
    rm: { type: "bool" },
    "image-pull-policy": { type: "string" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const positional = parsed.positionals;
  if (positional.length === 0) return usageError(ctx, "NAME is required for run");
  const name = positional[0]!;
  const image = str(f, "image");
  if (image === undefined) return usageError(ctx, `required flag(s) "image" not set`);
  const restart = str(f, "restart") ?? "Always";
  if (!RESTART.has(restart)) return fail(`invalid restart policy: ${restart}`);
  const rest = [...positional.slice(1), ...after];
  const labels: Record<string, string> = {};
  const labelText = str(f, "labels");
  if (labelText !== undefined) {
    for (const pair of labelText.split(",")) {
      const eq = pair.indexOf("=");
      if (eq < 0) return fail(`invalid label spec: ${pair}`);
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  } else {
    labels.run = name;
  }
  const envVars: EnvVar[] = [];
  for (const e of env.values) {
    const eq = e.indexOf("=");
    if (eq <= 0) return fail(`invalid env: ${e}`);
    envVars.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  const container: Container = {
    name, image,
    ...(rest.length ? (bool(f, "command") ? { command: rest } : { args: rest }) : {}),
    ...(num(f, "port") !== undefined ? { ports: [{ containerPort: num(f, "port")! }] } : {}),
    ...(envVars.length ? { env: envVars } : {}),
    ...(str(f, "image-pull-policy") ? { imagePullPolicy: str(f, "image-pull-policy") } : {}),
  };
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels, namespace: str(f, "namespace") ?? "default" },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: "ClusterFirst" },
  };
  const res = ctx.host.store.create("Pod", pod);
  if (!res.ok) return fail(`Error from server (${res.reason}): ${res.message}`);
  const attach = bool(f, "stdin") || bool(f, "tty") || bool(f, "rm");
  return {
    stdout: `pod/${name} created\n`,
    stderr: attach ? "kubeplay: the console cannot attach to a container; use kubectl logs or kubectl exec instead\n" : "",
    exitCode: 0,
  };
}

export const runCommand: KubectlCommand = {
  name: "run",
  short: "Run a particular image on the cluster",
  run,
};
