/**
 * The scenario editor, in a learner's verbs: replace or type YAML in Monaco, apply it, restart,
 * import and export a file, and find the problems the editor marks (F8 jumps to the next one, as
 * in VS Code, and shows its message where the cursor lands).
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class ScenarioEditorPage {
  readonly root: Locator;
  readonly monaco: Locator;
  readonly applyButton: Locator;
  readonly restartButton: Locator;
  readonly exportButton: Locator;
  readonly importInput: Locator;
  readonly problems: Locator;
  readonly scenarioChanged: Locator;
  /** The status line: "Applied at t = …"; counts the commands the engine ran. */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("scenario-editor");
    this.monaco = this.root.locator(".monaco-editor");
    this.applyButton = this.root.getByTestId("apply");
    this.restartButton = this.root.getByTestId("restart");
    this.exportButton = this.root.getByTestId("export");
    this.importInput = this.root.getByTestId("import-file");
    this.problems = this.root.getByTestId("error-list");
    this.scenarioChanged = this.root.getByTestId("scenario-changed");
    this.status = this.root.getByTestId("editor-status");
  }

  /** Waits until Monaco has replaced the plain editor shown while it loads. */
  async ready(): Promise<void> {
    await expect(this.monaco).toBeVisible();
    await expect(this.root.locator(".view-lines")).not.toBeEmpty();
  }

  /** Puts the keyboard focus in the editor (its hidden input, as a click on the text does). */
  async focus(): Promise<void> {
    await this.ready();
    await this.input().focus();
  }

  private input(): Locator {
    return this.monaco.locator("textarea.inputarea");
  }

  /**
   * Replaces the whole text the way pasting does: select all, then a paste event carrying the
   * text (typed text would be re-indented line by line by the editor's auto-indent).
   */
  async setText(yaml: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.input().evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, yaml);
  }

  /** Puts the cursor at the end of `line` (1-based). */
  async goToLineEnd(line: number): Promise<void> {
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+Home");
    for (let i = 1; i < line; i++) await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("End");
    await expect(this.activeLineNumber()).toHaveText(String(line));
  }

  /** Types like a person, key by key (the editor's auto-indent and completion apply). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** Presses Apply and waits until the engine ran the command (the status line counts it). */
  async apply(): Promise<void> {
    const ran = await this.commandsRun();
    await this.applyButton.click();
    await expect(this.status).toHaveAttribute("data-commands-run", String(ran + 1));
    await this.nextFrames();
  }

  async applyWithKeyboard(): Promise<void> {
    const ran = await this.commandsRun();
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+Enter");
    await expect(this.status).toHaveAttribute("data-commands-run", String(ran + 1));
    await this.nextFrames();
  }

  /** The cluster view publishes once per animation frame: two frames after an answer, it shows it. */
  private async nextFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }

  private async commandsRun(): Promise<number> {
    return Number(await this.status.getAttribute("data-commands-run"));
  }

  /** The line number the cursor is on, as the gutter highlights it. */
  activeLineNumber(): Locator {
    return this.root.locator(".line-numbers.active-line-number");
  }

  /** Squiggles currently drawn: errors and warnings. */
  squiggles(severity: "error" | "warning"): Locator {
    return this.root.locator(`.squiggly-${severity}`);
  }

  /**
   * Jumps to the first marked problem (F8 from the top) and reads where it is and what it says,
   * from the problem widget Monaco opens under that line.
   */
  async firstProblem(): Promise<{ line: number; message: string }> {
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+Home");
    await this.page.keyboard.press("F8");
    const widget = this.page.locator(".marker-widget");
    await expect(widget).toBeVisible();
    const message = (await widget.locator(".descriptioncontainer").textContent()) ?? "";
    const line = Number(await this.activeLineNumber().textContent());
    await this.page.keyboard.press("Escape");
    return { line, message };
  }

  problemItems(): Locator {
    return this.problems.locator("li");
  }
}
