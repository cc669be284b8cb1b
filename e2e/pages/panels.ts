/**
 * The dock's panels from issue 7 in a learner's verbs: open a tab; run a kubectl command in the
 * console and read what it printed; read the "why?" explanation; switch the inspector's view;
 * pick a diagram and read which state it highlights.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshots";


export type PanelId = "details" | "events" | "pods" | "inspector" | "why" | "console" | "diagrams";

export class DockPage {
  constructor(readonly page: Page) {}

  tab(id: PanelId): Locator {
    return this.page.getByTestId(`dock-tab-${id}`);
  }

  async open(id: PanelId): Promise<void> {
    await this.tab(id).click();
    await expect(this.tab(id)).toHaveAttribute("aria-selected", "true");
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name);
  }
}

export interface ConsoleOutput {
  stdout: string;
  stderr: string;
}

export class ConsolePage {
  readonly root: Locator;
  readonly input: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("console");
    this.input = page.getByTestId("console-input");
    this.entries = this.root.getByTestId("console-entry");
  }

  /** Types a command line, presses Enter and waits for kubectl's answer. */
  async run(line: string): Promise<ConsoleOutput> {
    // The panel loads lazily: count its entries once it is there (the transcript outlives it).
    await expect(this.input).toBeVisible();
    const before = await this.entries.count();
    await this.input.fill(line);
    await this.input.press("Enter");
    const entry = this.entries.nth(before);
    await expect(entry).toBeVisible();
    await expect(entry.locator(".kp-console-pending")).toHaveCount(0);
    const stdout = (await entry.getByTestId("console-stdout").count()) ? (await entry.getByTestId("console-stdout").textContent() ?? "").replace(/\n$/, "") : "";
    const stderr = (await entry.getByTestId("console-stderr").count()) ? (await entry.getByTestId("console-stderr").textContent() ?? "").replace(/\n$/, "") : "";
    return { stdout, stderr };
  }

  /** Runs `line` again until its output satisfies `ok` (the cluster moves on in between). */
  async runUntil(line: string, ok: (o: ConsoleOutput) => boolean, timeout = 20_000): Promise<ConsoleOutput> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const out = await this.run(line);
      if (ok(out)) return out;
      if (Date.now() > deadline) throw new Error(`"${line}" never printed what was expected; last:\n${out.stdout}${out.stderr}`);
      await this.page.waitForTimeout(300);
    }
  }
}

/** Rows of a kubectl table, by column header. */
export function parseTable(text: string): Array<Record<string, string>> {
  const lines = text.split("\n").filter((l) => l.trim());
  const header = lines[0] ?? "";
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  return lines.slice(1).map((line) => {
    const row: Record<string, string> = {};
    starts.forEach((c, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]!.at : line.length;
      row[c.name] = line.slice(c.at, end).trim();
    });
    return row;
  });
}

export class WhyPage {
  readonly root: Locator;
  readonly message: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("why");
    this.message = this.root.getByTestId("why-message");
    this.rows = this.root.getByTestId("why-node-row");
  }

  /** Each node's row: its name, and its verdict cell's text. */
  async nodeRows(): Promise<Array<{ node: string; cls: string; text: string }>> {
    return this.rows.evaluateAll((els) => els.map((el) => ({ node: el.getAttribute("data-node") ?? "", cls: el.className, text: (el as HTMLElement).innerText })));
  }
}

export class DiagramsPage {
  readonly root: Locator;
  readonly svg: Locator;
  readonly current: Locator;
  readonly source: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("diagrams");
    this.svg = this.root.getByTestId("diagram").locator("svg");
    this.current = this.root.getByTestId("diagram-current");
    this.source = this.root.getByTestId("diagram-source");
  }

  async show(kind: "state" | "sequence" | "gantt"): Promise<void> {
    await this.root.getByTestId(`diagram-${kind}`).click();
    await expect(this.root).toHaveAttribute("data-kind", kind);
  }
}
