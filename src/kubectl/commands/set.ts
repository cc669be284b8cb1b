/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE …` (kubectl pkg/cmd/set/set_image.go):
 * changes container images in a pod or a workload's pod template and prints
 * "deployment.apps/web image updated"; an unchanged object prints nothing.
 */
import type { Container, PodSpec } from "kubernetes-types/core/v1";
import { KINDS, type Kind, type KObject } from "../../api/types";
import { bool, parseFlags, str } from "./flags";
import { objectName, resolveTargets } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

/** The pod spec inside an object of a kind that has one (UpdatePodSpecForObject). */
export function podSpecOf(kind: Kind, o: KObject): PodSpec | undefined {
  const spec = o.spec as Record<string, unknown> | undefined;
  switch (kind) {
    case "Pod": return spec as PodSpec | undefined;
    case "Deployment": case "ReplicaSet": case "StatefulSet": case "DaemonSet": case "Job":
      return (spec?.template as { spec?: PodSpec } | undefined)?.spec;
    case "CronJob":
      return ((spec?.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec?.template)?.spec;
    default: return undefined;
  }
}

function setImage(containers: Container[] | undefined, name: string, image: string): { found: boolean; changed: boolean } {
  let found = false, changed = false;
  for (const c of containers ?? []) {
    if (c.name !== name && name !== "*") continue;
    found = true;
    if (c.image !== image) {
      c.image = image;
      changed = true;
    }
  }
  return { found, changed };
}

function setImageCommand(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, { all: { type: "bool" }, selector: { type: "string", short: "l" } });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const resources: string[] = [];
  const pairs: Array<[string, string]> = [];
  for (const a of parsed.positionals) {
    const eq = a.indexOf("=");
    if (eq < 0) {
      if (pairs.length) return fail(`all resources must be specified before image changes: ${a}`);
      resources.push(a);
    } else {
      pairs.push([a.slice(0, eq), a.slice(eq + 1)]);
    }
  }
  if (resources.length === 0) return fail("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (pairs.length === 0) return fail("at least one image update is required");
  if (pairs.length > 1 && pairs.some(([n]) => n === "*")) return fail("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  const ns = str(parsed.flags, "namespace") ?? "default";
  const store = ctx.host.store;
  const t = resolveTargets(store, resources, ns, { all: bool(parsed.flags, "all"), selector: str(parsed.flags, "selector") });
  if (!t.ok) return fail(t.error);
  const out: string[] = [];
  const errs: string[] = [...t.notFound];
  for (const target of t.targets) {
    let changed = false;
    const missing: string[] = [];
    let noTemplate = false;
    store.mutate(target.kind, target.namespace, target.name, (o) => {
      const spec = podSpecOf(target.kind, o as KObject);
      if (!spec) {
        noTemplate = true;
        return false;
      }
      for (const [name, image] of pairs) {
        const a = setImage(spec.initContainers, name, image);
        const b = setImage(spec.containers, name, image);
        if (!a.found && !b.found) missing.push(name);
        changed ||= a.changed || b.changed;
      }
      if (!changed) return false;
    });
    for (const m of missing) errs.push(`error: unable to find container named "${m}"`);
    if (noTemplate) errs.push(`error: ${KINDS[target.kind].plural}/${target.name} the object is not a pod or does not have a pod template: *v1.${target.kind}`);
    if (changed) out.push(`${objectName(target.kind, target.name)} image updated\n`);
  }
  if (errs.length) return { ...fail(errs.join("\n")), stdout: out.join("") };
  return { stdout: out.join(""), stderr: "", exitCode: 0 };
}

export const setCommand: KubectlCommand = {
  name: "set",
  short: "Set specific features on objects",
  run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === "image") return setImageCommand(rest, { ...ctx, path: `${ctx.path} image` });
    if (sub === undefined) return fail(`you must specify a subcommand (kubeplay supports: image)`);
    return fail(`unknown command "${sub}" for "${ctx.path}"`);
  },
};
