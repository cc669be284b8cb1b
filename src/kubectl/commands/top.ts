/**
 * `kubectl top node [NAME] | top pod [NAME] [--containers] [--sum] [-A] [-l SEL] [--sort-by cpu|memory]
 * [--no-headers]` (kubectl pkg/cmd/top and metricsutil TopCmdPrinter): usage from the metrics API
 * — here the kubelets' per-container and per-node usage — CPU in millicores, memory in Mi, nodes
 * also as a share of allocatable. A node whose kubelet cannot be scraped has no metrics: its row
 * reads `<unknown>` (printMissingMetricsNodeLine), after the others. Without usage from the
 * kubelets, kubectl's "Metrics API not available".
 */
import { isSelectorError, parseSelector, type Selector } from "../../api/selector";
import { cpuMillis, memoryBytes } from "../../api/quantity";
import { resolveKind, type Stored } from "../../api/types";
import { goDuration } from "../../kubelet/reasons";
import { tabwrite } from "../tabwriter";
import { nowMsOf } from "./common";
import { bool, parseFlags, str } from "./flags";
import { fail, usageError, type CommandContext, type CommandResult, type ContainerUsage, type KubectlCommand } from "./types";

const NOT_AVAILABLE = "Metrics API not available";
/** metricsCreationDelay: a pod this old without metrics is reported as an error. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;
/** printMissingMetricsNodeLine's cell for a node without metrics. */
const UNKNOWN = "<unknown>";
const MI = 1024 * 1024;

interface PodMetrics {
  namespace: string;
  name: string;
  containers: readonly ContainerUsage[];
}

const cpu = (m: number) => `${m}m`;
/** printSingleResourceUsage for memory: whole Mi, rounded down. */
const mem = (b: number) => `${Math.trunc(b / MI)}Mi`;
const sumCpu = (cs: readonly ContainerUsage[]) => cs.reduce((s, c) => s + c.cpuMilli, 0);
const sumMem = (cs: readonly ContainerUsage[]) => cs.reduce((s, c) => s + c.memoryBytes, 0);

/** Every running pod's metrics (metrics-server reports pods whose containers run). */
function podMetrics(ctx: CommandContext, pods: readonly Stored<"Pod">[]): PodMetrics[] | undefined {
  const usage = ctx.host.nodes?.usage;
  if (!usage) return undefined;
  const out: PodMetrics[] = [];
  for (const p of pods) {
    if (p.status?.phase !== "Running") continue;
    const cs = usage(p.metadata.namespace ?? "default", p.metadata.name);
    if (cs?.length) out.push({ namespace: p.metadata.namespace ?? "default", name: p.metadata.name, containers: cs });
  }
  return out;
}

/**
 * verifyEmptyMetrics: why a pod list has no metrics. Pods older than metricsCreationDelay should
 * have them by now; younger ones may not yet. It looks in the current namespace, also under -A,
 * as kubectl does. Undefined when there are no pods at all.
 */
function emptyMetrics(ctx: CommandContext, ns: string, sel: Selector | undefined): string | undefined {
  const pods = ctx.host.store.list("Pod", ns).filter((p) => !sel || sel.matches(p.metadata.labels));
  if (pods.length === 0) return undefined;
  const nowMs = nowMsOf(ctx.host);
  for (const p of pods) {
    const age = nowMs - Date.parse(p.metadata.creationTimestamp ?? "");
    if (age > METRICS_CREATION_DELAY_MS) return `Metrics not available for pod ${ns}/${p.metadata.name}, age: ${goDuration(age)}`;
  }
  return "metrics not available yet";
}

function sortBy<T>(items: T[], key: string | undefined, cpuOf: (t: T) => number, memOf: (t: T) => number, nameOf: (t: T) => string): T[] {
  if (key === "cpu") return items.sort((a, b) => cpuOf(b) - cpuOf(a));
  if (key === "memory") return items.sort((a, b) => memOf(b) - memOf(a));
  return items.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
}

/** Rows of tab-terminated cells, aligned as metricsutil's tabwriter does (every cell padded). */
const table = (rows: string[][]): string => tabwrite(rows.map((r) => r.map((c) => `${c}\t`).join("")).join("\n") + "\n");

