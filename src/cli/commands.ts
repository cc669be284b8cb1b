/** The CLI's commands: each loads the scenario files, runs the engine and prints kubectl's way. */
import type { EventRecord } from "../api/events";
import { KINDS, resolveKind, type Kind } from "../api/types";
import { parseDuration } from "../clock/time";
import { formatAge } from "../kubectl/age";
import { printTables, type TableOptions } from "../kubectl/printers";
import { formatObjects } from "../kubectl/output";
import { Simulation } from "../sim/simulation";
import { explainTable } from "../scheduler/explain-table";
import { formatError, readScenarioFiles } from "./files";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandOptions {
  until?: string;
  at?: string;
  seed?: number;
  output?: string;
  pod?: string;
  namespace?: string;
  allNamespaces: boolean;
}

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: "", stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n`, exitCode });

type Loaded = { ok: true; sim: Simulation } | { ok: false; out: CommandOutput };

/** Loads the files; any scenario error is printed with file:line:column and fails the command. */
function load(paths: string[], seed: number | undefined): Loaded {
  if (paths.length === 0) return { ok: false, out: fail("error: no scenario file given (kubeplay run FILE...)") };
  const read = readScenarioFiles(paths);
  if (!read.ok) return { ok: false, out: fail(read.message) };
  const { sim, errors } = Simulation.load(read.text, { seed });
  const hard = errors.filter((e) => e.severity === "error");
  if (hard.length > 0) {
    const lines = errors.map((e) => formatError(e, read.files));
    return { ok: false, out: fail(`${lines.join("\n")}\n${hard.length} error(s): the scenario was not run.`) };
  }
  return { ok: true, sim };
}

function duration(flag: string, text: string | undefined, fallback: number): number | CommandOutput {
  if (text === undefined) return fallback;
  const d = parseDuration(text);
  if (d === undefined) return fail(`error: ${flag} must be a duration like 90s, 10m or 1h30m, got "${text}"`);
  return d / 1000;
}

function runTo(sim: Simulation, t: number): CommandOutput | undefined {
  const res = sim.runUntil(t);
  if (!res.complete) return fail(`error: the simulation did not reach ${t}s: it took more than ${res.steps} steps (a component loops?)`, 2);
  return undefined;
}

/** Event log entries in the JSON shape of DESIGN §5. */
function eventJSON(e: EventRecord) {
  return { time: e.time, type: e.type, reason: e.reason, message: e.message, involvedObject: e.involvedObject };
}

export function runCommand(paths: string[], opts: CommandOptions): CommandOutput {
  const until = duration("--until", opts.until, 600);
  if (typeof until !== "number") return until;
  const output = opts.output ?? "table";
  if (output !== "json" && output !== "table") return fail(`error: -o must be json or table for run, got "${output}"`);
  const loaded = load(paths, opts.seed);
  if (!loaded.ok) return loaded.out;
  const { sim } = loaded;
  const stopped = runTo(sim, until);
  if (stopped) return stopped;
  const snap = sim.snapshot();
  const objects = snap.objects.filter((o) => o.kind !== "Event");
  const actionErrors = sim.actionErrors.map((a) => `warning: at ${a.time}s, ${a.action}: ${a.message}`).join("\n");
  if (output === "json") {
    const json = { time: snap.time, objects, events: snap.events.map(eventJSON) };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: actionErrors ? `${actionErrors}\n` : "", exitCode: 0 };
  }
  const nowMs = snap.epochMs + snap.time * 1000;
  const kinds: Kind[] = ["Node", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Pod"];
  const groups = kinds
    .map((kind) => ({ kind, objects: objects.filter((o) => o.kind === kind) }))
    .filter((g) => g.objects.length > 0);
  const tables = printTables(groups, { nowMs, allNamespaces: true });
  const lines = [`Virtual time: ${snap.time}s`, "", tables.stdout.trimEnd(), "", eventLogTable(snap.events)];
  return { stdout: `${lines.join("\n")}\n`, stderr: actionErrors ? `${actionErrors}\n` : "", exitCode: 0 };
}

/** The event log as a table: when (virtual time since start), type, reason, object, message. */
export function eventLogTable(events: readonly EventRecord[]): string {
  const rows = events.map((e) => [
    `${e.time}s`, e.type, e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message,
  ]);
  const header = ["TIME", "TYPE", "REASON", "OBJECT", "MESSAGE"];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join("")).join("\n");
}

export function getCommand(positionals: string[], opts: CommandOptions): CommandOutput {
  const [kindArg, ...paths] = positionals;
  if (!kindArg) return fail("error: you must specify the type of resource to get (kubeplay get pods FILE...)");
  const kinds: Kind[] = [];
  for (const k of kindArg.split(",")) {
    const kind = resolveKind(k);
    if (!kind) return fail(`error: the server doesn't have a resource type "${k}"`);
    kinds.push(kind);
  }
  const at = duration("--at", opts.at, 0);
  if (typeof at !== "number") return at;
  const output = opts.output ?? "table";
  const loaded = load(paths, opts.seed);
  if (!loaded.ok) return loaded.out;
  const { sim } = loaded;
  const stopped = runTo(sim, at);
  if (stopped) return stopped;
  const ns = opts.allNamespaces ? undefined : (opts.namespace ?? "default");
  const groups = kinds.map((kind) => ({
    kind,
    objects: sim.store.list(kind, KINDS[kind].namespaced ? ns : undefined),
  }));
  const nowMs = sim.epochMs + sim.time * 1000;
  if (output === "table" || output === "wide") {
    const tableOpts: TableOptions = { nowMs, wide: output === "wide", allNamespaces: opts.allNamespaces, namespace: ns };
    const out = printTables(groups, tableOpts);
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0 };
  }
  if (output === "yaml" || output === "json" || output === "name") {
    const all = groups.flatMap((g) => g.objects);
    return { stdout: formatObjects(all, output), stderr: "", exitCode: 0 };
  }
  return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
}

