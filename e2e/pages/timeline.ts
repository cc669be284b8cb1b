/**
 * The timeline bar every page object drives: play / pause / step / speed and the virtual clock.
 * `data-seq` on the timeline carries the sequence number of the last engine message the page
 * applied, so a step can wait for exactly one answer.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class TimelineControls {
  readonly timeline: Locator;
  readonly playPause: Locator;
  readonly stepButton: Locator;
  readonly speed: Locator;
  readonly virtualTime: Locator;
  readonly lastStep: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.locator("section.kp-timeline");
    this.playPause = page.getByTestId("play-pause");
    this.stepButton = page.getByTestId("step");
    this.speed = page.getByTestId("speed");
    this.virtualTime = page.getByTestId("virtual-time");
    this.lastStep = page.getByTestId("last-step");
  }

  async seq(): Promise<number> {
    return Number(await this.timeline.getAttribute("data-seq"));
  }

  /** Steps one engine event and waits for the engine's answer (exactly one more patch). */
  async step(): Promise<void> {
    const seq = await this.seq();
    await this.stepButton.click();
    await expect(this.timeline).toHaveAttribute("data-seq", String(seq + 1));
  }

  async setSpeed(speed: number): Promise<void> {
    await this.speed.selectOption(String(speed));
    await expect(this.speed).toHaveValue(String(speed));
  }

  async play(): Promise<void> {
    await expect(this.playPause).toHaveAccessibleName("Play");
    await this.playPause.click();
    await expect(this.playPause).toHaveAccessibleName("Pause");
  }

  async pause(): Promise<void> {
    await expect(this.playPause).toHaveAccessibleName("Pause");
    await this.playPause.click();
    await expect(this.playPause).toHaveAccessibleName("Play");
  }

  /** The virtual clock in seconds, read from "t = 1m 05.0s". */
  async time(): Promise<number> {
    const text = (await this.virtualTime.textContent()) ?? "";
    const m = /^t = (?:(\d+)h )?(?:(\d+)m )?([\d.]+)s$/.exec(text.trim());
    if (!m) throw new Error(`unexpected virtual time text: ${text}`);
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
  }
}
