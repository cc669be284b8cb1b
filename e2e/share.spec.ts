import { expect, test, type Browser, type Page } from "@playwright/test";
import { ScenarioEditorPage } from "./pages/editor";
import { Playground } from "./pages/playground";
import { PodsTab } from "./pages/pods-tab";
import { SharePage } from "./pages/share";
import { collectErrors } from "./pages/errors";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const SHOP = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

/** A run with history: an apply between same-instant events, playback, a scale-up, steps, and edits not applied. */
async function runWithHistory(page: Page): Promise<void> {
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  await app.open();
  await app.step();
  await app.step();
  await editor.setText(SHOP(2));
  await editor.apply();
  await app.setSpeed(10);
  await app.play();
  await expect.poll(() => app.time()).toBeGreaterThan(8);
  await app.pause();
  await editor.setText(SHOP(3));
  await editor.apply();
  for (let i = 0; i < 5; i++) await app.step();
  await editor.setText(`${SHOP(3)}# notes for the class, not applied yet\n`);
}

/** What two pages must agree on: the clock, every pod row, and the editor's text. */
async function observe(page: Page) {
  const app = new Playground(page);
  const pods = new PodsTab(page);
  const share = new SharePage(page);
  await new ScenarioEditorPage(page).ready();
  return { time: await app.virtualTime.textContent(), pods: await pods.rows(), editor: (await share.exportText()).text };
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  return context.newPage();
}

test("a share link opens the same cluster at the same virtual time in a fresh browser", async ({ page, browser }) => {
  const errors = collectErrors(page);
  await runWithHistory(page);
  const share = new SharePage(page);
  const link = await share.copyLink({ beforeClosing: () => new Playground(page).screenshot("20-share-link") });
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1:[\w-]+$/);
  const want = await observe(page);
  expect(want.pods.filter((r) => r.startsWith("shop-"))).toHaveLength(3);

  const other = await freshPage(browser);
  const otherErrors = collectErrors(other);
  await other.goto(link);
  const opened = new Playground(other);
  await expect(opened.virtualTime).toHaveText(want.time!);
  expect(await observe(other)).toEqual(want);
  // The link was read: the address is the plain page again, and nothing needed explaining.
  expect(new URL(other.url()).hash).toBe("");
  await expect(new SharePage(other).notice).toHaveCount(0);

  // The opened cluster runs on like the original.
  await opened.play();
  await expect.poll(() => opened.time()).toBeGreaterThan(Number.parseFloat(want.time!.replace(/[^\d.]/g, "")));
  await opened.screenshot("21-share-opened");
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test("a reload keeps the edits, the applied changes and the clock", async ({ page }) => {
  const errors = collectErrors(page);
  await runWithHistory(page);
  const before = await observe(page);
  await page.reload();
  await expect(new Playground(page).virtualTime).toHaveText(before.time!);
  expect(await observe(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test("a closed tab loses nothing: the next visit opens the saved work", async ({ page, context }) => {
  const editor = new ScenarioEditorPage(page);
  await new Playground(page).open();
  await editor.setText(SHOP(4));
  const saved = (await new SharePage(page).exportText()).text;
  await page.close();

  const next = await context.newPage();
  await next.goto("/");
  expect((await new SharePage(next).exportText()).text).toBe(saved);
});

test("a tampered link shows what is wrong and opens the saved work instead", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  const share = new SharePage(page);
  await app.open();
  await editor.setText(SHOP(5));
  const link = await share.copyLink();
  const mine = (await share.exportText()).text;

  const hash = link.slice(link.indexOf("#"));
  const tampered = `${hash.slice(0, 40)}${hash[40] === "Q" ? "R" : "Q"}${hash.slice(41, -12)}`;
  await page.goto(`/${tampered}`);
  await expect(share.notice).toBeVisible();
  await expect(share.notice).toContainText("This link could not be opened");
  await expect(share.notice).toContainText("Your saved work is open instead.");
  expect((await share.exportText()).text).toBe(mine);
  // The page works: the cluster runs.
  await app.setSpeed(10);
  await app.play();
  await expect.poll(() => app.time()).toBeGreaterThan(1);
  await app.pause();
  await app.screenshot("22-tampered-link");

  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(share.notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a link from a newer Kubeplay says so, and the starter opens on a first visit", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/#v7:c29tZXRoaW5nIG5ldw");
  const share = new SharePage(page);
  await expect(share.notice).toContainText("newer version of Kubeplay (link format v7)");
  await expect(share.notice).toContainText("The starter scenario is open instead.");
  await expect(new Playground(page).virtualTime).toHaveText("t = 0.0s");
  expect(errors).toEqual([]);
});

test("opening a link over other work keeps that work, one click away", async ({ page }) => {
  const editor = new ScenarioEditorPage(page);
  const share = new SharePage(page);
  await new Playground(page).open();
  await editor.setText(SHOP(6));
  const link = await share.copyLink();
  await editor.setText(SHOP(1));
  const mine = (await share.exportText()).text;

  await page.goto(link);
  await expect(share.notice).toContainText("You opened a shared cluster");
  expect((await share.exportText()).text).toBe(SHOP(6));
  await page.getByRole("button", { name: "Back to my work" }).click();
  await expect(share.notice).toHaveCount(0);
  await expect.poll(async () => (await share.exportText()).text).toBe(mine);
});

test("exports the YAML under the scenario's name and imports a file into a fresh cluster", async ({ page }) => {
  const app = new Playground(page);
  const editor = new ScenarioEditorPage(page);
  const share = new SharePage(page);
  await app.open();
  await editor.setText(SHOP(2));
  const exported = await share.exportText();
  expect(exported).toEqual({ name: "shop.yaml", text: SHOP(2) });

  await app.setSpeed(10);
  await app.play();
  await expect.poll(() => app.time()).toBeGreaterThan(1);
  await app.pause();
  const imported = SHOP(3).replaceAll("shop", "cart");
  await share.importFile("cart.yaml", imported);
  await expect(app.virtualTime).toHaveText("t = 0.0s");
  await expect(editor.root.locator(".view-lines")).toContainText("name: cart");
  expect((await share.exportText()).text).toBe(imported);
});
