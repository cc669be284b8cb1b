/**
 * The shape of one kind's `kubectl get` table, as the API server's table convertor defines it
 * (kubernetes pkg/printers/internalversion/printers.go `AddHandlers`): column names in
 * upstream's spelling (upper-cased when printed) with their priority (1 = shown only with
 * `-o wide`), and a row function producing every cell. The server always generates the wide
 * cells (`GenerateOptions{Wide: true}` in pkg/printers/storage); kubectl drops priority columns.
 */
import type { Container } from "kubernetes-types/core/v1";
import type { Kind, KindMap } from "../api/types";

export interface Column {
  readonly name: string;
  /** 1: only with `-o wide`. */
  readonly priority?: 1;
  /** The column kubectl prefixes with "kind.group/" when several kinds are listed (Format "name"). */
  readonly isName?: true;
}

export interface TableDef<K extends Kind> {
  readonly columns: readonly Column[];
  row(obj: KindMap[K], nowMs: number): string[];
}

export type TableDefs<K extends Kind> = { readonly [P in K]: TableDef<P> };

export const nameColumn: Column = { name: "Name", isName: true };
export const ageColumn: Column = { name: "Age" };
export const wide = (name: string): Column => ({ name, priority: 1 });

/** `layoutContainerCells`: container names and images, each comma-joined. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(","), cs.map((c) => c.image ?? "").join(",")];
}

/** Go's `fmt.Sprint` of a bool cell. */
export const goBool = (b: boolean | undefined): string => (b ? "true" : "false");

/** `printBoolPtr`: "True" / "False" / "<unset>". */
export const boolPtr = (b: boolean | undefined): string => (b === undefined ? "<unset>" : b ? "True" : "False");

/** A Quantity's text; the zero Quantity prints "0". */
export const quantity = (q: string | number | undefined): string => (q === undefined || q === "" ? "0" : String(q));
