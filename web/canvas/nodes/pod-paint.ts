/**
 * Far-away pods painted on a <canvas> (see PodGrid): a coloured rounded rectangle per pod, the
 * colour of its kubectl STATUS tone. Colours come from the theme's variables.
 */
import { POD } from "../layout/geometry";
import type { PodSlot } from "../layout/types";

const TONE_VARS = { ok: "--ok", progress: "--progress", done: "--done", warning: "--progress", error: "--error", unknown: "--unknown" } as const;
type Palette = Record<keyof typeof TONE_VARS | "accent", string>;

let cached: { theme: string; palette: Palette } | undefined;

/** The theme's tone colours, read once per theme. */
export function palette(el: Element): Palette {
  const theme = document.documentElement.dataset.theme ?? "";
  if (cached?.theme === theme) return cached.palette;
  const css = getComputedStyle(el);
  const read = (v: string) => css.getPropertyValue(v).trim() || "#888";
  const p = { ok: read(TONE_VARS.ok), progress: read(TONE_VARS.progress), done: read(TONE_VARS.done), warning: read(TONE_VARS.warning), error: read(TONE_VARS.error), unknown: read(TONE_VARS.unknown), accent: read("--accent") };
  cached = { theme, palette: p };
  return p;
}

/** Paints `slots` onto a 2D context whose unit is `scale` canvas pixels. */
export function paintPods(ctx: CanvasRenderingContext2D, slots: readonly PodSlot[], colors: Palette, scale: number, selected: string | undefined): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width / scale, ctx.canvas.height / scale);
  for (const s of slots) {
    const v = s.view;
    ctx.globalAlpha = v.terminating || v.finished ? 0.45 : 1;
    ctx.fillStyle = colors[v.tone];
    ctx.beginPath();
    ctx.roundRect(s.x, s.y, POD.w, POD.h, 6);
    ctx.fill();
    if (v.id === selected) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 6;
      ctx.strokeStyle = colors.accent;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}
