/**
 * `kubectl delete (TYPE NAME… | TYPE/NAME… | TYPE (--all | -l SELECTOR))` (kubectl
 * pkg/cmd/delete): deletes with --cascade=background (default) | foreground | orphan, the
 * object's own grace period or --grace-period / --now / --force, and prints
 * `deployment.apps "web" deleted`. It does not wait for the objects to be gone.
 */
import type { DeleteOptions } from "../../api/store";
import { bool, num, parseFlags, str } from "./flags";
import { groupKind } from "../printers";
import { resolveTargets } from "./resources";
import { fail, usageError, type CommandResult, type KubectlCommand } from "./types";

const FORCE_WARNING = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

/** parseCascadeFlag: the three policies, or the deprecated booleans. */
function cascadePolicy(v: string): { policy: NonNullable<DeleteOptions["propagationPolicy"]>; warning?: string } | { error: string } {
  switch (v) {
    case "background": return { policy: "Background" };
    case "foreground": return { policy: "Foreground" };
    case "orphan": return { policy: "Orphan" };
  }
  const asBool = ["true", "1", "t", "T", "TRUE", "True"].includes(v) ? true : ["false", "0", "f", "F", "FALSE", "False"].includes(v) ? false : undefined;
  if (asBool === undefined) return { error: `invalid cascade value (${v}). Must be "background", "foreground", or "orphan"` };
  const replacement = asBool ? "background" : "orphan";
  return { policy: asBool ? "Background" : "Orphan", warning: `warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n` };
}

export const deleteCommand: KubectlCommand = {
  name: "delete",
  short: "Delete resources by resource and names, or by resources and label selector",
  run(args, ctx): CommandResult {
    const parsed = parseFlags(args, {
      cascade: { type: "string", noOptDefault: "background" },
      "grace-period": { type: "int" },
      now: { type: "bool" },
      force: { type: "bool" },
      all: { type: "bool" },
      selector: { type: "string", short: "l" },
      wait: { type: "bool" },
    });
    if (!parsed.ok) return usageError(ctx, parsed.error);
    const f = parsed.flags;
    const cascade = cascadePolicy(str(f, "cascade") ?? "background");
    if ("error" in cascade) return fail(cascade.error);
    let grace = num(f, "grace-period") ?? -1;
    if (bool(f, "now")) {
      if (grace !== -1) return fail("--now and --grace-period cannot be specified together");
      grace = 1;
    }
    const force = bool(f, "force");
    // --grace-period=0 without --force means 1 (no accidental immediate deletion).
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;

    const ns = str(f, "namespace") ?? "default";
    const store = ctx.host.store;
    const t = resolveTargets(store, parsed.positionals, ns, { all: bool(f, "all"), selector: str(f, "selector") });
    if (!t.ok) return fail(t.error);
    let stderr = cascade.warning ?? "";
    if (t.targets.length === 0 && t.notFound.length === 0) return { stdout: "No resources found\n", stderr, exitCode: 0 };
    if (grace === 0 && force) stderr += FORCE_WARNING;
    const out: string[] = [];
    const errs = [...t.notFound];
    for (const target of t.targets) {
      const opts: DeleteOptions = { propagationPolicy: cascade.policy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) };
      const res = store.delete(target.kind, target.namespace, target.name, opts);
      if (!res.ok) {
        errs.push(`Error from server (${res.reason}): ${res.message}`);
        continue;
      }
      out.push(`${groupKind(target.kind)} "${target.name}" ${grace === 0 ? "force deleted" : "deleted"}\n`);
    }
    if (errs.length) return { stdout: out.join(""), stderr: stderr + fail(errs.join("\n")).stderr, exitCode: 1 };
    return { stdout: out.join(""), stderr, exitCode: 0 };
  },
};
