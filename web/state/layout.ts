/**
 * The layout slice: how the screen is arranged. Which view the canvas shows (the cluster by zones
 * and nodes, or the workloads by owner), and which panel the right-hand dock shows.
 */
export type CanvasView = "cluster" | "workloads";

/** The dock's panels (web/panels/dock.ts registers what each one shows). */
export type PanelId = "details" | "events" | "pods" | "inspector" | "why" | "console" | "diagrams";

export interface LayoutSlice {
  layout: { canvasView: CanvasView; panel: PanelId };
  setCanvasView(view: CanvasView): void;
  setPanel(panel: PanelId): void;
}

export function createLayoutSlice(set: (s: Partial<LayoutSlice>) => void, get: () => LayoutSlice): LayoutSlice {
  return {
    layout: { canvasView: "cluster", panel: "details" },
    setCanvasView: (canvasView) => set({ layout: { ...get().layout, canvasView } }),
    setPanel: (panel) => set({ layout: { ...get().layout, panel } }),
  };
}
