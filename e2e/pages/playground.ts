/**
 * The playground page, in a user's verbs: open it, edit and apply a scenario, play / pause / step,
 * and read the pod table, the event list, the problems and the virtual clock.
 */
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page } from "@playwright/test";
import { ScenarioEditorPage } from "./editor";

const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

export class Playground {
  readonly editor: Locator;
  readonly scenarioEditor: ScenarioEditorPage;
  readonly applyButton: Locator;
  readonly playPause: Locator;
  readonly stepButton: Locator;
  readonly speed: Locator;
  readonly virtualTime: Locator;
  readonly lastStep: Locator;
  readonly pods: Locator;
  readonly events: Locator;
  readonly problems: Locator;
  readonly engineStatus: Locator;
  /** Carries the sequence number of the last engine message the page applied. */
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.scenarioEditor = new ScenarioEditorPage(page);
    this.editor = this.scenarioEditor.root;
    this.applyButton = page.getByTestId("apply");
    this.playPause = page.getByTestId("play-pause");
    this.stepButton = page.getByTestId("step");
    this.speed = page.getByTestId("speed");
    this.virtualTime = page.getByTestId("virtual-time");
    this.lastStep = page.getByTestId("last-step");
    this.pods = page.getByTestId("pod-table");
    this.events = page.getByTestId("event-list");
    this.problems = page.getByTestId("error-list");
    this.engineStatus = page.getByTestId("engine-status");
    this.timeline = page.locator("section.timeline");
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

  async play(): Promise<void> {
    await expect(this.playPause).toHaveAccessibleName("Play");
    await this.playPause.click();
    await expect(this.playPause).toHaveAccessibleName("Pause");
  }

  async pause(): Promise<void> {
    await expect(this.playPause).toHaveAccessibleName("Pause");
    await this.playPause.click();
    await expect(this.playPause).toHaveAccessibleName("Play");
  }

  /** Steps one engine event and waits for the engine's answer (exactly one more patch). */
  async step(): Promise<void> {
    const seq = Number(await this.timeline.getAttribute("data-seq"));
    await this.stepButton.click();
    await expect(this.timeline).toHaveAttribute("data-seq", String(seq + 1));
  }

  async setSpeed(speed: number): Promise<void> {
    await this.speed.selectOption(String(speed));
    await expect(this.speed).toHaveValue(String(speed));
  }

  /** The virtual clock in seconds, read from "t = 1m 05.0s". */
  async time(): Promise<number> {
    const text = (await this.virtualTime.textContent()) ?? "";
    const m = /^t = (?:(\d+)h )?(?:(\d+)m )?([\d.]+)s$/.exec(text.trim());
    if (!m) throw new Error(`unexpected virtual time text: ${text}`);
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
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
    await this.page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  }
}
