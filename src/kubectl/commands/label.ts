/**
 * `kubectl label (TYPE NAME | TYPE/NAME | TYPE --all | TYPE -l SEL) KEY=VAL… KEY-… [--overwrite]
 * [--list]` (kubectl pkg/cmd/label): "pod/web labeled" (or "not labeled", "unlabeled"), an
 * existing key refused without --overwrite, "label "k" not found." for a removal of a key the
 * object lacks. Also the resource-then-pairs split that annotate shares (GetResourcesAndPairs).
 */
import { validateLabelValue } from "../../api/selector";
import type { KObject } from "../../api/types";
import { bool, parseFlags, str, type FlagValues } from "./flags";
import { objectName, resolveTargets } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VAL / KEY- pairs. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [], pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (isPair) pairs.push(s);
    else if (pairs.length) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

type MetaMap = "labels" | "annotations";

export interface MetadataChanges {
  add: Record<string, string>;
  remove: string[];
}

/** A label or annotate command line, checked as kubectl checks it before touching any object. */
export type MetadataCommandLine =
  | { ok: true; flags: FlagValues; resources: string[]; changes: MetadataChanges; list: boolean; overwrite: boolean }
  | { ok: false; result: CommandResult };

/**
 * What label and annotate share before they act (their Complete/Validate): the flags, the
 * resources-then-pairs split, the pairs parsed by `parse`, and the usage rules.
 */
export function parseMetadataCommand(
  args: readonly string[], ctx: CommandContext, noun: "label" | "annotation",
  parse: (pairs: readonly string[]) => MetadataChanges | { error: string },
): MetadataCommandLine {
  const parsed = parseFlags(args, {
    overwrite: { type: "bool" },
    all: { type: "bool" },
    selector: { type: "string", short: "l" },
    list: { type: "bool" },
  });
  if (!parsed.ok) return { ok: false, result: usageError(ctx, parsed.error) };
  const f = parsed.flags;
  const split = resourcesAndPairs(parsed.positionals, noun);
  if ("error" in split) return { ok: false, result: fail(split.error) };
  const changes = parse(split.pairs);
  if ("error" in changes) return { ok: false, result: fail(changes.error) };
  if (bool(f, "all") && str(f, "selector") !== undefined) return { ok: false, result: fail("cannot set --all and --selector at the same time") };
  if (split.resources.length < 1) return { ok: false, result: fail("one or more resources must be specified as <resource> <name> or <resource>/<name>") };
  const list = bool(f, "list");
  if (Object.keys(changes.add).length < 1 && changes.remove.length < 1 && !list) return { ok: false, result: fail(`at least one ${noun} update is required`) };
  return { ok: true, flags: f, resources: split.resources, changes, list, overwrite: bool(f, "overwrite") };
}

/** What label and annotate share: resolve the targets, change one metadata map, print "kind/name <verb>". */
export function updateMetadataMap(
  ctx: CommandContext, resources: readonly string[], flags: Record<string, unknown>,
  field: MetaMap, change: (current: Readonly<Record<string, string>>) => { next: Record<string, string>; verb: string; notices?: string } | { error: string },
): CommandResult {
  const ns = (flags.namespace as string | undefined) ?? "default";
  const store = ctx.host.store;
  const selector = flags.selector as string | undefined;
  const t = resolveTargets(store, resources, ns, { all: flags.all === true, ...(selector !== undefined ? { selector } : {}) });
  if (!t.ok) return fail(t.error);
  let stdout = "";
  for (const target of t.targets) {
    const o = store.get(target.kind, target.namespace, target.name) as KObject;
    const res = change(o.metadata?.[field] ?? {});
    if ("error" in res) return { ...fail(res.error), stdout };
    stdout += res.notices ?? "";
    store.mutate(target.kind, target.namespace, target.name, (d) => {
      const meta = (d as KObject).metadata!;
      if (Object.keys(res.next).length) meta[field] = res.next;
      else delete meta[field];
    });
    stdout += `${objectName(target.kind, target.name)} ${res.verb}\n`;
  }
  if (t.notFound.length) return { ...fail(t.notFound.join("\n")), stdout };
  return { stdout, stderr: "", exitCode: 0 };
}

/** parseLabels: KEY=VALUE (one "=") or KEY-. */
function parseLabels(specs: readonly string[]): { add: Record<string, string>; remove: string[] } | { error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) return { error: `invalid label spec: ${spec}` };
      const errs = validateLabelValue(parts[1]!);
      if (errs.length) return { error: `invalid label value: ${JSON.stringify(spec)}: ${errs.join(";")}` };
      add[parts[0]!] = parts[1]!;
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      return { error: `unknown label spec: ${spec}` };
    }
  }
  if (remove.some((k) => k in add)) return { error: "can not both modify and remove a label in the same command" };
  return { add, remove };
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const line = parseMetadataCommand(args, ctx, "label", parseLabels);
  if (!line.ok) return line.result;
  const { flags: f, resources, changes: labels, list, overwrite } = line;

  if (list) return listLabels(ctx, resources, f);
  return updateMetadataMap(ctx, resources, f, "labels", (cur) => {
    if (!overwrite) {
      const clash = Object.keys(labels.add).filter((k) => k in cur);
      if (clash.length) {
        const msgs = clash.map((k) => `'${k}' already has a value (${cur[k]}), and --overwrite is false`);
        return { error: msgs.length === 1 ? msgs[0]! : `[${msgs.join(", ")}]` };
      }
    }
    const notices = labels.remove.filter((k) => !(k in cur)).map((k) => `label ${JSON.stringify(k)} not found.\n`).join("");
    const next: Record<string, string> = { ...cur, ...labels.add };
    for (const k of labels.remove) delete next[k];
    const before = JSON.stringify(cur), after = JSON.stringify(next);
    // updateDataChangeMsg compares the whole object's JSON: only the labels differ.
    const verb = before === after ? "not labeled" : !overwrite && after.length < before.length ? "unlabeled" : "labeled";
    return { next, verb, notices };
  });
}

/** `--list`: the object's labels, one KEY=VALUE per line. */
function listLabels(ctx: CommandContext, resources: readonly string[], f: Record<string, unknown>): CommandResult {
  const ns = (f.namespace as string | undefined) ?? "default";
  const t = resolveTargets(ctx.host.store, resources, ns, { all: f.all === true, ...(typeof f.selector === "string" ? { selector: f.selector } : {}) });
  if (!t.ok) return fail(t.error);
  const one = t.targets.length === 1;
  let stdout = "";
  for (const target of t.targets) {
    const o = ctx.host.store.get(target.kind, target.namespace, target.name) as KObject;
    if (!one) stdout += `Listing labels for ${target.kind}.${objectName(target.kind, target.name).split("/")[0]!.split(".").slice(1).join(".")}/${target.name}:\n`;
    for (const [k, v] of Object.entries(o.metadata?.labels ?? {})) stdout += `${one ? "" : " "}${k}=${v}\n`;
  }
  return t.notFound.length ? { ...fail(t.notFound.join("\n")), stdout } : { stdout, stderr: "", exitCode: 0 };
}

export const labelCommand: KubectlCommand = {
  name: "label",
  short: "Update the labels on a resource",
  run,
};
