/**
 * `kubectl get (TYPE[,TYPE…] [NAME…] | TYPE/NAME… | all) [-o wide|yaml|json|name] [-l SELECTOR]
 * [--field-selector …] [-n NS | -A] [--show-labels] [--show-kind] [-w]` (kubectl pkg/cmd/get):
 * tables as the API server's printers fill them, names the name printer writes, objects as YAML
 * or JSON (alone when one was named, else in a List). A missing name is the server's NotFound on
 * stderr while the others print.
 *
 * `-w` prints the current table and returns: the simulation moves on its own clock, and the
 * console streams changes itself (GetWatch below gives it the rows kubectl would add).
 */
import { isSelectorError, parseSelector, type Selector } from "../../api/selector";
import type { ObjectStore, WatchEvent } from "../../api/store";
import { KINDS, resolveKind, type Kind, type KObject, type Stored } from "../../api/types";
import { formatObjects } from "../output";
import { apiListOrder, printTables, type TableGroup, type TableOptions } from "../printers";
import { nowMsOf } from "./common";
import { parseFieldSelector } from "./field-selector";
import { bool, parseFlags, str, type FlagValues } from "./flags";
import { notFound, unknownType } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type CommandStream, type KubectlCommand } from "./types";

/** The "all" category, in discovery order (core, apps, autoscaling, batch). */
export const ALL_CATEGORY: readonly Kind[] = ["Pod", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "HorizontalPodAutoscaler", "CronJob", "Job"];

