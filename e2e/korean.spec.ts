import { expect, test, type Page } from "@playwright/test";
import { en } from "../web/i18n/en";
import { ko } from "../web/i18n/ko";
import { ClusterPage } from "./pages/cluster";
import { LanguagePage } from "./pages/language";
import { DockPage, type PanelId } from "./pages/panels";

const KUBERNETES_WORDS = new Set(["Running"]);
const TRANSIENT = new Set(["diagrams.loading", "why.loading", "app.connecting", "editor.loading"]);
const PANELS: PanelId[] = ["details", "events", "pods", "inspector", "why", "console", "diagrams"];

async function stringsOnEveryPanel(page: Page, dock: DockPage, language: LanguagePage, shots?: string): Promise<Set<string>> {
  const all = new Set<string>();
  for (const id of PANELS) {
    await dock.open(id);
    // Let the panel settle: its code loaded, the engine's answer in, the diagram drawn.
    await expect(page.locator(".kp-panel-loading")).toHaveCount(0);
    if (id === "why") await expect(page.getByTestId("why-scheduling")).toBeVisible();
    if (id === "inspector") await expect(page.getByTestId("inspector-output")).toBeVisible();
    if (id === "diagrams") await expect(page.getByTestId("diagram").locator("svg")).toBeVisible();
    for (const s of await language.visibleStrings()) all.add(s);
    if (shots && (id === "why" || id === "console" || id === "inspector")) await dock.screenshot(`${shots}-${id}`);
  }
  return all;
}

/** The strings of a node's actions menu on the canvas. */
async function stringsInNodeMenu(page: Page, cluster: ClusterPage, language: LanguagePage, shot?: string): Promise<Set<string>> {
  await cluster.node("zone-a-1").locator(".kp-machine-head").click({ button: "right" });
  await expect(page.getByTestId("canvas-menu")).toBeVisible();
  const strings = new Set(await language.visibleStrings());
  if (shot) await cluster.screenshot(shot);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("canvas-menu")).toBeHidden();
  // The right-click selected the node: back to the pod the panels are read for.
  await cluster.pod("web-1").click();
  return strings;
}

test("switching to Korean changes every visible UI string, keeps Kubernetes' words in English, and is remembered", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const cluster = new ClusterPage(page);
  const dock = new DockPage(page);
  const language = new LanguagePage(page);
  await cluster.open();
  await cluster.pod("web-1").click();
  const english = await stringsOnEveryPanel(page, dock, language);
  for (const s of await stringsInNodeMenu(page, cluster, language)) english.add(s);

  await language.choose("ko");
  await expect(cluster.pod("web-1")).toBeVisible();
  const korean = await stringsOnEveryPanel(page, dock, language, "korean");
  for (const s of await stringsInNodeMenu(page, cluster, language, "korean-menu")) korean.add(s);

  // Every catalogue string that was on screen in English is now shown in Korean.
  // Left out: words that are also Kubernetes' ("Running" is the legend's pod status) and
  // "loading…" texts that were on screen only for a moment.
  const keys = (Object.keys(en) as Array<keyof typeof en>).filter((k) => en[k] !== ko[k] && english.has(en[k]) && !KUBERNETES_WORDS.has(en[k]) && !TRANSIENT.has(k));
  expect(keys.length).toBeGreaterThan(20);
  expect(keys).toContain("menu.nodeDown");
  const stillEnglish = keys.filter((k) => korean.has(en[k]));
  expect(stillEnglish).toEqual([]);
  const missingKorean = keys.filter((k) => !korean.has(ko[k]));
  expect(missingKorean).toEqual([]);
  // Kubernetes' own words stay: statuses on the canvas, kubectl in the console tab.
  await expect(cluster.pod("web-1")).toHaveAttribute("data-status", /Pending|ContainerCreating|Running/);
  await expect(dock.tab("console")).toHaveText("kubectl 콘솔");

  // Remembered across a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByTestId("play-pause")).toHaveAccessibleName("재생");
  await language.choose("en");
  await expect(page.getByTestId("play-pause")).toHaveAccessibleName("Play");
  expect(errors).toEqual([]);
});
