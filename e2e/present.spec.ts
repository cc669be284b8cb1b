import { expect, test } from "@playwright/test";
import { ClusterPage } from "./pages/cluster";
import { PresentPage } from "./pages/present";

test("instructor mode: large layout without the editor, remote keys step and go back, laser, predict then reveal", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const cluster = new ClusterPage(page);
  const present = new PresentPage(page);
  await cluster.open();
  await present.enter();
  await expect(page.getByTestId("scenario-editor")).toBeHidden();
  await expect(cluster.canvas).toBeVisible();

  // The remote: PageDown steps one engine event, PageUp goes back to where the class was.
  const seq = await cluster.seq();
  await present.remote("PageDown");
  await expect(cluster.timeline).toHaveAttribute("data-seq", String(seq + 1));
  await present.remote("PageDown");
  await expect(cluster.timeline).toHaveAttribute("data-seq", String(seq + 2));
  const forward = await cluster.time();
  await present.remote("PageUp");
  await expect.poll(() => cluster.time()).toBeLessThanOrEqual(forward);

  // The laser follows the pointer.
  await present.remote("l");
  await page.mouse.move(700, 400);
  await page.mouse.move(720, 410);
  await expect(page.getByTestId("laser")).toBeVisible();
  await present.screenshot("present-01-layout");

  // Predict, then run: stop before the next "Started", ask, reveal.
  await present.predict("Started");
  await expect(present.card).toContainText("What happens next?");
  await expect(present.card).toContainText(/pod\/web-\d/);
  await present.screenshot("present-02-predict");
  const revealed = await present.reveal();
  expect(revealed).toContain("Started");
  expect(revealed).toMatch(/Started container nginx/);
  await present.screenshot("present-03-revealed");
  await page.getByTestId("predict-close").click();

  await present.remote("Escape");
  await expect(page.locator("html")).not.toHaveAttribute("data-present", "on");
  await expect(page.getByTestId("scenario-editor")).toBeVisible();
  expect(errors).toEqual([]);
});
