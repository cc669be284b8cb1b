import { expect, test } from "@playwright/test";
import { SPREAD_DEPLOYMENT } from "./fixtures/spread";
import { ClusterPage, type PodPlace } from "./pages/cluster";
import { ScenarioEditorPage } from "./pages/editor";
import { collectErrors } from "./pages/errors";

test("stepping shows each engine event as its own change", async ({ page }) => {
  // Up to 120 clicks, each waiting for its patch: far longer than one ordinary interaction.
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  await cluster.open();
  await editor.setText(SPREAD_DEPLOYMENT);
  await editor.apply();

  // One click, one engine event: the step label changes every time, the queue fills up with the
  // ReplicaSet's pods and then empties one binding at a time.
  const labels: string[] = [];
  const queue: number[] = [];
  for (let i = 0; i < 120; i++) {
    await cluster.step();
    labels.push((await cluster.lastStep.textContent()) ?? "");
    queue.push(await cluster.queueCount());
    if (queue.at(-1) === 0 && Math.max(...queue) === 6) break;
    if (i === 30) await cluster.screenshot("timeline-01-stepping");
  }
  expect(Math.max(...queue)).toBe(6);
  expect(queue.at(-1)).toBe(0);
  const drops = queue.slice(1).map((q, i) => queue[i]! - q).filter((d) => d > 0);
  expect(drops.every((d) => d === 1)).toBe(true);
  expect(drops).toHaveLength(6);
  expect(labels.filter((l) => l.includes("default-scheduler")).length).toBeGreaterThanOrEqual(6);

  // "Next change" of a selected pod runs the engine until that pod changes (its YAML, with its
  // resourceVersion) or gets an event, and no further: one patch.
  const [pod] = await cluster.podPlaces("spread-");
  await cluster.selectPod(pod!.name);
  const yaml = cluster.details.getByTestId("details-yaml");
  const events = cluster.details.locator("[data-testid=details-events] li");
  const yamlBefore = await yaml.textContent();
  const eventsBefore = await events.count();
  const timeBefore = await cluster.time();
  await cluster.stepToNextChange();
  await expect.poll(async () => (await yaml.textContent()) !== yamlBefore || (await events.count()) !== eventsBefore).toBe(true);
  expect(await cluster.time()).toBeGreaterThanOrEqual(timeBefore);
  await cluster.screenshot("timeline-02-next-change");

  expect(errors).toEqual([]);
});

test("scrubbing back and forward shows the same states", async ({ page }) => {
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  await cluster.open();
  await editor.setText(SPREAD_DEPLOYMENT);
  await editor.apply();
  await cluster.setSpeed(10);
  await cluster.play();
  await expect.poll(async () => (await cluster.podPlaces("spread-")).filter((p) => p.status === "Running").length, { timeout: 20_000 }).toBe(6);
  await cluster.pause();
  const end = await cluster.time();
  const atEnd: PodPlace[] = await cluster.podPlaces();
  // The clock reads in tenths of a second; the horizon is exact.
  const horizon = await cluster.horizon();
  expect(horizon - end).toBeGreaterThanOrEqual(0);
  expect(horizon - end).toBeLessThan(0.1);
  await cluster.screenshot("timeline-03-played");

  // Back to the start: the deployment was applied at t = 0, its pods not yet created or bound.
  await cluster.scrubWithKey("Home");
  expect(await cluster.time()).toBe(0);
  const atStart = await cluster.podPlaces();
  expect(atStart).not.toEqual(atEnd);
  expect(atStart.filter((p) => p.name.startsWith("spread-") && p.status === "Running")).toEqual([]);

  // Forward to where the run had got: the very same pods, statuses and nodes.
  await cluster.scrubWithKey("End");
  expect(await cluster.time()).toBeCloseTo(end, 1);
  expect(await cluster.podPlaces()).toEqual(atEnd);

  // Halfway with the pointer, twice: the same state both times.
  await cluster.scrubTo(end / 2);
  const middle = await cluster.podPlaces();
  const middleTime = await cluster.time();
  await cluster.screenshot("timeline-04-scrubbed");
  await cluster.scrubWithKey("Home");
  await cluster.scrubTo(end / 2);
  expect(await cluster.time()).toBe(middleTime);
  expect(await cluster.podPlaces()).toEqual(middle);

  // The horizon stayed where the run had got: the future is kept while scrubbing.
  expect(await cluster.horizon()).toBe(horizon);
  expect(errors).toEqual([]);
});
