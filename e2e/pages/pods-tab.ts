/**
 * The Pods tab of the side dock: `kubectl get pods` as a table. A test that compares two pages'
 * clusters reads it row by row (NAME, READY, STATUS, RESTARTS, AGE, NODE).
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class PodsTab {
  readonly tab: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId("dock-tab-pods");
    this.table = page.getByTestId("pod-table");
  }

  async open(): Promise<void> {
    if (await this.tab.count()) await this.tab.click();
    await expect(this.table.or(this.page.getByText("No resources found in default namespace."))).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.locator(`tbody tr[data-pod="${name}"]`);
  }

  rowsStartingWith(prefix: string): Locator {
    return this.table.locator(`tbody tr[data-pod^="${prefix}"]`);
  }

  status(name: string): Locator {
    return this.row(name).getByTestId("pod-status");
  }

  /** Every row's cells, tab-separated: equal lists mean the same pods in the same states. */
  async rows(): Promise<string[]> {
    await this.open();
    return this.table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "").join("\t")));
  }
}