export function explainCommand(paths: string[], opts: CommandOptions): CommandOutput {
  if (!opts.pod) return fail("error: --pod NAME is required (kubeplay explain FILE... --pod NAME)");
  const output = opts.output ?? "table";
  if (output !== "json" && output !== "table") return fail(`error: -o must be json or table for explain, got "${output}"`);
  const loaded = load(paths, opts.seed);
  if (!loaded.ok) return loaded.out;
  const { sim } = loaded;
  const ns = opts.namespace ?? "default";
  // Everything due at t = 0 runs: pods with spec.nodeName are bound already, and the scheduler
  // takes the pending pods in queue order; the named pod's first attempt is the cycle reported.
  const stopped = runTo(sim, 0);
  if (stopped) return stopped;
  const pod = sim.store.get("Pod", ns, opts.pod);
  if (!pod) return fail(`Error from server (NotFound): pods "${opts.pod}" not found`);
  const attempt = sim.explain(ns, opts.pod)[0];
  if (!attempt) {
    const why = pod.spec?.schedulingGates?.length
      ? `it waits for its scheduling gates (${pod.spec.schedulingGates.map((g) => g.name).join(", ")})`
      : pod.spec?.nodeName ? `its manifest binds it to ${pod.spec.nodeName} (spec.nodeName)`
      : `it is not scheduled by default-scheduler (schedulerName: ${pod.spec?.schedulerName ?? ""})`;
    return fail(`kubeplay explain: pod ${ns}/${opts.pod} had no scheduling cycle: ${why}`, 2);
  }
  const { pod: podKey, selected, message, nodes } = attempt;
  if (output === "json") return { stdout: `${JSON.stringify({ pod: podKey, selected, message, nodes }, null, 2)}\n`, stderr: "", exitCode: 0 };
  return { stdout: explainTable(attempt), stderr: "", exitCode: 0 };
}

export { formatAge };
