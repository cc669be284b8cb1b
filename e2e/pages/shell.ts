/** The page's shell: theme toggle, help dialog, keyboard shortcuts. */
import { type Locator, type Page } from "@playwright/test";

export class ShellPage {
  readonly themeToggle: Locator;
  readonly helpButton: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.themeToggle = page.getByTestId("theme-toggle");
    this.helpButton = page.getByTestId("help-button");
    this.help = page.getByTestId("help");
  }

  theme(): Promise<string | null> {
    return this.page.locator("html").getAttribute("data-theme");
  }

  /** Moves the focus off any control, as clicking an empty part of the page does. */
  async focusPage(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Page width beyond the viewport: 0 when nothing sticks out sideways. */
  overflowX(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
