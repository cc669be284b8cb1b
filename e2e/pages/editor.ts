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

  constructor(readonly page: Page) {
    this.root = page.getByTestId("scenario-editor");
    this.monaco = this.root.locator(".monaco-editor");
    this.applyButton = this.root.getByTestId("apply");
    this.restartButton = this.root.getByTestId("restart");
    this.exportButton = this.root.getByTestId("export");
    this.importInput = this.root.getByTestId("import-file");
    this.problems = this.root.getByTestId("error-list");
    this.scenarioChanged = this.root.getByTestId("scenario-changed");
  }

  /** Waits until Monaco has replaced the plain editor shown while it loads. */
  async ready(): Promise<void> {
    await expect(this.monaco).toBeVisible();
    await expect(this.root.locator(".view-lines")).not.toBeEmpty();
  }

  async focus(): Promise<void> {
    await this.ready();
    await this.root.locator(".view-lines").click();
  }

  /** Replaces the whole text, as a paste would (no auto-indent on the way in). */
  async setText(yaml: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(yaml);
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

  async apply(): Promise<void> {
    await this.applyButton.click();
  }

  async applyWithKeyboard(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press("ControlOrMeta+Enter");
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
   * Jumps to the next marked problem (F8) and reads where it is and what it says, from the
   * problem widget Monaco opens under that line.
   */
  async nextProblem(): Promise<{ line: number; message: string }> {
    await this.focus();
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
