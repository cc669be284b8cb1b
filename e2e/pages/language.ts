/** The language menu, and every UI string the page shows (text and accessible attributes). */
import { expect, type Page } from "@playwright/test";

export class LanguagePage {
  constructor(readonly page: Page) {}

  async choose(locale: "en" | "ko"): Promise<void> {
    await this.page.getByTestId("language").selectOption(locale);
    await expect(this.page.locator("html")).toHaveAttribute("lang", locale);
  }

  /**
   * The strings on screen: each visible element's own text, and its aria-label, title and
   * placeholder. The editor's text and kubectl's output are content, not UI, and are left out.
   */
  async visibleStrings(): Promise<Set<string>> {
    const list = await this.page.evaluate(() => {
      const out: string[] = [];
      const skip = ".monaco-editor, pre, .kp-console-out";
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        if (el.closest(skip)) continue;
        const box = (el as HTMLElement).getBoundingClientRect?.();
        if (!box || box.width === 0 || box.height === 0) continue;
        const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
        if (own) out.push(own);
        for (const a of ["aria-label", "title", "placeholder"]) {
          const v = el.getAttribute(a);
          if (v) out.push(v.trim());
        }
      }
      return out;
    });
    return new Set(list);
  }
}
