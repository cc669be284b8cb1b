/** Minimap classes: cards and backdrops by kind (coloured in canvas.css). */
import type { Node } from "@xyflow/react";

export function minimapClass(node: Node): string {
  return `kp-mm kp-mm-${node.type ?? "other"}`;
}
