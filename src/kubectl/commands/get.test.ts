import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";
import { GetWatch } from "./get";

/** Objects only: no component runs, so nothing changes between commands. */
const OBJECTS = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: get}
spec:
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web, tier: front}}
spec: {containers: [{name: web, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db-0, labels: {app: db}}
spec: {nodeName: zone-a-1, containers: [{name: db, image: "postgres:16"}]}
---
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: dev}
data: {a: "1"}
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  clusterIP: 10.96.0.10
  selector: {app: web}
  ports: [{port: 80}]
`;

function cluster(): Simulation {
  const { sim, errors } = Simulation.load(OBJECTS, { components: [] });
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  sim.runUntil(90);
  return sim;
}

describe("kubectl get", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number }> = [
    {
      line: "get pods",
      out: "NAME    READY   STATUS    RESTARTS   AGE\ndb-0    0/1     Pending   0          90s\nweb-1   0/1     Pending   0          90s\n",
    },
    { line: "get po web-1 -o name", out: "pod/web-1\n" },
    { line: "get pod/web-1 pod/db-0 -o name", out: "pod/web-1\npod/db-0\n" },
    { line: "get pods -l app=web -o name", out: "pod/web-1\n" },
    { line: "get pods -l 'tier notin (front)' -o name", out: "pod/db-0\n" },
    { line: "get pods --field-selector spec.nodeName=zone-a-1 -o name", out: "pod/db-0\n" },
    {
      line: "get pods --field-selector spec.foo=bar",
      err: `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n`,
      code: 1,
    },
    {
      line: "get pods --show-labels",
      out: "NAME    READY   STATUS    RESTARTS   AGE   LABELS\ndb-0    0/1     Pending   0          90s   app=db\nweb-1   0/1     Pending   0          90s   app=web,tier=front\n",
    },
    { line: "get cm", err: "No resources found in default namespace.\n" },
    { line: "get cm -n dev", out: "NAME   DATA   AGE\ncfg    1      90s\n" },
    { line: "get cm -A", out: "NAMESPACE   NAME   DATA   AGE\ndev         cfg    1      90s\n" },
    {
      line: "get pod,svc -l app=web",
      out: "NAME        READY   STATUS    RESTARTS   AGE\npod/web-1   0/1     Pending   0          90s\n\n"
        + "NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/web   ClusterIP   10.96.0.10   <none>        80/TCP    90s\n",
    },
    { line: "get pods web-1 nope -o name", out: "pod/web-1\n", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
    { line: "get pod nope", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
    { line: "get frobs", err: `error: the server doesn't have a resource type "frobs"\n`, code: 1 },
    { line: "get pods web-1 -A", err: "error: a resource cannot be retrieved by name across all namespaces\n", code: 1 },
    { line: "get pods -o jsonpath", err: `error: unable to match a printer suitable for the output format "jsonpath", allowed formats are: json,name,wide,yaml\n`, code: 1 },
    {
      line: "get",
      err: `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`
        + `error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`,
      code: 1,
    },
    { line: "get pods --no-headers -o wide", out: "db-0    0/1     Pending   0          90s   <none>   zone-a-1   <none>           <none>\nweb-1   0/1     Pending   0          90s   <none>   <none>     <none>           <none>\n" },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0 }) => {
    const r = cluster().kubectl(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
  });

  it("-o yaml of one named object prints the object, of several a List", () => {
    const sim = cluster();
    const one = sim.kubectl("get cm cfg -n dev -o yaml").stdout;
    expect(one).toMatch(/^apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n/);
    const list = sim.kubectl("get cm -n dev -o json").stdout;
    expect(JSON.parse(list)).toMatchObject({ apiVersion: "v1", kind: "List", items: [{ kind: "ConfigMap", metadata: { name: "cfg" } }] });
  });

  it("get all lists the workload kinds with kind-prefixed names", () => {
    const r = cluster().kubectl("get all");
    expect(r.stdout).toContain("pod/db-0 ");
    expect(r.stdout).toContain("service/web ");
    expect(r.stdout).not.toContain("configmap");
  });

  it("-w prints the current table and says the console does not block", () => {
    const r = cluster().kubectl("get pods -w");
    expect(r.stdout).toContain("web-1");
    expect(r.stderr).toBe("kubeplay: the console prints the current state and returns; play the simulation to see it change\n");
  });

  it("GetWatch yields one header-less row per change of a watched kind", () => {
    const sim = cluster();
    const w = new GetWatch(sim.store, ["Pod"], "default");
    sim.kubectl("label pod web-1 stage=1");
    sim.kubectl("label cm cfg -n dev stage=1");
    expect(w.poll(sim.epochMs + 90_000)).toBe("web-1   0/1     Pending   0          90s\n");
    expect(w.poll(sim.epochMs + 90_000)).toBe("");
    w.close();
    sim.kubectl("label pod db-0 stage=1");
    expect(w.poll(sim.epochMs + 90_000)).toBe("");
  });
});
