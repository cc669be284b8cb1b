/**
 * Pods glide to their new place (the "first, last, invert, play" technique): each pod tile
 * remembers where on the canvas it was last drawn; drawn somewhere else, even by another
 * container (from the queue lane into a node card), it starts at its old place and animates to
 * the new one. Positions are canvas coordinates from the layout, so nothing is measured.
 */
import { createContext } from "react";

const last = new Map<string, { x: number; y: number }>();

/**
 * True when the canvas is zoomed so far out that a pod's text could not be read: tiles then draw
 * only their coloured box (a thousand pods are a thousand elements, not eight thousand).
 */
export const FarContext = createContext(false);
let allowed = true;
/** Moves farther than this many canvas pixels jump (a new arrangement), closer ones glide. */
const MAX_GLIDE = 2400;
const DURATION_MS = 450;

/** The canvas says whether moves may animate (not with reduced motion, not when zoomed far out). */
export function setGlideAllowed(on: boolean): void {
  allowed = on;
}

/** Forgets every remembered place (a snapshot: a load or a seek draws the picture afresh). */
export function forgetPlaces(): void {
  last.clear();
}

/** Call after a tile is drawn at (x, y): animates it from where it was, if it moved. */
export function glide(el: HTMLElement | null, id: string, x: number, y: number): void {
  const prev = last.get(id);
  last.set(id, { x, y });
  if (!el || !prev || !allowed) return;
  const dx = prev.x - x;
  const dy = prev.y - y;
  if ((dx === 0 && dy === 0) || Math.hypot(dx, dy) > MAX_GLIDE || typeof el.animate !== "function") return;
  el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: "translate(0, 0)" }], { duration: DURATION_MS, easing: "cubic-bezier(0.3, 0.7, 0.2, 1)" });
}
