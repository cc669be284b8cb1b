/** Sizes on the canvas, in canvas pixels (1:1 at zoom 1). One place, so layouts and styles agree. */
export const POD = { w: 156, h: 46, gap: 8 } as const;
/** A Node card: header (name, marks) and three usage bars above its pod grid. */
export const MACHINE = { pad: 12, head: 92, gap: 14 } as const;
export const ZONE = { pad: 14, head: 50, gap: 22 } as const;
/** The queue lane: an empty lane keeps only room for its one-line note. */
export const QUEUE = { pad: 14, head: 42, gap: 22, emptyBody: 22 } as const;
export const SERVICE = { w: 210, h: 72, gap: 14, colGap: 80 } as const;
export const WORKLOAD = { w: 220, h: 84, gap: 14, colGap: 52, rowGap: 26 } as const;

/** Pod grid columns for a box holding at most `n` pods: wide enough to keep boxes from towering. */
export function gridColumns(n: number, min = 2, max = 6): number {
  const cols = n <= 4 ? 2 : n <= 9 ? 3 : n <= 16 ? 4 : n <= 30 ? 5 : 6;
  return Math.min(max, Math.max(min, cols));
}

export function gridWidth(cols: number): number {
  return cols * POD.w + (cols - 1) * POD.gap;
}

/** Height of a grid of `n` pods in `cols` columns; an empty grid keeps one row (its placeholder). */
export function gridHeight(n: number, cols: number): number {
  const rows = Math.max(1, Math.ceil(n / cols));
  return rows * POD.h + (rows - 1) * POD.gap;
}

/** Top-left of pod `i` of a grid whose top-left is (x, y). */
export function gridCell(i: number, cols: number, x: number, y: number): { x: number; y: number } {
  return { x: x + (i % cols) * (POD.w + POD.gap), y: y + Math.floor(i / cols) * (POD.h + POD.gap) };
}
