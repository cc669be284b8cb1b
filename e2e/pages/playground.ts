/**
 * The playground page, in a user's verbs: open it, edit and apply a scenario, play / pause / step,
 * and read the pod table, the event list, the problems and the virtual clock.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshots";
import { ScenarioEditorPage } from "./editor";
import { TimelineControls } from "./timeline";


export class Playground extends TimelineControls {
  readonly editor: Locator;
  readonly scenarioEditor: ScenarioEditorPage;
  readonly applyButton: Locator;
  readonly pods: Locator;
  readonly events: Locator;
  readonly problems: Locator;
  readonly engineStatus: Locator;

  constructor(page: Page) {
    super(page);
    this.scenarioEditor = new ScenarioEditorPage(page);
    this.editor = this.scenarioEditor.root;
    this.applyButton = page.getByTestId("apply");
    this.pods = page.getByTestId("pod-table");
    this.events = page.getByTestId("event-list");
    this.problems = page.getByTestId("error-list");
    this.engineStatus = page.getByTestId("engine-status");
  }

  /** Opens the page, waits until the engine has loaded the default scenario, and shows the pod table. */
  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.playPause).toBeEnabled();
    await expect(this.virtualTime).toHaveText("t = 0.0s");
    await this.showPanel("pods");
  }

  /** Shows one panel of the right-hand dock (the pod table and the event list are two of them). */
  async showPanel(id: "pods" | "events" | "details"): Promise<void> {
    await this.page.getByTestId(`dock-tab-${id}`).click();
    await expect(this.page.getByTestId(`dock-tab-${id}`)).toHaveAttribute("aria-selected", "true");
  }

  async setScenario(yaml: string): Promise<void> {
    await this.scenarioEditor.setText(yaml);
  }

  async apply(): Promise<void> {
    await this.applyButton.click();
  }

  podRow(name: string): Locator {
    return this.pods.locator(`tbody tr[data-pod="${name}"]`);
  }

  podStatus(name: string): Locator {
    return this.podRow(name).getByTestId("pod-status");
  }

  eventRows(): Locator {
    return this.events.locator("tbody tr");
  }

  /** Saves a full-page screenshot as e2e/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name, { fullPage: true });
  }
}
