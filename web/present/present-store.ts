/**
 * Instructor mode's state: whether the page presents, the laser pointer, the trail of positions
 * for "back", and the "predict, then run" question in progress. One writer: web/present.
 */
import { createStore } from "zustand/vanilla";
import type { EventRecord } from "../../src/api/events";

export type Predict =
  | { phase: "idle" }
  | { phase: "running"; reason: string | undefined }
  | { phase: "asking"; event: EventRecord }
  | { phase: "revealed"; event: EventRecord }
  | { phase: "none"; reason: string | undefined };

export interface PresentState {
  on: boolean;
  laser: boolean;
  trail: number[];
  predict: Predict;
}

export const presentStore = createStore<PresentState>()(() => ({ on: false, laser: false, trail: [], predict: { phase: "idle" } }));

export function setPresenting(on: boolean): void {
  presentStore.setState({ on, laser: false, trail: [], predict: { phase: "idle" } });
  if (typeof document !== "undefined") {
    if (on) document.documentElement.dataset.present = "on";
    else delete document.documentElement.dataset.present;
  }
}
