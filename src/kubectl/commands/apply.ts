/**
 * `kubectl apply -f -` (manifests on standard input): creates what is new, updates what exists,
 * and prints "deployment.apps/web created|configured|unchanged" per object. Files are not
 * readable from inside the simulation; the Scenario's `apply:` action carries manifests inline.
 */
import { parseFlags, str } from "./flags";
import { objectName } from "./resources";
import { fail, usageError, type CommandResult, type KubectlCommand } from "./types";

export const applyCommand: KubectlCommand = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  run(args, ctx): CommandResult {
    const parsed = parseFlags(args, { filename: { type: "string", short: "f" } });
    if (!parsed.ok) return usageError(ctx, parsed.error);
    const file = str(parsed.flags, "filename");
    if (file === undefined) return fail("error: must specify one of -f and -k");
    if (file !== "-") return fail(`the path "${file}" does not exist`);
    const text = ctx.stdin ?? "";
    if (!text.trim()) return fail("no objects passed to apply");
    const res = ctx.host.apply(text);
    const stdout = res.applied.map((o) => `${objectName(o.kind, o.name)} ${o.action}\n`).join("");
    if (res.errors.length) return { ...fail(res.errors.map((e) => e.message).join("\n")), stdout };
    return { stdout, stderr: "", exitCode: 0 };
  },
};
