import { expect, test } from "@playwright/test";
import { SPREAD_DEPLOYMENT } from "./fixtures/spread";
import { ClusterPage } from "./pages/cluster";
import { ScenarioEditorPage } from "./pages/editor";
import { collectErrors } from "./pages/errors";

test("a 6-replica Deployment spread over 3 zones: its pods wait in the queue, then land two per zone", async ({ page }) => {
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  await cluster.open();
  const zones = await cluster.nodeZones();
  expect(new Set(Object.values(zones))).toEqual(new Set(["a", "b", "c"]));
  await cluster.screenshot("canvas-01-starter");

  await editor.setText(SPREAD_DEPLOYMENT);
  await editor.apply();
  // Step until the ReplicaSet has created all six pods: they wait in the scheduling queue.
  for (let i = 0; i < 80 && (await cluster.pods("spread-").count()) < 6; i++) await cluster.step();
  await expect(cluster.pods("spread-")).toHaveCount(6);
  const waiting = await cluster.podPlaces("spread-");
  expect(waiting.every((p) => p.node === "" && p.status === "Pending")).toBe(true);
  await expect(cluster.queue).toHaveAttribute("data-count", "6");
  await cluster.screenshot("canvas-02-queue");

  // Run on: the scheduler binds them one by one and each travels to its node.
  await cluster.setSpeed(10);
  await cluster.play();
  await expect.poll(async () => (await cluster.podPlaces("spread-")).filter((p) => p.status === "Running").length, { timeout: 20_000 }).toBe(6);
  await cluster.pause();
  const placed = await cluster.podPlaces("spread-");
  const perZone: Record<string, number> = {};
  for (const p of placed) perZone[zones[p.node]!] = (perZone[zones[p.node]!] ?? 0) + 1;
  expect(perZone).toEqual({ a: 2, b: 2, c: 2 });
  await expect(cluster.queue).toHaveAttribute("data-count", "0");
  // Drawn inside their node's card, not merely labelled with it.
  for (const p of placed) await expect.poll(() => cluster.drawnInside(p.name, p.node)).toBe(true);
  await cluster.screenshot("canvas-03-spread");

  expect(errors).toEqual([]);
});

test("clicking a pod, a node and a workload shows each one's live YAML, status and events", async ({ page }) => {
  const errors = collectErrors(page);
  const cluster = new ClusterPage(page);
  const editor = new ScenarioEditorPage(page);
  await cluster.open();
  await expect(cluster.details).toContainText("Click a pod");

  await editor.setText(SPREAD_DEPLOYMENT);
  await editor.apply();
  await cluster.setSpeed(10);
  await cluster.play();
  await expect.poll(async () => (await cluster.podPlaces("spread-")).filter((p) => p.status === "Running").length, { timeout: 20_000 }).toBe(6);
  await cluster.pause();

  const [first] = await cluster.podPlaces("spread-");
  await cluster.selectPod(first!.name);
  await expect(cluster.details.getByTestId("details-wide")).toContainText("Running");
  await expect(cluster.details.getByTestId("details-yaml")).toContainText(`name: ${first!.name}`);
  await expect(cluster.details.getByTestId("details-yaml")).toContainText("phase: Running");
  await expect(cluster.details.getByTestId("details-events")).toContainText("Scheduled");
  await expect(cluster.details.getByTestId("details-events")).toContainText(`to ${first!.node}`);
  await expect(cluster.canvas.locator(".kp-pod.is-selected")).toHaveAttribute("data-pod", first!.name);
  await cluster.screenshot("canvas-04-pod-details");

  await cluster.node(first!.node).click({ position: { x: 60, y: 12 } });
  await expect(cluster.details).toHaveAttribute("data-kind", "Node");
  await expect(cluster.details.getByTestId("details-yaml")).toContainText("kind: Node");
  await expect(cluster.details.getByTestId("details-wide")).toContainText("Ready");

  await cluster.showView("workloads");
  await cluster.canvas.locator('[data-workload="Deployment/spread"]').click();
  await expect(cluster.details).toHaveAttribute("data-kind", "Deployment");
  await expect(cluster.details.getByTestId("details-wide")).toContainText("6/6");
  await expect(cluster.details.getByTestId("details-events")).toContainText("ScalingReplicaSet");
  // Every pod of the Deployment is drawn in its ReplicaSet's box.
  await expect(cluster.canvas.locator('[data-workload^="ReplicaSet/spread-"]')).toHaveCount(1);
  await cluster.screenshot("canvas-05-workloads");

  // The view follows the theme.
  await page.getByTestId("theme-toggle").click();
  await cluster.showView("cluster");
  await cluster.selectPod(first!.name);
  await cluster.screenshot("canvas-06-dark");

  expect(errors).toEqual([]);
});
