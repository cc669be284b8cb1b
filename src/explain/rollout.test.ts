import { describe, expect, it } from "vitest";
import { Simulation } from "../sim/simulation";
import { explainHostOf } from "./host";
import { whyRolloutWaiting, type RolloutExplanation } from "./rollout";

const deployment = (replicas: number, strategy: string, probePath = "/") => `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: rollout}
spec:
  cluster: {zones: [a], nodesPerZone: 2, node: {cpu: "4", memory: 8Gi, pods: 110}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  strategy: ${strategy}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: "nginx:1.26"
        readinessProbe: {httpGet: {path: "${probePath}", port: 80}, periodSeconds: 5}
`;

function rollout(replicas: number, strategy: string, change: (sim: Simulation) => void, at: number): RolloutExplanation {
  const { sim, errors } = Simulation.load(deployment(replicas, strategy));
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  sim.runUntil(30);
  change(sim);
  sim.runUntil(at);
  const e = whyRolloutWaiting(explainHostOf(sim), "default", "web");
  if ("error" in e) throw new Error(e.error);
  return e;
}

/** A new template whose pods never become ready (the readiness probe's port is closed). */
const breakReadiness = (sim: Simulation) => {
  const d = structuredClone(sim.store.get("Deployment", "default", "web")!);
  d.spec!.template.spec!.containers[0]!.readinessProbe!.httpGet!.port = 8080;
  d.spec!.template.spec!.containers[0]!.image = "nginx:1.27";
  sim.store.update("Deployment", d);
};

describe("why is this rollout waiting", () => {
  it("a finished rollout is not waiting", () => {
    const e = rollout(3, "{type: RollingUpdate}", () => {}, 40);
    expect(e).toMatchObject({ waiting: false, blockedBy: ["complete"], status: `deployment "web" successfully rolled out` });
    expect(e.text).toBe(`Deployment default/web: deployment "web" successfully rolled out. All 3 replicas run the current template and are available.`);
  });

  const cases: Array<{ name: string; replicas: number; strategy: string; want: Partial<RolloutExplanation> }> = [
    {
      name: "25%/25% of 3: surge 1 (0.75 up), unavailable 0 (0.75 down): stuck at the ceiling and the floor",
      replicas: 3, strategy: "{type: RollingUpdate}",
      want: { maxSurge: { value: "25%", resolved: 1 }, maxUnavailable: { value: "25%", resolved: 0 }, maxTotal: 4, minAvailable: 3, totalReplicas: 4, available: 3, canScaleUp: 0, canScaleDown: 0, blockedBy: ["surge-ceiling", "availability-floor"] },
    },
    {
      name: "maxSurge 0, maxUnavailable 1 of 4: one old pod goes first, the new one replaces it",
      replicas: 4, strategy: "{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}",
      want: { maxSurge: { value: 0, resolved: 0 }, maxUnavailable: { value: 1, resolved: 1 }, maxTotal: 4, minAvailable: 3, totalReplicas: 4, available: 3, canScaleUp: 0, canScaleDown: 0, blockedBy: ["surge-ceiling", "availability-floor"] },
    },
  ];
  it.each(cases)("$name", ({ replicas, strategy, want }) => {
    const e = rollout(replicas, strategy, breakReadiness, 80);
    expect(e).toMatchObject({ waiting: true, desired: replicas, ...want });
    expect(e.notAvailable).toHaveLength(1);
    expect(e.notAvailable[0]!.reason).toMatch(/^container web is running but its readiness probe is failing: http-get http:\/\/:8080\/ /);
    expect(e.text).toContain(`the controller may run at most ${want.maxTotal} pods (replicas + maxSurge) and must keep at least ${want.minAvailable} available (replicas − maxUnavailable)`);
    expect(e.text).toContain("It cannot create another new pod");
    expect(e.text).toContain("It cannot remove an old pod");
  });

  it("the percentages are shown with their arithmetic", () => {
    const e = rollout(3, "{type: RollingUpdate}", breakReadiness, 80);
    expect(e.text).toContain("maxSurge 25% (25% of 3 = 0.75, rounded up to 1) and maxUnavailable 25% (25% of 3 = 0.75, rounded down to 0)");
    expect(e.status).toBe(`Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...`);
  });

  it("a paused Deployment waits for resume", () => {
    const e = rollout(2, "{type: RollingUpdate}", (sim) => {
      sim.kubectl("rollout pause deployment/web");
      sim.kubectl("set image deployment/web web=nginx:1.27");
    }, 60);
    expect(e.blockedBy).toEqual(["paused"]);
    expect(e.text).toMatch(/The Deployment is paused \(spec\.paused\)/);
  });

  it("Recreate waits for every old pod to be gone (busybox as PID 1 ignores SIGTERM: gone after the 30s grace period)", () => {
    const { sim } = Simulation.load(deployment(2, "{type: Recreate}").replace(`image: "nginx:1.26"`, `image: busybox\n        command: [sleep, "3600"]`).replace(/ *readinessProbe.*\n/, ""));
    sim.runUntil(30);
    sim.kubectl("set image deployment/web web=busybox:1.37");
    sim.runUntil(45);
    const waiting = whyRolloutWaiting(explainHostOf(sim), "default", "web") as RolloutExplanation;
    expect(waiting).toMatchObject({ strategy: "Recreate", waiting: true, blockedBy: ["recreate-old-pods"] });
    expect(waiting.text).toContain("waits until no old pod exists before it creates new ones; old pods still exist.");
    sim.runUntil(90);
    expect((whyRolloutWaiting(explainHostOf(sim), "default", "web") as RolloutExplanation).blockedBy).toEqual(["complete"]);
  });

  it("names a missing Deployment as the API server would", () => {
    const { sim } = Simulation.load(deployment(1, "{type: RollingUpdate}"), { components: [] });
    expect(whyRolloutWaiting(explainHostOf(sim), "default", "nope")).toEqual({ error: `Error from server (NotFound): deployments.apps "nope" not found` });
  });
});
