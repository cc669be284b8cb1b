import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";

const SCENARIO = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: kubectl-commands}
spec:
  cluster: {zones: [a], nodesPerZone: 2, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.26"}]
`;

function cluster(): Simulation {
  const { sim, errors } = Simulation.load(SCENARIO);
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  sim.runUntil(20);
  return sim;
}

/** "stdout|stderr|exit" of one command, for compact tables. */
function run(sim: Simulation, line: string, stdin?: string): [string, string, number] {
  const r = sim.kubectl(line, stdin);
  return [r.stdout, r.stderr, r.exitCode];
}

describe("kubectl commands: output and errors as kubectl prints them", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    { line: "scale deployment web --replicas=5", out: "deployment.apps/web scaled\n" },
    { line: "kubectl scale deploy/web --replicas=1", out: "deployment.apps/web scaled\n" },
    { line: "scale deployments.apps nope --replicas=1", err: `Error from server (NotFound): deployments.apps "nope" not found\n`, code: 1 },
    { line: "scale deploy web", err: `error: required flag(s) "replicas" not set\nSee 'kubectl scale -h' for help and examples\n`, code: 1 },
    { line: "scale deploy web --replicas=-1", err: "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n", code: 1 },
    { line: "scale deploy --replicas=2", err: "error: resource(s) were provided, but no name was specified\n", code: 1 },
    { line: "scale --replicas=2", err: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", code: 1 },
    { line: "scale foos web --replicas=2", err: `error: the server doesn't have a resource type "foos"\n`, code: 1 },
    { line: "set image deployment/web web=nginx:1.27", out: "deployment.apps/web image updated\n" },
    { line: "set image deployment/web web=nginx:1.26", out: "" },
    { line: "set image deployment/web app=nginx:1.27", err: `error: unable to find container named "app"\n`, code: 1 },
    { line: "set image deployment/web", err: "error: at least one image update is required\n", code: 1 },
    { line: "rollout status deployment/web", out: `deployment "web" successfully rolled out\n` },
    { line: "rollout history deploy web", out: "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n" },
    { line: "rollout undo deployment/web", err: `error: no rollout history found for deployment "web"\n`, code: 1 },
    { line: "rollout pause deployment/web", out: "deployment.apps/web paused\n" },
    { line: "rollout resume deployment/web", err: `error: deployments.apps "web" is not paused\n`, code: 1 },
    { line: "rollout restart deployment/web", out: "deployment.apps/web restarted\n" },
    { line: "rollout frobnicate deployment/web", err: `error: unknown command "frobnicate" for "kubectl rollout"\n`, code: 1 },
    { line: "delete deployment web", out: `deployment.apps "web" deleted\n` },
    { line: "delete deployment web --cascade=sideways", err: `error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n`, code: 1 },
    { line: "delete pods -l app=nothing", out: "No resources found\n" },
    { line: "delete pod nope", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
    { line: "frobnicate pods", err: `error: unknown command "frobnicate" for "kubectl"\n`, code: 1 },
    { line: `scale deploy web --replicas='3`, err: "error: unterminated single quote\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    expect(run(cluster(), line)).toEqual([out, err, code]);
  });
});

