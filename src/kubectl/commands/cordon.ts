/**
 * `kubectl cordon NODE` / `kubectl uncordon NODE` (or -l SELECTOR) (kubectl pkg/cmd/drain,
 * RunCordonOrUncordon): sets or clears spec.unschedulable and prints "node/n1 cordoned",
 * "node/n1 already cordoned", "uncordoned" or "already uncordoned".
 */
import { isSelectorError, parseSelector } from "../../api/selector";
import type { ObjectStore } from "../../api/store";
import { parseFlags, str } from "./flags";
import { notFound } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

/** CordonHelper.UpdateIfRequired + PatchOrReplace: the line kubectl prints for one node. */
export function setUnschedulable(store: ObjectStore, name: string, desired: boolean): string {
  const node = store.get("Node", undefined, name)!;
  const word = desired ? "cordoned" : "uncordoned";
  if (Boolean(node.spec?.unschedulable) === desired) return `node/${name} already ${word}\n`;
  store.mutate("Node", undefined, name, (n) => {
    n.spec ??= {};
    if (desired) n.spec.unschedulable = true;
    else delete n.spec.unschedulable;
  });
  return `node/${name} ${word}\n`;
}

/** The nodes a cordon/uncordon/drain command names: NODE… or -l SELECTOR. */
export function nodeTargets(store: ObjectStore, positionals: readonly string[], selector: string | undefined): { names: string[] } | { error: string } {
  if (positionals.length > 0 && selector) return { error: "error: cannot specify both a node name and a --selector option" };
  if (selector !== undefined) {
    const sel = parseSelector(selector);
    if (isSelectorError(sel)) return { error: sel.message };
    return { names: store.list("Node").filter((n) => sel.matches(n.metadata.labels)).map((n) => n.metadata.name) };
  }
  for (const name of positionals) if (!store.get("Node", undefined, name)) return { error: notFound("Node", name) };
  return { names: [...positionals] };
}

function cordonCommand(desired: boolean): KubectlCommand {
  const verb = desired ? "cordon" : "uncordon";
  return {
    name: verb,
    short: desired ? "Mark node as unschedulable" : "Mark node as schedulable",
    run(args: readonly string[], ctx: CommandContext): CommandResult {
      const parsed = parseFlags(args, { selector: { type: "string", short: "l" } });
      if (!parsed.ok) return usageError(ctx, parsed.error);
      const selector = str(parsed.flags, "selector");
      if (parsed.positionals.length === 0 && selector === undefined) return usageError(ctx, `USAGE: ${verb} NODE [flags]`);
      const t = nodeTargets(ctx.host.store, parsed.positionals, selector);
      if ("error" in t) return t.error.startsWith("error: cannot") ? usageError(ctx, t.error) : fail(t.error);
      return { stdout: t.names.map((n) => setUnschedulable(ctx.host.store, n, desired)).join(""), stderr: "", exitCode: 0 };
    },
  };
}

export const cordonCmd = cordonCommand(true);
export const uncordonCmd = cordonCommand(false);
