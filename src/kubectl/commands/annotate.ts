/**
 * `kubectl annotate (TYPE NAME | TYPE/NAME | TYPE --all | TYPE -l SEL) KEY=VAL… KEY-… [--overwrite]
 * [--list]` (kubectl pkg/cmd/annotate): "pod/web annotated"; an existing key is refused without
 * --overwrite (kubernetes.io/change-cause excepted), and removing an absent key is no error.
 */
import { bool, str } from "./flags";
import { parseMetadataCommand, updateMetadataMap } from "./label";
import { objectName, resolveTargets } from "./resources";
import { fail, type CommandContext, type CommandResult, type KubectlCommand } from "./types";
import type { KObject } from "../../api/types";

const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** cmdutil.ParsePairs with removals: KEY=VALUE (split at the first "=") or KEY-. */
function parsePairs(pairs: readonly string[]): { add: Record<string, string>; remove: string[] } | { error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") {
      const eq = p.indexOf("=");
      add[p.slice(0, eq)] = p.slice(eq + 1);
    } else if (p.endsWith("-") && p !== "-") {
      remove.push(p.slice(0, -1));
    } else {
      invalid.push(p);
    }
  }
  if (invalid.length) return { error: `invalid annotation format: ${invalid.join(", ")}` };
  const both = remove.filter((k) => k in add);
  if (both.length) return { error: `can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}` };
  return { add, remove };
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const line = parseMetadataCommand(args, ctx, "annotation", parsePairs);
  if (!line.ok) return line.result;
  const { flags: f, resources, changes: pairs, list, overwrite } = line;

  if (list) {
    const t = resolveTargets(ctx.host.store, resources, str(f, "namespace") ?? "default", { all: bool(f, "all"), ...(str(f, "selector") !== undefined ? { selector: str(f, "selector")! } : {}) });
    if (!t.ok) return fail(t.error);
    const one = t.targets.length === 1;
    let stdout = "";
    for (const target of t.targets) {
      const o = ctx.host.store.get(target.kind, target.namespace, target.name) as KObject;
      if (!one) stdout += `Listing annotations for ${objectName(target.kind, target.name)}:\n`;
      for (const [k, v] of Object.entries(o.metadata?.annotations ?? {})) stdout += `${one ? "" : " "}${k}=${v}\n`;
    }
    return { stdout, stderr: "", exitCode: 0 };
  }
  return updateMetadataMap(ctx, resources, f, "annotations", (cur) => {
    if (!overwrite) {
      const clash = Object.keys(pairs.add).filter((k) => k !== CHANGE_CAUSE && k in cur);
      if (clash.length) {
        return { error: `--overwrite is false but found the following declared annotation(s): ${clash.map((k) => `'${k}' already has a value (${cur[k]})`).join("; ")}` };
      }
    }
    const next: Record<string, string> = { ...cur, ...pairs.add };
    for (const k of pairs.remove) delete next[k];
    return { next, verb: "annotated" };
  });
}

export const annotateCommand: KubectlCommand = {
  name: "annotate",
  short: "Update the annotations on a resource",
  run,
};
