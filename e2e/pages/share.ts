/**
 * Sharing and keeping work, in a learner's verbs: copy the share link, read the notice the page
 * shows about how it opened, export and import the YAML.
 */
import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

export class SharePage {
  readonly button: Locator;
  readonly popover: Locator;
  readonly link: Locator;
  readonly status: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId("share");
    this.popover = page.getByTestId("share-popover");
    this.link = page.getByTestId("share-link");
    this.status = page.getByTestId("share-status");
    this.notice = page.getByTestId("workspace-notice");
  }

  /** Presses Share, waits for the copy, and returns the link from the clipboard (checked against the popover). */
  async copyLink(opts: { beforeClosing?: () => Promise<void> } = {}): Promise<string> {
    await this.button.click();
    await expect(this.popover).toBeVisible();
    await expect(this.status).toContainText("Link copied");
    const shown = await this.link.inputValue();
    const copied = await this.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    await opts.beforeClosing?.();
    await this.page.keyboard.press("Escape");
    await expect(this.popover).toBeHidden();
    return copied;
  }

  /** The editor's text, as Export downloads it, with the file's name. */
  async exportText(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("export").click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByTestId("import-file").setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
  }
}
