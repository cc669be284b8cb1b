/**
 * The canvas's context menu, in a learner's verbs: right-click an object (or press Shift+F10 on
 * the selection), pick an action, give it a value when it asks, read what it did.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class CanvasMenuPage {
  readonly menu: Locator;
  readonly outcome: Locator;
  readonly input: Locator;

  constructor(readonly page: Page) {
    this.menu = page.getByTestId("canvas-menu");
    this.outcome = page.getByTestId("canvas-menu-outcome");
    this.input = page.getByTestId("canvas-menu-input");
  }

  /** Right-clicks `target` on the canvas and waits for its menu. */
  async openOn(target: Locator): Promise<void> {
    await target.click({ button: "right" });
    await expect(this.menu).toBeVisible();
  }

  item(id: string): Locator {
    return this.menu.getByTestId(`menu-${id}`);
  }

  /** Picks an item that runs at once; the menu closes. */
  async choose(id: string): Promise<void> {
    await this.item(id).click();
    await expect(this.menu).toBeHidden();
  }

  /** Picks an item that asks for a value, types it and runs it. */
  async chooseWith(id: string, value: string): Promise<void> {
    await this.item(id).click();
    await this.input.fill(value);
    await this.input.press("Enter");
    await expect(this.menu).toBeHidden();
  }
}
