import { expect, test } from "@playwright/test";
import { collectErrors } from "./pages/errors";
import { Playground } from "./pages/playground";

test("plays the two-pod scenario in the worker until both pods run", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  await app.open();

  await expect(app.podRow("web-1")).toBeVisible();
  await expect(app.podRow("web-2")).toBeVisible();
  await expect(app.podStatus("web-1")).not.toHaveText("Running");
  await app.screenshot("01-loaded");

  await app.setSpeed(5);
  await app.play();
  await expect(app.podStatus("web-1")).toHaveText("Running");
  await expect(app.podStatus("web-2")).toHaveText("Running");
  await expect(app.podRow("web-1")).toContainText("1/1");
  await expect(app.podRow("web-1")).toContainText("zone-a-1");
  await expect(app.podRow("web-2")).toContainText("zone-b-1");
  await app.showPanel("events");
  await expect(app.events).toContainText("Started container nginx");

  // The clock keeps moving while playing, and stops on pause.
  const before = await app.time();
  await expect.poll(() => app.time()).toBeGreaterThan(before);
  await app.pause();
  const paused = await app.time();
  await page.waitForTimeout(300);
  expect(await app.time()).toBe(paused);
  await app.screenshot("02-running");

  expect(errors).toEqual([]);
});

test("shows a YAML error with its document, line and column, and still runs the good document", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  await app.open();

  await app.setScenario([
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: good",
    "spec:",
    "  nodeName: zone-c-1",
    "  containers:",
    "    - name: nginx",
    "      image: nginx",
    "---",
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: broken",
    "spec:",
    "  containers:",
    "    - name: nginx",
    "      image nginx", // line 18: the colon is missing
    "",
  ].join("\n"));
  await app.apply();

  await expect(app.problems).toBeVisible();
  await expect(app.problems).toContainText("document 2, line 18, column 7: ");
  await expect(app.podRow("good")).toBeVisible();
  await expect(app.podRow("broken")).toHaveCount(0);
  await app.screenshot("03-yaml-error");

  // Fixing the text and applying again clears the problem.
  await app.setScenario("apiVersion: v1\nkind: Pod\nmetadata:\n  name: fixed\nspec:\n  nodeName: zone-c-1\n  containers:\n    - name: nginx\n      image: nginx\n");
  await app.apply();
  await expect(app.problems).toHaveCount(0);
  await expect(app.podRow("fixed")).toBeVisible();

  expect(errors).toEqual([]);
});

test("step processes one engine event at a time", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  await app.open();
  await expect(app.lastStep).toHaveCount(0);

  await app.step();
  await expect(app.lastStep).not.toBeEmpty();
  // One event of the engine is far from the whole run: neither pod runs yet. (How many Events
  // one step records depends on the step: a node coming up records several.)
  await expect(app.podStatus("web-1")).not.toHaveText("Running");
  await expect(app.podStatus("web-2")).not.toHaveText("Running");

  // Step on until both pods run: each click moves the engine by exactly one event, so the pods
  // pass through their intermediate states and the clock only moves forward.
  const seen = new Set<string>();
  let steps = 1;
  let previousTime = await app.time();
  for (let i = 0; i < 60; i++) {
    const statuses = [await app.podStatus("web-1").textContent(), await app.podStatus("web-2").textContent()];
    statuses.forEach((s) => s && seen.add(s));
    if (statuses.every((s) => s === "Running")) break;
    await app.step();
    steps++;
    const now = await app.time();
    expect(now).toBeGreaterThanOrEqual(previousTime);
    previousTime = now;
    if (i === 5) await app.screenshot("04-stepping");
  }
  await expect(app.podStatus("web-1")).toHaveText("Running");
  await expect(app.podStatus("web-2")).toHaveText("Running");
  expect(seen).toContain("ContainerCreating");
  expect(steps).toBeGreaterThan(4);
  await app.screenshot("05-stepped-to-running");

  expect(errors).toEqual([]);
});