function topNode(ctx: CommandContext, names: readonly string[], f: Record<string, unknown>): CommandResult {
  const store = ctx.host.store;
  const selText = f.selector as string | undefined;
  const sel = selText === undefined ? undefined : parseSelector(selText);
  if (sel && isSelectorError(sel)) return fail(sel.message);
  const nodeUsage = ctx.host.nodes?.nodeUsage;
  if (!ctx.host.nodes?.usage || !nodeUsage) return fail(NOT_AVAILABLE);
  let nodes = store.list("Node").filter((n) => !sel || sel.matches(n.metadata.labels));
  if (names.length) {
    // kubectl GETs the node's metrics first: an unknown node, or one without metrics, fails there.
    const n = store.get("Node", undefined, names[0]!);
    if (!n || !nodeUsage(names[0]!)) return fail(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${names[0]}" not found`);
    nodes = [n];
  }
  const rows: Array<{ name: string; cpu: number; mem: number; acpu: number; amem: number }> = [];
  const missing: string[] = [];
  for (const n of nodes) {
    const u = nodeUsage(n.metadata.name);
    if (!u) { missing.push(n.metadata.name); continue; }
    const alloc = n.status?.allocatable ?? n.status?.capacity ?? {};
    rows.push({ name: n.metadata.name, cpu: u.cpuMilli, mem: u.memoryBytes, acpu: cpuMillis(alloc.cpu), amem: memoryBytes(alloc.memory) });
  }
  if (rows.length === 0) return fail("metrics not available yet");
  sortBy(rows, f["sort-by"] as string | undefined, (r) => r.cpu, (r) => r.mem, (r) => r.name);
  const pct = (v: number, a: number) => `${a === 0 ? 0 : Math.trunc((v / a) * 100)}%`;
  const body = rows.map((r) => [r.name, cpu(r.cpu), pct(r.cpu, r.acpu), mem(r.mem), pct(r.mem, r.amem)]);
  // kubectl prints these from a Go map (random order); here by name.
  for (const name of missing.sort()) body.push([name, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
  const header = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"];
  return { stdout: table(f["no-headers"] ? body : [header, ...body]), stderr: "", exitCode: 0 };
}

function topPod(ctx: CommandContext, names: readonly string[], f: Record<string, unknown>): CommandResult {
  const store = ctx.host.store;
  const allNs = f["all-namespaces"] === true;
  const ns = (f.namespace as string | undefined) ?? "default";
  const selText = f.selector as string | undefined;
  const sel = selText === undefined ? undefined : parseSelector(selText);
  if (sel && isSelectorError(sel)) return fail(sel.message);
  let pods = store.list("Pod", allNs ? undefined : ns).filter((p) => !sel || sel.matches(p.metadata.labels));
  if (names.length) pods = pods.filter((p) => p.metadata.name === names[0]);
  const metrics = podMetrics(ctx, pods);
  if (!metrics) return fail(NOT_AVAILABLE);
  // kubectl GETs a named pod's metrics: a pod without them (or no such pod) fails there.
  if (names.length && metrics.length === 0) return fail(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ns}/${names[0]}" not found`);
  if (metrics.length === 0) {
    const why = emptyMetrics(ctx, ns, sel);
    if (why) return fail(why);
    return { stdout: "", stderr: allNs ? "No resources found\n" : `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  }
  const containers = f.containers === true;
  const key = f["sort-by"] as string | undefined;
  const sorted = key ? sortBy(metrics, key, (m) => sumCpu(m.containers), (m) => sumMem(m.containers), (m) => m.name)
    : metrics.sort((a, b) => (allNs && a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: string[][] = [];
  if (!f["no-headers"]) rows.push([...(allNs ? ["NAMESPACE"] : []), ...(containers ? ["POD"] : []), "NAME", "CPU(cores)", "MEMORY(bytes)"]);
  for (const m of sorted) {
    if (containers) {
      const cs = key ? sortBy([...m.containers], key, (c) => c.cpuMilli, (c) => c.memoryBytes, (c) => c.name) : m.containers;
      for (const c of cs) rows.push([...(allNs ? [m.namespace] : []), m.name, c.name, cpu(c.cpuMilli), mem(c.memoryBytes)]);
    } else {
      rows.push([...(allNs ? [m.namespace] : []), m.name, cpu(sumCpu(m.containers)), mem(sumMem(m.containers))]);
    }
  }
  if (f.sum === true) {
    const width = 3 + (allNs ? 1 : 0) + (containers ? 1 : 0);
    rows.push([...Array(width - 2).fill(""), "________", "________"]);
    rows.push([...Array(width - 3).fill(""), "", cpu(metrics.reduce((s, m) => s + sumCpu(m.containers), 0)), mem(metrics.reduce((s, m) => s + sumMem(m.containers), 0))]);
  }
  return { stdout: table(rows), stderr: "", exitCode: 0 };
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const [sub, ...rest] = args;
  if (sub === undefined) return fail('you must specify a subcommand (kubeplay supports: node, pod)');
  const parsed = parseFlags(rest, {
    selector: { type: "string", short: "l" },
    "all-namespaces": { type: "bool", short: "A" },
    containers: { type: "bool" },
    sum: { type: "bool" },
    "sort-by": { type: "string" },
    "no-headers": { type: "bool" },
  });
  if (!parsed.ok) return usageError({ ...ctx, path: `${ctx.path} ${sub}` }, parsed.error);
  const key = str(parsed.flags, "sort-by");
  if (key !== undefined && key !== "cpu" && key !== "memory") return fail(`--sort-by accepts only cpu or memory`);
  const kind = resolveKind(sub);
  if (kind === "Node") return topNode(ctx, parsed.positionals, parsed.flags);
  if (kind === "Pod") {
    if (bool(parsed.flags, "all-namespaces") && parsed.positionals.length) return fail("a resource cannot be retrieved by name across all namespaces");
    return topPod(ctx, parsed.positionals, parsed.flags);
  }
  return fail(`unknown command "${sub}" for "${ctx.path}"`);
}

export const topCommand: KubectlCommand = {
  name: "top",
  short: "Display resource (CPU/memory) usage",
  run,
};
