/** Where each pod is drawn on the canvas, in canvas coordinates (containers' origin + slot). */
import { POD } from "./geometry";
import { isPodContainer, type CanvasLayout, type PodSlot } from "./types";

export interface PodBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The canvas id of the container that draws it. */
  container: string;
  slot: PodSlot;
}

export function podBoxes(layout: Pick<CanvasLayout, "items">): Map<string, PodBox> {
  const out = new Map<string, PodBox>();
  for (const it of layout.items) {
    if (!isPodContainer(it)) continue;
    for (const slot of it.data.slots) out.set(slot.view.id, { x: it.x + slot.x, y: it.y + slot.y, w: POD.w, h: POD.h, container: it.id, slot });
  }
  return out;
}
