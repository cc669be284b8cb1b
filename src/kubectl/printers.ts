/**
 * `kubectl get` tables, byte for byte: the API server's table columns and cells (table-*.ts),
 * decorated and laid out as kubectl's get command and cli-runtime table printer do it
 * (NAMESPACE column with -A, LABELS with --show-labels, "kind.group/name" when several kinds are
 * listed, a blank line between kinds, tabwriter alignment, "No resources found…" on stderr).
 */
import { KINDS, type Kind, type KindMap, type KObject } from "../api/types";
import { formatLabels } from "./labels";
import { clusterTables } from "./table-cluster";
import type { Column, TableDef, TableDefs } from "./table-def";
import { networkTables } from "./table-network";
import { workloadTables } from "./table-workloads";
import { tabwrite } from "./tabwriter";

export interface TableOptions {
  /** `-o wide`: also the priority-1 columns. */
  wide?: boolean;
  /** `-A`: a NAMESPACE column first (namespaced kinds only). */
  allNamespaces?: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
  /** The instant ages are measured at (unix ms of the virtual clock). */
  nowMs: number;
  /** The namespace named in "No resources found in <ns> namespace." (default "default"). */
  namespace?: string;
  /**
   * Prefix names with "kind.group/". When unset, kubectl's own rule applies: prefix when the
   * listed objects are of more than one kind.
   */
  prefixKind?: boolean;
}

export interface PrintResult {
  stdout: string;
  stderr: string;
}

export interface TableGroup {
  kind: Kind;
  objects: readonly KObject[];
}

const TABLES: TableDefs<Kind> = { ...workloadTables, ...networkTables, ...clusterTables };

/** Warnings the API server attaches to a kind's list responses; kubectl prints them on stderr. */
const API_WARNINGS: Partial<Record<Kind, string>> = {
  Endpoints: "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
};

/** The stderr lines ("Warning: …") a request for these kinds earns from a v1.33+ API server. */
export function apiWarnings(kinds: readonly Kind[]): string {
  return [...new Set(kinds)].flatMap((k) => (API_WARNINGS[k] ? [`Warning: ${API_WARNINGS[k]}\n`] : [])).join("");
}

/** "deployment.apps", "pod", "horizontalpodautoscaler.autoscaling": GroupKind as kubectl prints it. */
export function groupKind(kind: Kind): string {
  const apiVersion = KINDS[kind].apiVersion;
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The API server lists objects in storage-key order: by namespace, then name. */
export function apiListOrder(a: KObject, b: KObject): number {
  return compareCodePoints(`${a.metadata?.namespace ?? ""}/${a.metadata?.name ?? ""}`,
    `${b.metadata?.namespace ?? ""}/${b.metadata?.name ?? ""}`);
}

/** A cell as the table printer writes it: cut at the first line break ("..."), ESC shown as "^[". */
function sanitizeCell(cell: string): string {
  const brk = cell.search(/[\f\n\r]/);
  const text = brk >= 0 ? cell.slice(0, brk) : cell;
  return text.replace(/\x1b/g, "^[") + (brk >= 0 ? "..." : "");
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** One kind's table (header + rows), unaligned: cells separated by tabs, one line per row. */
function tableText(kind: Kind, objects: readonly KObject[], opts: TableOptions, withKind: boolean): string {
  const def = TABLES[kind] as unknown as TableDef<Kind>;
  const withNamespace = !!opts.allNamespaces && KINDS[kind].namespaced;
  const visible = def.columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || !c.priority);
  const nameIndex = def.columns.findIndex((c: Column) => c.isName);
  const prefix = groupKind(kind);

  const headers = [
    ...(withNamespace ? ["NAMESPACE"] : []),
    ...visible.map(({ c }) => c.name.toUpperCase()),
    ...(opts.showLabels ? ["LABELS"] : []),
  ];
  const rows = [...objects].sort(apiListOrder).map((o) => {
    const cells = def.row(o as KindMap[Kind], opts.nowMs);
    if (withKind && nameIndex >= 0) cells[nameIndex] = `${prefix}/${cells[nameIndex]}`;
    return [
      ...(withNamespace ? [o.metadata?.namespace ?? ""] : []),
      ...visible.map(({ i }) => cells[i] ?? ""),
      ...(opts.showLabels ? [formatLabels(o.metadata?.labels)] : []),
    ].map(sanitizeCell);
  });

  // kubectl pads each header (except the last) to the widest cell of its column in bytes, which
  // primes the tabwriter's widths; for ASCII this equals plain tabwriter alignment.
  const paddedHeaders = headers.map((h, i) => {
    if (i === headers.length - 1) return h;
    const widest = Math.max(0, ...rows.map((r) => utf8Length(r[i] ?? "")));
    return h + " ".repeat(Math.max(0, widest - h.length));
  });
  return [paddedHeaders, ...rows].map((r) => r.join("\t")).join("\n") + "\n";
}

/**
 * `kubectl get <kind>`: the table on stdout; on stderr the API's warnings and, when nothing was
 * listed, "No resources found in <ns> namespace." (or "No resources found" with -A).
 */
export function printTable(kind: Kind, objects: readonly KObject[], opts: TableOptions): PrintResult {
  return printTables([{ kind, objects }], opts);
}

/**
 * `kubectl get kind1,kind2,…`: one table per kind in the given order, separated by a blank line;
 * kinds without objects print nothing.
 */
export function printTables(groups: readonly TableGroup[], opts: TableOptions): PrintResult {
  const listed = groups.filter((g) => g.objects.length > 0);
  const withKind = opts.prefixKind ?? new Set(listed.map((g) => g.kind)).size > 1;
  let stdout = "";
  for (const g of listed) {
    if (stdout !== "") stdout += "\n";
    stdout += tabwrite(tableText(g.kind, g.objects, opts, withKind));
  }
  let stderr = apiWarnings(groups.map((g) => g.kind));
  if (stdout === "") {
    stderr += opts.allNamespaces ? "No resources found\n" : `No resources found in ${opts.namespace ?? "default"} namespace.\n`;
  }
  return { stdout, stderr };
}
