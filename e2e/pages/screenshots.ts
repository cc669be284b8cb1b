/**
 * The e2e run's screenshots of the main states (e2e/screenshots/, not committed): taken once the
 * canvas has stopped moving, so a fit or zoom animation is never caught half-way.
 */
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/**
 * Waits until the canvas's viewport keeps the same transform for a moment (no canvas: at once).
 * A canvas still following a growing cluster after a few seconds is photographed as it is: a
 * screenshot is a record, not an assertion.
 */
export async function settleCanvas(page: Page): Promise<void> {
  const viewport = page.locator(".react-flow__viewport").first();
  if ((await viewport.count()) === 0) return;
  const transform = () => viewport.evaluate((el) => (el as HTMLElement).style.transform);
  try {
    await expect.poll(async () => {
      const before = await transform();
      await page.waitForTimeout(250);
      return before === (await transform());
    }, { timeout: 5_000 }).toBe(true);
  } catch {
    // Still moving: take it anyway.
  }
}

export async function saveScreenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await settleCanvas(page);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, ...opts });
}
