import { expect, test } from "@playwright/test";
import { LIVENESS_POD, WEB_DEPLOYMENT } from "./fixtures/issue7";
import { ClusterPage } from "./pages/cluster";
import { parseTable } from "./pages/panels";
import { SharePage } from "./pages/share";
import { openScenario } from "./pages/workbench";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("acting from the canvas: a node Down turns its pods Unknown and they are replaced; scale; drain; a share link replays them", async ({ page, context }) => {
  test.setTimeout(120_000);
  const { errors, cluster, dock, kubectl, menu } = await openScenario(page, WEB_DEPLOYMENT.replace("replicas: 2", "replicas: 3"));
  await cluster.setSpeed(10);
  await cluster.playUntilRunning("web-", 3);
  const victim = (await cluster.podPlaces("web-")).find((p) => p.node === "zone-a-1")!;
  expect(victim).toBeDefined();

  // Right-click the node: its menu, each item with the kubectl it runs.
  await menu.openOn(cluster.node("zone-a-1").locator(".kp-machine-head"));
  await expect(menu.item("cordon")).toContainText("kubectl cordon zone-a-1");
  await expect(menu.item("drain")).toContainText("kubectl drain zone-a-1");
  await cluster.screenshot("menu-01-node");
  await menu.choose("node-down");
  await expect(menu.outcome).toContainText("The machine of zone-a-1 is down");

  // The node controller hears nothing for 40 s: the node goes NotReady, its pods Unknown.
  await cluster.setSpeed(30);
  await cluster.play();
  await expect(cluster.node("zone-a-1")).toHaveClass(/is-not-ready/, { timeout: 20_000 });
  const tile = cluster.pod(victim.name);
  await expect(tile).toHaveAttribute("data-unknown", "true", { timeout: 20_000 });
  await cluster.pause();
  await expect(tile.locator(".kp-pod-status")).toHaveText("Unknown");
  // kubectl still prints what the kubelet last reported (MarkPodsNotReady turns only the pod's
  // Ready condition False; READY counts the containers' own flags); the node's condition says why.
  await dock.open("console");
  const wide = parseTable((await kubectl.run("kubectl get pods -o wide")).stdout);
  const row = wide.find((r) => r.NAME === victim.name)!;
  expect(row).toMatchObject({ STATUS: "Running", READY: "1/1", NODE: "zone-a-1" });
  const pod = await kubectl.run(`kubectl describe pod ${victim.name}`);
  expect(pod.stdout).toMatch(/\n  Ready\s+False\s*\n/);
  expect(pod.stdout).toMatch(/Warning\s+NodeNotReady\s+.*Node is not ready/);
  const node = await kubectl.run("kubectl describe node zone-a-1");
  expect(node.stdout).toMatch(/Ready\s+Unknown\s+.*NodeStatusUnknown\s+Kubelet stopped posting node status\./);
  await cluster.screenshot("menu-02-pods-unknown");

  // After the unreachable taint's 300 s toleration the pod is evicted and replaced on another node.
  await cluster.setSpeed(100);
  await cluster.play();
  await expect.poll(async () => (await cluster.podPlaces("web-")).filter((p) => p.status === "Running" && p.node !== "zone-a-1").length, { timeout: 30_000 }).toBe(3);
  await cluster.pause();
  const events = await kubectl.run("kubectl get events");
  expect(events.stdout).toContain(`Marking for deletion Pod default/${victim.name}`);

  // Scale the Deployment from its card in the workloads view.
  await cluster.showView("workloads");
  await menu.openOn(page.locator('[data-workload="Deployment/web"]'));
  await expect(menu.item("scale-up")).toContainText("kubectl scale deployment/web --replicas=4");
  await cluster.screenshot("menu-03-deployment");
  await menu.choose("scale-up");
  await expect(menu.outcome).toContainText("deployment.apps/web scaled");
  await expect(page.getByTestId("console-entry").last()).toContainText("kubectl scale deployment/web --replicas=4");
  await cluster.showView("cluster");
  await cluster.playUntilRunning("web-", 4);

  // Drain zone-b-1 from its menu: kubectl's output goes on in the console as its pods go.
  await menu.openOn(cluster.node("zone-b-1").locator(".kp-machine-head"));
  await menu.choose("drain");
  await expect(menu.outcome).toContainText(/evicting pod default\/web-/);
  const drain = page.getByTestId("console-entry").last();
  await expect(drain).toContainText("kubectl drain zone-b-1 --ignore-daemonsets --delete-emptydir-data");
  await expect(drain.getByTestId("console-following")).toBeVisible();
  await cluster.play();
  await expect(drain.getByTestId("console-stdout")).toContainText(/pod\/web-\S+ evicted\n(pod\/web-\S+ evicted\n)*node\/zone-b-1 drained/, { timeout: 30_000 });
  await expect.poll(async () => (await cluster.podPlaces("web-")).filter((p) => p.status === "Running" && p.node === "zone-c-1").length, { timeout: 30_000 }).toBe(4);
  await cluster.pause();
  await expect(drain.getByTestId("console-following")).toHaveCount(0);
  await cluster.screenshot("menu-05-drained");
  const time = await cluster.time();
  const places = await cluster.podPlaces("web-");

  // A share link replays the node action and the scale at their places in the run.
  const link = await new SharePage(page).copyLink();
  const fresh = await context.newPage();
  const other = new ClusterPage(fresh);
  await fresh.goto(link);
  await expect.poll(() => other.time(), { timeout: 20_000 }).toBe(time);
  await expect.poll(() => other.podPlaces("web-"), { timeout: 20_000 }).toEqual(places);
  await expect(other.pod(victim.name)).toHaveAttribute("data-unknown", "true");
  await fresh.close();
  expect(errors).toEqual([]);
});

