/** Minimap classes: pods by status tone, cards and backdrops by kind (coloured in canvas.css). */
import type { Node } from "@xyflow/react";

export function minimapClass(node: Node): string {
  if (node.type === "pod") {
    const tone = (node.data as { tone?: string }).tone ?? "progress";
    return `kp-mm kp-mm-pod tone-${tone}`;
  }
  return `kp-mm kp-mm-${node.type ?? "other"}`;
}
