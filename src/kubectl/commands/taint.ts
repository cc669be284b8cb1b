/**
 * `kubectl taint NODE NAME KEY[=VALUE]:EFFECT… KEY[:EFFECT]-… [--overwrite] [--all | -l SEL]`
 * (kubectl pkg/cmd/taint): "node/n1 tainted", "untainted" or "modified", with kubectl's checks —
 * a taint with the same key and effect refused without --overwrite, removing an absent taint an
 * error, only nodes accepted.
 */
import type { Taint } from "kubernetes-types/core/v1";
import { isSelectorError, parseSelector, validateLabelKey, validateLabelValue } from "../../api/selector";
import { resolveKind } from "../../api/types";
import { taintString } from "../describe/writer";
import { bool, parseFlags, str } from "./flags";
import { notFound, unknownType } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

const EFFECTS = new Set(["NoSchedule", "PreferNoSchedule", "NoExecute"]);

/** parseTaint: KEY=VALUE:EFFECT, KEY:EFFECT or KEY. */
function parseTaint(spec: string): Taint | { error: string } {
  const parts = spec.split(":");
  let key: string, value = "", effect = "";
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.has(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = parts[0]!.split("=");
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = validateLabelValue(value);
      if (errs.length) return { error: `invalid taint spec: ${spec}, ${errs.join("; ")}` };
    }
  } else return { error: `invalid taint spec: ${spec}` };
  const errs = validateLabelKey(key);
  if (errs.length) return { error: `invalid taint spec: ${spec}, ${errs.join("; ")}` };
  return { key, ...(value ? { value } : {}), effect } as Taint;
}

/** parseTaints: the taints to add (each needs an effect, unique by key and effect) and to remove. */
export function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } | { error: string } {
  const add: Taint[] = [], remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith("-")) {
      const t = parseTaint(spec.slice(0, -1));
      if ("error" in t) return t;
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if ("error" in t) return t;
    if (!t.effect) return { error: `invalid taint spec: ${spec}` };
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      return { error: `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ""} ${t.effect} <nil>}` };
    }
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the new taints first, then the old ones not replaced, minus the removed. */
export function reorganizeTaints(old: readonly Taint[], overwrite: boolean, add: readonly Taint[], remove: readonly Taint[]):
  { operation: "modified" | "tainted" | "untainted"; taints: Taint[] } | { error: string } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errs: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errs.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  if (errs.length) return { error: errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]` };
  return { operation: (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted", taints };
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, {
    overwrite: { type: "bool" },
    all: { type: "bool" },
    selector: { type: "string", short: "l" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const resources: string[] = [], taintArgs: string[] = [];
  for (const s of parsed.positionals) {
    const isTaint = s.includes("=") || s.includes(":") || s.endsWith("-");
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length) return fail(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1) return fail("one or more resources must be specified as <resource> <name>");
  if (taintArgs.length < 1) return fail("at least one taint update is required");
  const taints = parseTaints(taintArgs);
  if ("error" in taints) return usageError(ctx, taints.error);
  const type = resources[0]!.toLowerCase();
  const kind = resolveKind(type);
  if (!kind) return fail(unknownType(type).replace(/^error: /, ""));
  if (kind !== "Node") return fail(`invalid resource type ${type}, only node types are supported`);
  const conflicts = taints.add.flatMap((a) => taints.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `{"${r.key}":"${r.effect ?? ""}"}`));
  if (conflicts.length) return fail(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`);
  const all = bool(f, "all"), selText = str(f, "selector");
  if (all && selText) return fail("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selText && resources.length < 2) return fail("at least one resource name must be specified since 'all' parameter is not set");
  const store = ctx.host.store;
  let names = resources.slice(1);
  if (all || selText) {
    const sel = selText ? parseSelector(selText) : undefined;
    if (sel && isSelectorError(sel)) return fail(sel.message);
    names = store.list("Node").filter((n) => !sel || sel.matches(n.metadata.labels)).map((n) => n.metadata.name);
  }
  const overwrite = bool(f, "overwrite");
  let stdout = "";
  for (const name of names) {
    const node = store.get("Node", undefined, name);
    if (!node) return { ...fail(notFound("Node", name)), stdout };
    const old = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = taints.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length) return { ...fail(`node ${name} already has ${exists.join(",")} taint(s) with same effect(s) and --overwrite is false`), stdout };
    }
    const res = reorganizeTaints(old, overwrite, taints.add, taints.remove);
    if ("error" in res) return { ...fail(res.error), stdout };
    store.mutate("Node", undefined, name, (n) => {
      n.spec ??= {};
      if (res.taints.length) n.spec.taints = res.taints;
      else delete n.spec.taints;
    });
    stdout += `node/${name} ${res.operation}\n`;
  }
  return { stdout, stderr: "", exitCode: 0 };
}

export const taintCommand: KubectlCommand = {
  name: "taint",
  short: "Update the taints on one or more nodes",
  run,
};
