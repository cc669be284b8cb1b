import { expect, test, type Page } from "@playwright/test";
import { ScenarioEditorPage } from "./pages/editor";
import { Playground } from "./pages/playground";
import { PodsTab } from "./pages/pods-tab";
import { collectErrors } from "./pages/errors";

const DEPLOYMENT = [
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata:",
  "  name: shop",
  "spec:",
  "  replicas: 2",
  "  selector:",
  "    matchLabels: {app: shop}",
  "  template:",
  "    metadata:",
  "      labels: {app: shop}",
  "    spec:",
  "      containers:",
  "        - name: nginx",
  "          image: nginx:1.27",
  "",
].join("\n");

test("marks a schema mistake as you type and an engine error after Apply, each at its line", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  await app.open();
  await editor.setText(DEPLOYMENT);

  // Line 6 gets a wrong type, typed key by key: the YAML language service flags it in place.
  await editor.goToLineEnd(6);
  await page.keyboard.press("Backspace");
  await editor.type("two");
  await expect(editor.squiggles("warning")).toHaveCount(1);
  const typed = await editor.firstProblem();
  expect(typed.line).toBe(6);
  expect(typed.message).toMatch(/Incorrect type|integer/i);

  // Apply: the engine refuses the same field, and its error is marked on the same line.
  await editor.applyWithKeyboard();
  await expect(editor.problems).toContainText("line 6");
  await expect(editor.squiggles("error")).toHaveCount(1);
  const applied = await editor.firstProblem();
  expect(applied.line).toBe(6);
  await app.screenshot("10-editor-problems");

  // Fixing the line and applying again clears the engine's marker and the problem list.
  await editor.goToLineEnd(6);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await editor.type("2");
  await editor.apply();
  await expect(editor.problems).toHaveCount(0);
  await expect(editor.squiggles("error")).toHaveCount(0);
  await expect(editor.squiggles("warning")).toHaveCount(0);

  expect(errors).toEqual([]);
});

test("completes Kubernetes fields from the schema, with no network", async ({ page }) => {
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  await app.open();
  await editor.setText("apiVersion: apps/v1\nkind: Deployment\nspec:\n  ");
  await editor.goToLineEnd(4);
  await editor.type("repl");
  await page.keyboard.press("Control+Space");
  const suggestions = page.locator(".suggest-widget .monaco-list-row");
  await expect(suggestions.first()).toBeVisible();
  await expect(page.locator(".suggest-widget")).toContainText("replicas");
});

test("applies a change to the running cluster without restarting it", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  const pods = new PodsTab(page);
  await app.open();
  await pods.open();
  await app.setSpeed(10);
  await app.play();
  await expect(pods.status("web-1")).toHaveText("Running");
  await app.pause();
  const before = await app.time();

  await editor.setText(`${await currentText(page)}---\n${DEPLOYMENT}`);
  await editor.apply();
  // kubectl apply semantics: the clock goes on from where it was, the old pods keep running, and
  // the Deployment's pods join them as the cluster runs on.
  expect(await app.time()).toBeGreaterThanOrEqual(before);
  await expect(pods.status("web-1")).toHaveText("Running");
  await app.play();
  await expect(pods.rowsStartingWith("shop-")).toHaveCount(2);
  await app.pause();
  await expect(pods.status("web-1")).toHaveText("Running");
  await expect(pods.status("web-2")).toHaveText("Running");

  // Restart builds a fresh cluster from the text at t = 0.
  await editor.restartButton.click();
  await expect(app.virtualTime).toHaveText("t = 0.0s");
  await expect(pods.rowsStartingWith("shop-")).toHaveCount(0);
  await expect(pods.status("web-1")).not.toHaveText("Running");
  expect(errors).toEqual([]);
});

test("falls back to the plain editor text while Monaco loads, then keeps what was typed", async ({ page }) => {
  const editor = new ScenarioEditorPage(page);
  await page.route(/MonacoEditor-.*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.goto("/");
  const plain = page.getByTestId("plain-editor");
  await expect(plain).toBeVisible();
  await plain.fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed-early\n");
  await editor.ready();
  await expect(editor.root.locator(".view-lines")).toContainText("typed-early");
});

/** The text in the editor, read through the export (what a learner would download). */
async function currentText(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByTestId("export").click();
  const file = await download;
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  return readFile(path, "utf8");
}
