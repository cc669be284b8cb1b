import { expect, test } from "@playwright/test";
import { CRONJOB } from "./fixtures/issue7";
import { ClusterPage } from "./pages/cluster";
import { ScenarioEditorPage } from "./pages/editor";
import { DiagramsPage, DockPage } from "./pages/panels";
import { collectErrors } from "./pages/errors";

/** The text of the state the diagram highlights (mermaid puts the classDef's class on the state's node). */
async function highlighted(d: DiagramsPage): Promise<string> {
  return ((await d.svg.locator("g.current").first().textContent()) ?? "").trim();
}

test("the pod's state diagram highlights the status the canvas shows, live; the sequence of events; mermaid loads only when asked", async ({ page }) => {
  const errors = collectErrors(page);
  const mermaidRequests: string[] = [];
  page.on("request", (r) => { if (/mermaid|stateDiagram|dagre/.test(r.url())) mermaidRequests.push(r.url()); });
  const cluster = new ClusterPage(page);
  const dock = new DockPage(page);
  const diagrams = new DiagramsPage(page);
  await cluster.open();
  await cluster.pod("web-1").click();
  expect(mermaidRequests).toEqual([]);

  await dock.open("diagrams");
  await expect(diagrams.svg).toBeVisible();
  expect(mermaidRequests.length).toBeGreaterThan(0);
  const status = await cluster.pod("web-1").getAttribute("data-status");
  await expect(diagrams.current).toHaveAttribute("data-status", status!);
  await expect.poll(() => highlighted(diagrams)).toBe(await diagrams.current.getAttribute("data-state"));
  await dock.screenshot("diagrams-01-pending");

  await cluster.setSpeed(10);
  await cluster.play();
  await expect(cluster.pod("web-1")).toHaveAttribute("data-status", "Running", { timeout: 20_000 });
  await cluster.pause();
  await expect(diagrams.current).toHaveAttribute("data-status", "Running");
  await expect.poll(() => highlighted(diagrams)).toBe("Running");
  await dock.screenshot("diagrams-02-running");

  await diagrams.show("sequence");
  await expect(diagrams.svg).toBeVisible();
  await expect(diagrams.svg).toContainText("API server");
  await expect(diagrams.svg).toContainText("Started");
  await expect(diagrams.source).toHaveText(/^sequenceDiagram/);
  await dock.screenshot("diagrams-03-sequence");
  await diagrams.root.getByTestId("diagram-enlarge").click();
  await expect(page.getByTestId("diagram-large").locator("svg")).toBeVisible();
  await dock.screenshot("diagrams-03b-sequence-enlarged");
  await page.getByTestId("diagram-large").getByRole("button").click();
  await expect(page.getByTestId("diagram-large")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a Gantt of CronJob runs shows concurrencyPolicy at work, and copies as mermaid text", async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  const dock = new DockPage(page);
  const diagrams = new DiagramsPage(page);
  await cluster.open();
  await editor.setText(CRONJOB);
  await editor.restartButton.click();
  await dock.open("diagrams");
  await diagrams.show("gantt");
  await expect(diagrams.root).toContainText("No Jobs yet");
  await cluster.setSpeed(100);
  await cluster.play();
  await expect.poll(() => cluster.time(), { timeout: 20_000 }).toBeGreaterThan(300);
  await cluster.pause();
  await expect(diagrams.svg).toBeVisible();
  await expect(diagrams.svg).toContainText("cronjob/tick (Forbid)");
  await expect(diagrams.svg.locator("text", { hasText: /^tick-\d+/ }).first()).toBeVisible();
  await diagrams.root.getByTestId("diagram-copy-text").click();
  await expect(diagrams.root.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^gantt\n/);
  await dock.screenshot("diagrams-04-gantt");
  await diagrams.root.getByTestId("diagram-enlarge").click();
  await dock.screenshot("diagrams-04b-gantt-enlarged");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("diagram-large")).toHaveCount(0);
  expect(errors).toEqual([]);
});