test("the keyboard opens the selection's menu; a pod's menu breaks its liveness probe and the kubelet restarts it", async ({ page }) => {
  test.setTimeout(90_000);
  const { errors, cluster, dock, kubectl, menu } = await openScenario(page, LIVENESS_POD);
  await cluster.setSpeed(10);
  await cluster.play();
  await expect(cluster.pod("liveness-exec")).toHaveAttribute("data-status", "Running", { timeout: 20_000 });
  await cluster.pause();

  // Select the pod, then Shift+F10: the menu opens on it; arrows move, Esc closes.
  await cluster.selectPod("liveness-exec");
  await page.keyboard.press("Shift+F10");
  await expect(menu.menu).toBeVisible();
  await expect(menu.item("delete")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.item("break-liveness-liveness")).toBeFocused();
  await expect(menu.item("break-liveness-liveness")).toContainText("kubectl exec liveness-exec -- rm -f /tmp/healthy");
  await cluster.screenshot("menu-04-pod-keyboard");
  await page.keyboard.press("Escape");
  await expect(menu.menu).toBeHidden();

  await menu.openOn(cluster.pod("liveness-exec"));
  await menu.choose("break-liveness-liveness");
  // Three failed probes 5 s apart, then the kill: the restart badge appears.
  await cluster.play();
  await expect(cluster.pod("liveness-exec").locator(".kp-pod-restarts")).toHaveText("↻1", { timeout: 30_000 });
  await cluster.pause();
  await dock.open("console");
  const described = await kubectl.run("kubectl describe pod liveness-exec");
  expect(described.stderr).toBe("");
  expect(described.stdout).toContain("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");

  // Drain refuses a pod no controller would replace, with kubectl's words.
  await menu.openOn(cluster.node("zone-b-1").locator(".kp-machine-head"));
  await menu.choose("drain");
  await expect(menu.outcome).toContainText("cannot delete Pods that declare no controller (use --force to override): default/liveness-exec");

  // A value the command would refuse is caught in the menu, with the reason.
  await menu.openOn(cluster.node("zone-b-1").locator(".kp-machine-head"));
  await menu.item("taint").click();
  await menu.input.fill("gpu=true");
  await menu.input.press("Enter");
  await expect(menu.menu).toContainText("Write a taint as key=value:Effect");
  await menu.input.fill("gpu=true:NoSchedule");
  await menu.input.press("Enter");
  await expect(menu.outcome).toContainText("node/zone-b-1 tainted");
  await expect(cluster.node("zone-b-1").locator(".kp-mark-taint")).toBeVisible();
  expect(errors).toEqual([]);
});