describe("kubectl commands: what they do to the cluster", () => {
  it("scale changes spec.replicas and the Deployment follows", () => {
    const sim = cluster();
    sim.kubectl("scale deployment web --replicas=4");
    sim.runUntil(40);
    expect(sim.store.list("Pod").filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
  });

  it("pause holds a template change back until resume; a paused Deployment cannot be rolled back or restarted", () => {
    const sim = cluster();
    expect(run(sim, "rollout pause deployment/web")[0]).toBe("deployment.apps/web paused\n");
    expect(run(sim, "rollout pause deployment/web")).toEqual(["", `error: deployments.apps "web" is already paused\n`, 1]);
    sim.kubectl("set image deployment/web web=nginx:1.27");
    sim.runUntil(40);
    expect(sim.store.list("ReplicaSet")).toHaveLength(1);
    const progressing = sim.store.get("Deployment", "default", "web")!.status?.conditions?.find((c) => c.type === "Progressing");
    expect(progressing).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
    expect(run(sim, "rollout restart deployment/web")[1]).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`);
    expect(run(sim, "rollout undo deployment/web --to-revision=1")[1]).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n");
    expect(run(sim, "rollout resume deployment/web")[0]).toBe("deployment.apps/web resumed\n");
    sim.runUntil(80);
    expect(sim.store.list("ReplicaSet")).toHaveLength(2);
    expect(run(sim, "rollout history deployment/web")[0]).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
  });

  it("restart stamps kubectl.kubernetes.io/restartedAt and rolls new pods; twice in one second is refused", () => {
    const sim = cluster();
    expect(run(sim, "rollout restart deployment/web")[0]).toBe("deployment.apps/web restarted\n");
    expect(sim.store.get("Deployment", "default", "web")!.spec?.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBe("2026-01-01T00:00:20Z");
    expect(run(sim, "rollout restart deployment/web")[1]).toBe(
      "error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n");
    sim.runUntil(60);
    expect(sim.store.list("ReplicaSet").map((r) => r.spec?.replicas).sort()).toEqual([0, 2]);
  });

  it("rollout undo restores the previous template; undo again goes forward", () => {
    const sim = cluster();
    sim.kubectl("set image deployment/web web=nginx:1.27");
    sim.runUntil(60);
    expect(run(sim, "rollout undo deployment/web")[0]).toBe("deployment.apps/web rolled back\n");
    sim.runUntil(100);
    const image = () => sim.store.get("Deployment", "default", "web")!.spec?.template.spec?.containers[0]?.image;
    expect(image()).toBe("nginx:1.26");
    expect(sim.store.get("Deployment", "default", "web")!.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(run(sim, "rollout undo deployment/web --to-revision=3")[0]).toBe("deployment.apps/web skipped rollback (current template already matches revision 3)\n");
    expect(run(sim, "rollout undo deployment/web")[0]).toBe("deployment.apps/web rolled back\n");
    expect(image()).toBe("nginx:1.27");
  });

  it("rollout status reports progress while pods come up", () => {
    const sim = cluster();
    sim.kubectl("set image deployment/web web=nginx:1.27");
    sim.runUntil(20.5);
    expect(run(sim, "rollout status deployment/web")[0]).toMatch(/^Waiting for deployment "web" rollout to finish: \d+ (out of 2 new replicas have been updated|old replicas are pending termination|of \d+ updated replicas are available)\.\.\.\n$/);
  });

  it("delete --force --grace-period=0 warns and removes pods at once; the ReplicaSet replaces them", () => {
    const sim = cluster();
    const [out, err, code] = run(sim, "delete pods --all --force --grace-period=0");
    expect(code).toBe(0);
    expect(err).toBe("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    expect(out).toMatch(/^pod "web-\w+-\w+" force deleted\npod "web-\w+-\w+" force deleted\n$/);
    sim.runUntil(40);
    expect(sim.store.list("Pod")).toHaveLength(2);
  });

  it("delete --cascade=orphan leaves the ReplicaSet and its pods", () => {
    const sim = cluster();
    expect(run(sim, "delete deploy web --cascade=orphan")[0]).toBe(`deployment.apps "web" deleted\n`);
    sim.runUntil(30);
    expect(sim.store.list("Deployment")).toHaveLength(0);
    expect(sim.store.list("ReplicaSet")).toHaveLength(1);
    expect(sim.store.list("Pod")).toHaveLength(2);
  });

  it("apply -f - creates, configures and leaves unchanged", () => {
    const sim = cluster();
    const svc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: \"1\"}\n";
    expect(run(sim, "apply -f -", svc)).toEqual(["configmap/cfg created\n", "", 0]);
    expect(run(sim, "apply -f -", svc)).toEqual(["configmap/cfg unchanged\n", "", 0]);
    expect(run(sim, "apply -f -", svc.replace('"1"', '"2"'))).toEqual(["configmap/cfg configured\n", "", 0]);
    expect(run(sim, "apply -f web.yaml")).toEqual(["", `error: the path "web.yaml" does not exist\n`, 1]);
  });
});
