/**
 * The selection slice: the object the learner clicked on the canvas (a pod, a node, a workload),
 * by reference; views look it up in the cluster mirror, so it stays live and may disappear.
 */
import type { Kind } from "../../src/api/types";

export interface SelectedRef {
  kind: Kind;
  namespace?: string;
  name: string;
}

export interface SelectionSlice {
  selection: SelectedRef | null;
  select(ref: SelectedRef | null): void;
  /** Bumped when the keyboard asks for the selection's actions menu (the canvas opens it). */
  menuRequest: number;
  requestMenu(): void;
}

export function sameRef(a: SelectedRef | null, b: SelectedRef | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? "") === (b.namespace ?? "");
}

export function createSelectionSlice(set: (s: Partial<SelectionSlice>) => void, get: () => SelectionSlice): SelectionSlice {
  return {
    selection: null,
    select: (ref) => {
      if (!sameRef(get().selection, ref)) set({ selection: ref });
    },
    menuRequest: 0,
    requestMenu: () => {
      if (get().selection) set({ menuRequest: get().menuRequest + 1 });
    },
  };
}
