/**
 * `kubectl scale --replicas=COUNT TYPE NAME | TYPE/NAME | TYPE (--all | -l SELECTOR)`: sets
 * spec.replicas through the scale subresource of Deployments, ReplicaSets and StatefulSets and
 * prints "deployment.apps/web scaled".
 */
import type { Kind, KObject } from "../../api/types";
import { bool, num, parseFlags, str } from "./flags";
import { objectName, resolveTargets } from "./resources";
import { fail, usageError, type CommandResult, type KubectlCommand } from "./types";

/** Kinds with a scale subresource in the playground. */
const SCALABLE: ReadonlySet<Kind> = new Set<Kind>(["Deployment", "ReplicaSet", "StatefulSet"]);

export const scaleCommand: KubectlCommand = {
  name: "scale",
  short: "Set a new size for a deployment, replica set, or stateful set",
  run(args, ctx): CommandResult {
    const parsed = parseFlags(args, {
      replicas: { type: "int", required: true },
      all: { type: "bool" },
      selector: { type: "string", short: "l" },
    });
    if (!parsed.ok) return usageError(ctx, parsed.error);
    const replicas = num(parsed.flags, "replicas")!;
    if (replicas < 0) return fail("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    const ns = str(parsed.flags, "namespace") ?? "default";
    const store = ctx.host.store;
    const t = resolveTargets(store, parsed.positionals, ns, { all: bool(parsed.flags, "all"), selector: str(parsed.flags, "selector") });
    if (!t.ok) return fail(t.error);
    if (t.targets.length === 0 && t.notFound.length === 0) return fail("no objects passed to scale");
    const out: string[] = [];
    const errs: string[] = [...t.notFound];
    for (const target of t.targets) {
      if (!SCALABLE.has(target.kind)) {
        errs.push("Error from server (NotFound): the server could not find the requested resource");
        continue;
      }
      const res = store.mutate(target.kind, target.namespace, target.name, (o) => {
        ((o as KObject).spec as { replicas?: number }).replicas = replicas;
      });
      if (!res.ok) {
        errs.push(`Error from server (${res.reason}): ${res.message}`);
        continue;
      }
      out.push(`${objectName(target.kind, target.name)} scaled\n`);
    }
    return errs.length ? { ...fail(errs.join("\n")), stdout: out.join("") } : { stdout: out.join(""), stderr: "", exitCode: 0 };
  },
};
