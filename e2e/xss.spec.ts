import { expect, test } from "@playwright/test";
import { XSS, XSS_LABEL, XSS_POD } from "./fixtures/issue7";
import { ClusterPage } from "./pages/cluster";
import { ScenarioEditorPage } from "./pages/editor";
import { ConsolePage, DiagramsPage, DockPage } from "./pages/panels";

test("markup in a manifest renders as text everywhere: problems, canvas, panels, console, diagrams", async ({ page }) => {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on("pageerror", (err) => errors.push(err.message));
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  const dock = new DockPage(page);
  const kubectl = new ConsolePage(page);
  const diagrams = new DiagramsPage(page);
  const injected = () => page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);
  await cluster.open();

  // A label the API server rejects: its message quotes the value, as text.
  await editor.setText(XSS_LABEL);
  await editor.apply();
  await expect(editor.problems).toContainText(`Invalid value: "${XSS}"`);
  expect(await injected()).toBe(0);

  // An annotation, a log line and an image name carrying markup.
  await editor.setText(XSS_POD);
  await editor.restartButton.click();
  await cluster.setSpeed(10);
  await cluster.play();
  await expect(cluster.pod("xss")).toHaveAttribute("data-status", "Running", { timeout: 20_000 });
  await expect.poll(() => cluster.pod("xss-image").getAttribute("data-status"), { timeout: 20_000 }).toMatch(/ErrImagePull|ImagePullBackOff|InvalidImageName/);
  await cluster.pause();

  await cluster.pod("xss").click();
  await expect(page.getByTestId("details")).toContainText(XSS);
  await dock.open("inspector");
  await expect(page.getByTestId("inspector-output")).toContainText(`note: ${XSS}`);
  await page.getByTestId("inspector-logs").click();
  await expect(page.getByTestId("inspector-output")).toContainText(XSS);
  await dock.open("console");
  expect((await kubectl.run("kubectl get pod xss-image -o yaml")).stdout).toContain(XSS);

  await cluster.pod("xss-image").click();
  await dock.open("why");
  await expect(page.getByTestId("why-not-ready")).toContainText(XSS);
  await dock.open("diagrams");
  await diagrams.show("sequence");
  // The arrow's text is clipped; what shows of the markup shows as characters.
  await expect(diagrams.svg).toContainText(`"registry.invalid/${XSS.slice(0, 3)}`);
  await dock.open("events");
  await expect(page.getByTestId("event-list")).toContainText(XSS);
  await dock.screenshot("xss-01-as-text");

  expect(await injected()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
