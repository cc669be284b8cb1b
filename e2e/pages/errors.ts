/** What went wrong in the page while a test ran: uncaught exceptions and console errors. Expect it empty at the end. */
import type { Page } from "@playwright/test";

export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  return errors;
}
