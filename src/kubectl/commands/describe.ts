/**
 * `kubectl describe (TYPE [NAME_PREFIX] | TYPE/NAME) [-l SELECTOR] [-A] [--show-events=false]`
 * (kubectl pkg/cmd/describe): each object's description, separated by a blank line; with one
 * TYPE and one NAME that does not exist, every object whose name starts with it (so
 * `describe pod web` finds web-7d9f8-x2k4q), as DescribeMatchingResources does.
 */
import { isSelectorError, parseSelector } from "../../api/selector";
import { KINDS, type Kind, type Stored } from "../../api/types";
import { describeObject } from "../describe";
import { nowMsOf } from "./common";
import { parseFlags, str, bool } from "./flags";
import { notFound, parseResourceArgs } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, {
    selector: { type: "string", short: "l" },
    "all-namespaces": { type: "bool", short: "A" },
    "show-events": { type: "bool" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  if (parsed.positionals.length === 0) {
    return fail(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
  }
  const res = parseResourceArgs(parsed.positionals);
  if (!res.ok) return fail(res.error);
  const allNs = bool(f, "all-namespaces");
  const ns = str(f, "namespace") ?? "default";
  const showEvents = f["show-events"] === undefined ? true : bool(f, "show-events");
  const store = ctx.host.store;
  const nowMs = nowMsOf(ctx.host);
  const describe = (o: Stored<Kind>) => describeObject(store, o, nowMs, { showEvents });
  const nsOf = (kind: Kind) => (KINDS[kind].namespaced ? (allNs ? undefined : ns) : undefined);

  if (res.refs.length > 0) {
    const texts: string[] = [];
    const errors: string[] = [];
    for (const r of res.refs) {
      const o = store.get(r.kind, KINDS[r.kind].namespaced ? ns : undefined, r.name);
      if (o) texts.push(describe(o));
      else errors.push(notFound(r.kind, r.name));
    }
    if (errors.length && parsed.positionals.length === 2 && !parsed.positionals[0]!.includes("/")) {
      const kind = res.refs[0]!.kind;
      const prefix = res.refs[0]!.name;
      const matches = store.list(kind, nsOf(kind)).filter((o) => o.metadata.name.startsWith(prefix));
      if (matches.length) return { stdout: matches.map((o) => `${describe(o)}\n`).join(""), stderr: "", exitCode: 0 };
    }
    const stdout = texts.join("\n\n");
    return errors.length ? { ...fail(errors.join("\n")), stdout } : { stdout, stderr: "", exitCode: 0 };
  }

  const labelText = str(f, "selector");
  const sel = labelText === undefined ? undefined : parseSelector(labelText);
  if (sel && isSelectorError(sel)) return fail(sel.message);
  const objects = res.kindsOnly.flatMap((kind) => store.list(kind, nsOf(kind)).filter((o) => !sel || sel.matches(o.metadata.labels)));
  if (objects.length === 0) {
    return { stdout: "", stderr: allNs ? "No resources found\n" : `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  }
  return { stdout: objects.map(describe).join("\n\n"), stderr: "", exitCode: 0 };
}

export const describeCommand: KubectlCommand = {
  name: "describe",
  short: "Show details of a specific resource or group of resources",
  run,
};
