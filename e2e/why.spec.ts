import { expect, test } from "@playwright/test";
import { HUGE_POD, SMALL_POD } from "./fixtures/issue7";
import { ClusterPage } from "./pages/cluster";
import { ScenarioEditorPage } from "./pages/editor";
import { DockPage, WhyPage } from "./pages/panels";
import { collectErrors } from "./pages/errors";

const FAILED = "0/3 nodes are available: 3 Insufficient cpu.";

test('"Why?" on a pending pod: the real FailedScheduling message, every node\'s verdict, rejected nodes greyed on the canvas', async ({ page }) => {
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  const dock = new DockPage(page);
  const why = new WhyPage(page);
  await cluster.open();
  await editor.setText(`${HUGE_POD}---\n${SMALL_POD}`);
  await editor.restartButton.click();
  await expect(cluster.pod("huge")).toBeVisible();
  await cluster.setSpeed(10);
  await cluster.play();
  await expect(cluster.pod("small")).toHaveAttribute("data-status", "Running", { timeout: 20_000 });
  await cluster.pause();

  await cluster.pod("huge").click();
  await dock.open("why");
  await expect(why.message).toContainText(FAILED);
  await expect(why.message).toContainText("FailedScheduling");
  const rows = await why.nodeRows();
  expect(rows.map((r) => r.node).sort()).toEqual(["zone-a-1", "zone-b-1", "zone-c-1"]);
  for (const r of rows) {
    expect(r.cls).toContain("is-rejected");
    expect(r.text).toContain("NodeResourcesFit");
    expect(r.text).toContain("Insufficient cpu");
  }
  // The rejected nodes are greyed on the canvas, their reason shown on hover.
  await expect.poll(() => cluster.node("zone-a-1").evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThan(1);
  const hover = await cluster.node("zone-b-1").evaluate((el) => getComputedStyle(el, "::after").content);
  expect(hover).toBe("none");
  await cluster.node("zone-b-1").hover();
  await expect.poll(() => cluster.node("zone-b-1").evaluate((el) => getComputedStyle(el, "::after").content)).toContain("NodeResourcesFit: Insufficient cpu");
  await dock.screenshot("why-01-pending");

  // A pod that fits: the winner and every plugin's raw, normalised and weighted scores.
  await cluster.pod("small").click();
  await expect(why.root).toHaveAttribute("data-name", "small");
  const winner = await cluster.pod("small").getAttribute("data-bound");
  await expect(why.root.getByTestId("why-winner")).toContainText(winner!);
  const scored = await why.nodeRows();
  expect(scored[0]!.node).toBe(winner);
  expect(scored[0]!.cls).toContain("is-winner");
  // Per-plugin scores: weighted, with raw → normalised under it, one column per feasible node.
  const scores = why.root.getByTestId("why-scores");
  await expect(scores.locator("th.kp-why-plugin")).not.toHaveCount(0);
  await expect(scores.locator("thead th")).toHaveCount(4);
  await expect(scores.locator("tr[data-plugin=TaintToleration] td").first()).toHaveText(/^\d+(\.\d+)?\d+(\.\d+)? → \d+(\.\d+)?$/);
  await expect(why.root.getByTestId("why-not-ready")).toContainText("The pod is Ready.");
  await expect.poll(() => cluster.node("zone-a-1").evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
  await dock.screenshot("why-02-scores");
  expect(errors).toEqual([]);
});
