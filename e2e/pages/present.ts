/** Instructor mode in a presenter's verbs: enter and leave, press the remote's keys, use the laser, predict then reveal. */
import { expect, type Locator, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshots";


export class PresentPage {
  readonly toggle: Locator;
  readonly bar: Locator;
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId("present-toggle");
    this.bar = page.getByTestId("present-bar");
    this.card = page.getByTestId("predict-card");
  }

  async enter(): Promise<void> {
    await this.toggle.click();
    await expect(this.page.locator("html")).toHaveAttribute("data-present", "on");
    await expect(this.bar).toBeVisible();
    // The remote's keys go to the page, not to the button just clicked.
    await this.page.locator("body").click({ position: { x: 5, y: 400 } });
  }

  async remote(key: "PageDown" | "PageUp" | "ArrowRight" | "ArrowLeft" | "l" | "Escape"): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async predict(reason: string): Promise<void> {
    await this.page.getByTestId("predict-reason").selectOption(reason);
    await this.page.getByTestId("predict-arm").click();
    await expect(this.card).toHaveAttribute("data-phase", "asking", { timeout: 20_000 });
  }

  async reveal(): Promise<string> {
    await this.page.getByTestId("predict-reveal").click();
    await expect(this.card).toHaveAttribute("data-phase", "revealed", { timeout: 20_000 });
    return this.page.getByTestId("predict-event").innerText();
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name);
  }
}