const FORMATS = ["", "wide", "yaml", "json", "name"] as const;
type Format = (typeof FORMATS)[number];

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`;

interface Request {
  /** Kinds to list (no names), in the order asked for. */
  kinds: Kind[];
  /** Named objects. */
  refs: Array<{ kind: Kind; name: string }>;
  /** MultipleTypesRequested: "all", a comma list, or TYPE/NAME of different types. */
  multipleTypes: boolean;
}

function parseRequest(args: readonly string[]): Request | { error: string } {
  if (args[0]!.includes("/")) {
    const refs: Request["refs"] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) return { error: "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'" };
      const t = a.slice(0, slash), name = a.slice(slash + 1);
      const kind = resolveKind(t);
      if (!kind) return { error: unknownType(t) };
      if (!name) return { error: "error: arguments in resource/name form must have a single resource and name" };
      refs.push({ kind, name });
    }
    return { kinds: [], refs, multipleTypes: new Set(refs.map((r) => r.kind)).size > 1 };
  }
  const kinds: Kind[] = [];
  const types = args[0]!.split(",").filter(Boolean);
  for (const t of types) {
    if (t.toLowerCase() === "all") {
      kinds.push(...ALL_CATEGORY.filter((k) => !kinds.includes(k)));
      continue;
    }
    const kind = resolveKind(t);
    if (!kind) return { error: unknownType(t) };
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const multipleTypes = types.length > 1 || types.some((t) => t.toLowerCase() === "all");
  const names = args.slice(1);
  if (names.length === 0) return { kinds, refs: [], multipleTypes };
  return { kinds: [], refs: kinds.flatMap((kind) => names.map((name) => ({ kind, name }))), multipleTypes };
}

/** The objects a request lists right now, grouped by kind in request order. */
export function listForGet(store: ObjectStore, kinds: readonly Kind[], namespace: string | undefined, filter: (o: Stored<Kind>) => boolean): TableGroup[] {
  return kinds.map((kind) => ({
    kind,
    objects: store.list(kind, KINDS[kind].namespaced ? namespace : undefined).filter(filter).sort(apiListOrder),
  }));
}

/** A parsed `get` command line: what to list, how to filter it, how to print it. */
interface GetPlan {
  f: FlagValues;
  output: Format;
  req: Request;
  allNs: boolean;
  ns: string | undefined;
  /** Whether an object of a listed kind passes -l and --field-selector. */
  matches(o: KObject): boolean;
}

function parseGet(args: readonly string[], ctx: CommandContext): GetPlan | CommandResult {
  const parsed = parseFlags(args, {
    output: { type: "string", short: "o" },
    selector: { type: "string", short: "l" },
    "field-selector": { type: "string" },
    "all-namespaces": { type: "bool", short: "A" },
    "show-labels": { type: "bool" },
    "show-kind": { type: "bool" },
    "show-managed-fields": { type: "bool" },
    watch: { type: "bool", short: "w" },
    "watch-only": { type: "bool" },
    "no-headers": { type: "bool" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const output = (str(f, "output") ?? "") as Format;
  if (!FORMATS.includes(output)) {
    return fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
  }
  if (parsed.positionals.length === 0) {
    return { stdout: "", stderr: NO_TYPE + usageError(ctx, `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`).stderr, exitCode: 1 };
  }
  const req = parseRequest(parsed.positionals);
  if ("error" in req) return fail(req.error);
  const allNs = bool(f, "all-namespaces");
  const ns = allNs ? undefined : (str(f, "namespace") ?? "default");
  const labelText = str(f, "selector");
  const fieldText = str(f, "field-selector");
  if (req.refs.length && allNs) return fail("a resource cannot be retrieved by name across all namespaces");
  if (req.refs.length && (labelText !== undefined || fieldText !== undefined)) return fail("name cannot be provided when a selector is specified");
  let sel: Selector | undefined;
  if (labelText !== undefined) {
    const s = parseSelector(labelText);
    if (isSelectorError(s)) return fail(s.message);
    sel = s;
  }
  const fieldSelectors = new Map<Kind, (o: KObject) => boolean>();
  for (const kind of req.kinds) {
    if (fieldText === undefined) continue;
    const fs = parseFieldSelector(fieldText, kind, labelText ?? "");
    if ("error" in fs) return fail(fs.error);
    fieldSelectors.set(kind, (o) => fs.matches(o));
  }
  const matches = (o: KObject) => (!sel || sel.matches(o.metadata?.labels)) && (fieldSelectors.get(o.kind as Kind)?.(o) ?? true);
  return { f, output, req, allNs, ns, matches };
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const plan = parseGet(args, ctx);
  if (!("req" in plan)) return plan;
  const { f, output, req, allNs, ns } = plan;
  const store = ctx.host.store;
  const errors: string[] = [];
  let groups: TableGroup[];
  if (req.refs.length) {
    const byKind = new Map<Kind, KObject[]>();
    for (const r of req.refs) {
      const o = store.get(r.kind, KINDS[r.kind].namespaced ? ns : undefined, r.name);
      if (!o) {
        errors.push(notFound(r.kind, r.name));
        continue;
      }
      byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), o]);
    }
    groups = [...byKind].map(([kind, objects]) => ({ kind, objects }));
  } else {
    groups = listForGet(store, req.kinds, ns, plan.matches);
  }
  const errText = errors.length ? fail(errors.join("\n")).stderr : "";
  const exitCode = errors.length ? 1 : 0;
  const found = groups.flatMap((g) => g.objects);
  const watchNote = !ctx.streaming && (bool(f, "watch") || bool(f, "watch-only"))
    ? "kubeplay: the console prints the current state and returns; play the simulation to see it change\n" : "";
  if (output === "yaml" || output === "json" || output === "name") {
    if (req.refs.length && found.length === 0) return { stdout: "", stderr: errText, exitCode };
    const single = req.refs.length === 1 && found.length === 1;
    const stdout = formatObjects(found, output, { single, showManagedFields: bool(f, "show-managed-fields") });
    return { stdout, stderr: errText + watchNote, exitCode };
  }
  if (req.refs.length && found.length === 0) return { stdout: "", stderr: errText, exitCode };
  const opts: TableOptions = {
    nowMs: nowMsOf(ctx.host),
    wide: output === "wide",
    allNamespaces: allNs,
    showLabels: bool(f, "show-labels"),
    namespace: ns ?? "default",
    prefixKind: req.multipleTypes || bool(f, "show-kind") || new Set(found.map((o) => o.kind)).size > 1,
  };
  const printed = printTables(groups, opts);
  let stdout = printed.stdout;
  if (bool(f, "no-headers")) stdout = stripHeaders(stdout);
  if (bool(f, "watch-only")) stdout = "";
  return { stdout, stderr: printed.stderr + errText + watchNote, exitCode };
}

/** `--no-headers`: each table's first line dropped. */
function stripHeaders(text: string): string {
  return text.split("\n\n").map((t) => t.split("\n").slice(1).join("\n")).join("\n");
}

/** `get -w`: after the first table, one row per change of what it lists (tables only: -o yaml/json -w is not streamed). */
function stream(args: readonly string[], ctx: CommandContext): CommandStream | undefined {
  const plan = parseGet(args, ctx);
  if (!("req" in plan) || !(bool(plan.f, "watch") || bool(plan.f, "watch-only"))) return undefined;
  if (plan.output !== "" && plan.output !== "wide") return undefined;
  const { req } = plan;
  const kinds = req.refs.length ? [...new Set(req.refs.map((r) => r.kind))] : req.kinds;
  const names = req.refs.length ? new Set(req.refs.map((r) => `${r.kind}/${r.name}`)) : undefined;
  const watch = new GetWatch(ctx.host.store, kinds, plan.ns, (o) => plan.matches(o) && (!names || names.has(`${o.kind}/${o.metadata?.name}`)), {
    wide: plan.output === "wide",
    allNamespaces: plan.allNs,
    showLabels: bool(plan.f, "show-labels"),
    namespace: plan.ns ?? "default",
  });
  return { poll: () => ({ stdout: watch.poll(nowMsOf(ctx.host)) }), close: () => watch.close() };
}

export const getCommand: KubectlCommand = {
  name: "get",
  short: "Display one or many resources",
  run,
  stream,
};

/**
 * What `kubectl get -w` would print after its first table: one row per change of a listed kind
 * (a deleted object's last state included), header-less, for a UI that polls after each step.
 */
export class GetWatch {
  private readonly pending: Array<WatchEvent<Kind>> = [];
  private readonly stops: Array<() => void> = [];

  constructor(
    store: ObjectStore,
    private readonly kinds: readonly Kind[],
    private readonly namespace: string | undefined,
    private readonly filter: (o: KObject) => boolean = () => true,
    private readonly options: Omit<TableOptions, "nowMs"> = {},
  ) {
    for (const kind of kinds) this.stops.push(store.watch(kind, (ev) => this.pending.push(ev as WatchEvent<Kind>)));
  }

  /** The rows since the last poll. */
  poll(nowMs: number, opts: Omit<TableOptions, "nowMs"> = this.options): string {
    const events = this.pending.splice(0).filter((ev) => (!KINDS[ev.kind].namespaced || this.namespace === undefined || ev.object.metadata.namespace === this.namespace) && this.filter(ev.object));
    return events.map((ev) => {
      const table = printTables([{ kind: ev.kind, objects: [ev.object] }], { ...opts, nowMs, prefixKind: this.kinds.length > 1 }).stdout;
      return table.split("\n").slice(1).join("\n");
    }).join("");
  }

  close(): void {
    for (const stop of this.stops) stop();
    this.stops.length = 0;
  }
}
