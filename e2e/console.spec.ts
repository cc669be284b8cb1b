import { expect, test } from "@playwright/test";
import { LIVENESS_POD, WEB_DEPLOYMENT } from "./fixtures/issue7";
import { ClusterPage } from "./pages/cluster";
import { parseTable } from "./pages/panels";
import { openScenario } from "./pages/workbench";

async function runFor(cluster: ClusterPage, seconds: number): Promise<void> {
  const start = await cluster.time();
  await cluster.play();
  await expect.poll(() => cluster.time(), { timeout: 20_000 }).toBeGreaterThanOrEqual(start + seconds);
  await cluster.pause();
}

test("the console: apply -f the editor's YAML, get pods -o wide matches the canvas, exec breaks a liveness probe, rollout undo", async ({ page }) => {
  const { errors, cluster, dock, kubectl } = await openScenario(page, `${LIVENESS_POD}---\n${WEB_DEPLOYMENT}`, { restart: false });
  await dock.open("console");

  const applied = await kubectl.run("kubectl apply -f scenario.yaml");
  expect(applied.stdout.split("\n").sort()).toEqual(["deployment.apps/web created", "pod/liveness-exec created"]);
  await cluster.setSpeed(10);
  await runFor(cluster, 20);
  await expect(cluster.pod("liveness-exec")).toHaveAttribute("data-status", "Running");

  // get pods -o wide says what the canvas draws: the same pods, statuses and nodes.
  const wide = await kubectl.run("kubectl get pods -o wide");
  const rows = parseTable(wide.stdout);
  expect(Object.keys(rows[0]!)).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
  const canvas = await cluster.podPlaces();
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  expect(rows.map((r) => ({ name: r.NAME!, status: r.STATUS!, node: r.NODE === "<none>" ? "" : r.NODE! })).sort(byName)).toEqual([...canvas].sort(byName));
  await dock.screenshot("console-01-get-pods");

  // History and completion.
  await kubectl.input.press("ArrowUp");
  await expect(kubectl.input).toHaveValue("kubectl get pods -o wide");
  await kubectl.input.fill("kubectl rollout st");
  await kubectl.input.press("Tab");
  await expect(kubectl.input).toHaveValue("kubectl rollout status ");
  await kubectl.input.fill("");

  // Break the liveness probe from inside the container: the kubelet restarts it.
  const exec = await kubectl.run("kubectl exec liveness-exec -- rm /tmp/healthy");
  expect(exec).toEqual({ stdout: "", stderr: "" });
  await cluster.play();
  await expect(cluster.pod("liveness-exec").locator(".kp-pod-restarts")).toHaveText("↻1", { timeout: 20_000 });
  await cluster.pause();
  const described = await kubectl.run("kubectl describe pod liveness-exec");
  expect(described.stdout).toContain("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  expect(described.stdout).toContain("Container liveness failed liveness probe, will be restarted");
  expect(described.stdout).toMatch(/Restart Count:\s+1/);
  await dock.screenshot("console-02-liveness");

  // The inspector shows the same pod: describe, and the log of the instance before the restart.
  await cluster.pod("liveness-exec").click();
  await dock.open("inspector");
  await expect(page.getByTestId("inspector-output")).toContainText("Restart Count:  1");
  await page.getByTestId("inspector-logs").click();
  await expect(page.getByTestId("inspector-output")).toHaveText("serving");
  await page.getByTestId("inspector-previous").check();
  await expect(page.locator(".kp-inspector-cmd")).toHaveText("kubectl logs liveness-exec -n default -c liveness --previous");
  await expect(page.getByTestId("inspector-output")).toHaveText("serving");
  await dock.screenshot("inspector-03-logs-previous");
  await dock.open("console");

  // A rollout and its undo.
  expect((await kubectl.run("kubectl set image deployment/web web=nginx:1.27")).stdout).toBe("deployment.apps/web image updated");
  // "Why is this rollout waiting?": the surge / unavailability arithmetic of this Deployment.
  await cluster.showView("workloads");
  await page.locator('[data-workload="Deployment/web"]').click();
  await dock.open("why");
  await expect(page.getByTestId("why-rollout")).toContainText("maxSurge");
  await expect(page.getByTestId("why-rollout")).toContainText("25% → 1");
  await dock.screenshot("why-03-rollout");
  await cluster.showView("cluster");
  await dock.open("console");
  await cluster.play();
  await kubectl.runUntil("kubectl rollout status deployment/web", (o) => o.stdout.includes("successfully rolled out"));
  expect((await kubectl.run("kubectl rollout undo deployment/web")).stdout).toBe("deployment.apps/web rolled back");
  const back = await kubectl.runUntil("kubectl get deployment web -o wide", (o) => {
    const r = parseTable(o.stdout)[0];
    return r?.IMAGES === "nginx:1.25" && r.READY === "2/2" && r["UP-TO-DATE"] === "2";
  });
  await cluster.pause();
  expect(back.stdout).toContain("nginx:1.25");
  const history = await kubectl.run("kubectl rollout history deployment/web");
  expect(history.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/);

  const unknown = await kubectl.run("ls /tmp");
  expect(unknown.stderr).toContain("ls: command not found");
  await dock.screenshot("console-03-rollout-undo");
  expect(errors).toEqual([]);
});

test("acting from the inspector: take a node down and scale a Deployment, with the object's describe beside", async ({ page }) => {
  const { errors, cluster, dock } = await openScenario(page, WEB_DEPLOYMENT.replace("replicas: 2", "replicas: 3"));
  await cluster.setSpeed(10);
  await cluster.playUntilRunning("web-", 3);

  // Select the node on the canvas, then act on it from the inspector.
  await cluster.node("zone-a-1").locator(".kp-machine-head").click();
  await dock.open("inspector");
  await expect(page.getByTestId("inspector-output")).toContainText("Name:               zone-a-1");
  await page.getByTestId("action-node-down").click();
  await cluster.setSpeed(100);
  await cluster.play();
  await expect(cluster.node("zone-a-1")).toHaveClass(/is-not-ready/, { timeout: 20_000 });
  await expect(page.getByTestId("inspector-output")).toContainText("NodeStatusUnknown");
  await cluster.pause();
  await dock.screenshot("inspector-01-node-down");

  // Scale the Deployment from the inspector.
  await cluster.showView("workloads");
  await page.locator('[data-workload="Deployment/web"]').click();
  await expect(page.getByTestId("inspector")).toContainText("describe deployment/web");
  await page.getByTestId("action-scale-up").click();
  await cluster.playUntilRunning("web-", 4, 30_000);
  await page.getByTestId("inspector-yaml").click();
  await expect(page.getByTestId("inspector-output")).toContainText("replicas: 4");
  await dock.screenshot("inspector-02-scaled");
  expect(errors).toEqual([]);
});

test("get -w and logs -f keep printing as the cluster runs, until Ctrl+C", async ({ page }) => {
  const { errors, cluster, dock, kubectl } = await openScenario(page, LIVENESS_POD);
  await dock.open("console");
  const first = await kubectl.run("kubectl get pods -w");
  expect(first.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nliveness-exec\s+0\/1\s+Pending\s+0\s+0s$/);
  const entry = kubectl.entries.last();
  await expect(entry.getByTestId("console-following")).toBeVisible();
  await cluster.setSpeed(10);
  await cluster.play();
  // Each change of the pod is one more row, as kubectl get -w prints them.
  await expect(entry.getByTestId("console-stdout")).toContainText(/liveness-exec\s+0\/1\s+ContainerCreating/, { timeout: 20_000 });
  await expect(entry.getByTestId("console-stdout")).toContainText(/liveness-exec\s+1\/1\s+Running/, { timeout: 20_000 });
  await cluster.pause();
  await kubectl.input.press("Control+c");
  await expect(entry.getByTestId("console-following")).toHaveCount(0);
  await expect(entry.getByTestId("console-stdout")).toContainText("^C");
  const rows = (await entry.getByTestId("console-stdout").textContent()) ?? "";
  await cluster.play();
  await page.waitForTimeout(1000);
  await cluster.pause();
  expect(await entry.getByTestId("console-stdout").textContent()).toBe(rows);

  // logs -f: the container's next lines, until a new command stops it.
  const logs = await kubectl.run("kubectl logs liveness-exec -f");
  expect(logs.stdout).toBe("serving");
  await expect(kubectl.entries.last().getByTestId("console-following")).toBeVisible();
  await dock.screenshot("console-04-watch");
  await kubectl.run("kubectl get pods");
  await expect(kubectl.root.getByTestId("console-following")).toHaveCount(0);
  expect(errors).toEqual([]);
});
