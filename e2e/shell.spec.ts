import { expect, test } from "@playwright/test";
import { ScenarioEditorPage } from "./pages/editor";
import { Playground } from "./pages/playground";
import { ShellPage } from "./pages/shell";
import { collectErrors } from "./pages/errors";

test("Space plays and pauses, → steps, ? opens the help and Esc closes it; typing in the editor is typing", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new Playground(page);
  const shell = new ShellPage(page);
  const editor = new ScenarioEditorPage(page);
  await app.open();
  await editor.ready();

  await shell.focusPage();
  const seq = Number(await app.timeline.getAttribute("data-seq"));
  await shell.press("ArrowRight");
  await expect(app.timeline).toHaveAttribute("data-seq", String(seq + 1));
  await expect(app.lastStep).not.toBeEmpty();

  await shell.press(" ");
  await expect(app.playPause).toHaveAccessibleName("Pause");
  await shell.press(" ");
  await expect(app.playPause).toHaveAccessibleName("Play");

  await shell.press("?");
  await expect(shell.help).toBeVisible();
  await expect(shell.help).toContainText("Keyboard shortcuts");
  // The dialog is modal: Space does not start the cluster behind it.
  await shell.press(" ");
  await expect(app.playPause).toHaveAccessibleName("Play");
  await expect(shell.help).toBeVisible();
  await app.screenshot("30-help");
  await shell.press("Escape");
  await expect(shell.help).toBeHidden();

  // In the editor the same keys type.
  await editor.goToLineEnd(1);
  await page.keyboard.type(" ?");
  await expect(app.playPause).toHaveAccessibleName("Play");
  await expect(shell.help).toBeHidden();
  await expect(editor.root.locator(".view-lines")).toContainText("Welcome to Kubeplay! ?");
  expect(errors).toEqual([]);
});

test("switches to the dark theme, editor included, and remembers it", async ({ page }) => {
  const app = new Playground(page);
  const shell = new ShellPage(page);
  const editor = new ScenarioEditorPage(page);
  await app.open();
  await editor.ready();
  expect(await shell.theme()).toBe("light");
  await shell.themeToggle.click();
  expect(await shell.theme()).toBe("dark");
  await expect(editor.monaco).toHaveClass(/vs-dark/);
  await app.setSpeed(10);
  await app.play();
  await expect.poll(() => app.time()).toBeGreaterThan(12);
  await app.pause();
  await app.screenshot("31-dark");
  await page.reload();
  expect(await shell.theme()).toBe("dark");
  await shell.themeToggle.click();
  expect(await shell.theme()).toBe("light");
});

test.describe("on a 1280-px laptop", () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test("everything fits without sideways scrolling", async ({ page }) => {
    const app = new Playground(page);
    const shell = new ShellPage(page);
    await app.open();
    await new ScenarioEditorPage(page).ready();
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    for (const id of ["share", "theme-toggle", "help-button", "apply", "restart", "import", "export"]) {
      await expect(page.getByTestId(id)).toBeInViewport();
    }
    await app.screenshot("32-laptop-1280");
  });
});

test.describe("on a projector", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test("the shell spreads out and stays readable", async ({ page }) => {
    const app = new Playground(page);
    const shell = new ShellPage(page);
    await app.open();
    await new ScenarioEditorPage(page).ready();
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    await app.setSpeed(10);
    await app.play();
    await expect.poll(() => app.time()).toBeGreaterThan(12);
    await app.pause();
    await app.screenshot("33-projector-1920");
  });
});
