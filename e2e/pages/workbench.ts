/**
 * The page objects a test of the cluster works with, over a page opened on a scenario: the
 * editor's text set (and, unless asked not to, started as a fresh cluster), errors collected.
 */
import type { Page } from "@playwright/test";
import { ClusterPage } from "./cluster";
import { ScenarioEditorPage } from "./editor";
import { collectErrors } from "./errors";
import { CanvasMenuPage } from "./menu";
import { ConsolePage, DockPage } from "./panels";

export async function openScenario(page: Page, yaml: string, opts: { restart?: boolean } = {}) {
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  const parts = { errors, cluster, editor, dock: new DockPage(page), kubectl: new ConsolePage(page), menu: new CanvasMenuPage(page) };
  await cluster.open();
  await editor.setText(yaml);
  if (opts.restart ?? true) await editor.restartButton.click();
  return parts;
}
