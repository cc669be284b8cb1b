import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";

const BASE = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, labels: {app: api}}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx, ports: [{containerPort: 8080}, {containerPort: 9090, protocol: UDP}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: lone}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec: {template: {spec: {restartPolicy: Never, containers: [{name: pi, image: perl}]}}}
`;

const sim = () => Simulation.load(BASE, { components: [] }).sim;
const run = (s: Simulation, line: string, stdin?: string) => {
  const r = s.kubectl(line, stdin);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe("kubectl create", () => {
  it("create deployment builds the object the generator builds", () => {
    const s = sim();
    expect(run(s, "create deployment web --image=nginx:1.27 --replicas=3 --port=80")).toEqual(["deployment.apps/web created\n", "", 0]);
    const d = s.store.get("Deployment", "default", "web")!;
    expect(d.metadata.labels).toEqual({ app: "web" });
    expect(d.spec?.replicas).toBe(3);
    expect(d.spec?.selector).toEqual({ matchLabels: { app: "web" } });
    expect(d.spec?.template.metadata?.labels).toEqual({ app: "web" });
    expect(d.spec?.template.spec?.containers.map((c) => [c.name, c.image, c.ports])).toEqual([["nginx", "nginx:1.27", [{ containerPort: 80, protocol: "TCP" }]]]);
    expect(run(s, "create deployment web --image=nginx")).toEqual(["", `error: failed to create deployment: deployments.apps "web" already exists\n`, 1]);
  });

  it("create deployment with several images and a command names containers after the images", () => {
    const s = sim();
    expect(run(s, "create deploy multi --image=busybox --image=registry.k8s.io/pause:3.9,busybox -- sleep 60")[0]).toBe("deployment.apps/multi created\n");
    const cs = s.store.get("Deployment", "default", "multi")!.spec!.template.spec!.containers;
    expect(cs.map((c) => c.name)).toEqual(["busybox", "pause", "busybox-1"]);
    expect(cs[0]!.command).toEqual(["sleep", "60"]);
  });

  const cases: Array<{ line: string; out?: string; err?: string; code?: number; stdin?: string }> = [
    { line: "create namespace team-a", out: "namespace/team-a created\n" },
    { line: "create ns default", err: `Error from server (AlreadyExists): namespaces "default" already exists\n`, code: 1 },
    { line: "create configmap cfg --from-literal=a=1 --from-literal b=two=2", out: "configmap/cfg created\n" },
    { line: "create configmap cfg --from-literal=nope", err: "error: invalid literal source nope, expected key=value\n", code: 1 },
    { line: "create service clusterip web --tcp=80:8080", out: "service/web created\n" },
    { line: "create service nodeport web --tcp=80:8080 --node-port=30080", out: "service/web created\n" },
    { line: "create service clusterip web", err: "error: at least one tcp port specifier must be provided\n", code: 1 },
    { line: "create service clusterip headless --clusterip=None", out: "service/headless created\n" },
    { line: "create service externalname ext --external-name db.example.com", out: "service/ext created\n" },
    { line: "create deployment web", err: `error: required flag(s) "image" not set\nSee 'kubectl create deployment -h' for help and examples\n`, code: 1 },
    { line: "create deployment --image=nginx", err: "error: NAME is required\nSee 'kubectl create deployment -h' for help and examples\n", code: 1 },
    { line: "create deployment a b --image=nginx", err: "error: exactly one NAME is required, got 2\n", code: 1 },
    { line: "create -f -", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", out: "configmap/x created\n" },
    { line: "create -f -", stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: lone}\nspec: {containers: [{name: c, image: nginx}]}\n", err: `Error from server (AlreadyExists): error when creating "STDIN": pods "lone" already exists\n`, code: 1 },
    { line: "create frobnicator x", err: "error: Unexpected args: [frobnicator x]\nSee 'kubectl create -h' for help and examples\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0, stdin }) => {
    expect(run(sim(), line, stdin)).toEqual([out, err, code]);
  });

  it("create service sets the app=NAME selector and named ports", () => {
    const s = sim();
    run(s, "create service nodeport web --tcp=80:8080,443:https --node-port=30080");
    const svc = s.store.get("Service", "default", "web")!;
    expect(svc.spec?.type).toBe("NodePort");
    expect(svc.spec?.selector).toEqual({ app: "web" });
    expect(svc.spec?.ports?.map((p) => [p.name, p.port, p.targetPort, p.nodePort])).toEqual([["80-8080", 80, 8080, 30080], ["443-https", 443, "https", 30080]]);
    run(s, "create configmap cfg --from-literal=a=1 --from-literal b=two=2");
    expect(s.store.get("ConfigMap", "default", "cfg")!.data).toEqual({ a: "1", b: "two=2" });
  });
});

describe("kubectl run", () => {
  it("creates a bare pod labelled run=NAME; arguments after -- are the container's args", () => {
    const s = sim();
    expect(run(s, "run box --image=busybox --env=A=1 --env B=2 --port=80 -- sleep 3600")).toEqual(["pod/box created\n", "", 0]);
    const p = s.store.get("Pod", "default", "box")!;
    expect(p.metadata.labels).toEqual({ run: "box" });
    expect(p.spec?.restartPolicy).toBe("Always");
    const c = p.spec!.containers[0]!;
    expect([c.name, c.image, c.args, c.command, c.env, c.ports]).toEqual(["box", "busybox", ["sleep", "3600"], undefined, [{ name: "A", value: "1" }, { name: "B", value: "2" }], [{ containerPort: 80, protocol: "TCP" }]]);
    expect(run(s, "run cmd --image=busybox --command --restart=Never --labels=app=x,tier=y -- sh -c true")[0]).toBe("pod/cmd created\n");
    const q = s.store.get("Pod", "default", "cmd")!;
    expect([q.metadata.labels, q.spec?.restartPolicy, q.spec?.containers[0]?.command]).toEqual([{ app: "x", tier: "y" }, "Never", ["sh", "-c", "true"]]);
  });

  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    { line: "run lone --image=nginx", err: `Error from server (AlreadyExists): pods "lone" already exists\n`, code: 1 },
    { line: "run x", err: `error: required flag(s) "image" not set\nSee 'kubectl run -h' for help and examples\n`, code: 1 },
    { line: "run --image=nginx", err: "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n", code: 1 },
    { line: "run x --image=nginx --restart=Sometimes", err: "error: invalid restart policy: Sometimes\n", code: 1 },
    { line: "run -it shell --image=busybox -- sh", out: "pod/shell created\n", err: "kubeplay: the console cannot attach to a container; use kubectl logs or kubectl exec instead\n" },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    expect(run(sim(), line)).toEqual([out, err, code]);
  });
});

describe("kubectl expose", () => {
  it("exposes a Deployment on its matchLabels, with the ports its containers declare", () => {
    const s = sim();
    expect(run(s, "expose deployment api")).toEqual(["service/api exposed\n", "", 0]);
    const svc = s.store.get("Service", "default", "api")!;
    expect(svc.spec?.selector).toEqual({ app: "api" });
    expect(svc.metadata.labels).toEqual({ app: "api" });
    expect(svc.spec?.ports?.map((p) => [p.name, p.port, p.protocol, p.targetPort])).toEqual([["port-1", 8080, "TCP", 8080], ["port-2", 9090, "UDP", 9090]]);
  });

  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    { line: "expose deploy/api --port=80 --target-port=8080 --name=api-public --type=NodePort", out: "service/api-public exposed\n" },
    { line: "expose pod lone --port=80", err: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n", code: 1 },
    { line: "expose pod lone", err: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n", code: 1 },
    { line: "expose pod lone --selector=run=lone", err: "error: couldn't find port via --port flag or introspection\n", code: 1 },
    { line: "expose job pi --port=80", err: "error: cannot expose a Job.batch\n", code: 1 },
    { line: "expose deployment nope --port=80", err: `Error from server (NotFound): deployments.apps "nope" not found\n`, code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    expect(run(sim(), line)).toEqual([out, err, code]);
  });
});
