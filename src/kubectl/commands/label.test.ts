import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";

const OBJECTS = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}, annotations: {owner: alice}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, labels: {app: db}}
spec: {containers: [{name: c, image: postgres}]}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
`;

const sim = () => Simulation.load(OBJECTS, { components: [] }).sim;

describe("kubectl label", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number; labels?: Record<string, string> }> = [
    { line: "label pod web tier=front", out: "pod/web labeled\n", labels: { app: "web", tier: "front" } },
    { line: "label pods/web tier=front stage=dev", out: "pod/web labeled\n", labels: { app: "web", stage: "dev", tier: "front" } },
    { line: "label pod web app=api", err: "error: 'app' already has a value (web), and --overwrite is false\n", code: 1, labels: { app: "web" } },
    { line: "label pod web app=api --overwrite", out: "pod/web labeled\n", labels: { app: "api" } },
    { line: "label pod web app=web --overwrite", out: "pod/web not labeled\n", labels: { app: "web" } },
    { line: "label pod web app-", out: "pod/web unlabeled\n", labels: {} },
    { line: "label pod web nope-", out: "label \"nope\" not found.\npod/web not labeled\n", labels: { app: "web" } },
    // updateDataChangeMsg: a shorter object without --overwrite reads as "unlabeled", even with an addition.
    { line: "label pod web app- tier=x", out: "pod/web unlabeled\n", labels: { tier: "x" } },
    { line: "label pod web app- tier=xyz", out: "pod/web labeled\n", labels: { tier: "xyz" } },
    { line: "label pods --all team=a -o name".replace(" -o name", ""), out: "pod/db labeled\npod/web labeled\n" },
    { line: "label pods -l app=db team=a", out: "pod/db labeled\n" },
    { line: "label node n1 disktype=ssd", out: "node/n1 labeled\n" },
    { line: "label pod web", err: "error: at least one label update is required\n", code: 1 },
    { line: "label web=1", err: "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n", code: 1 },
    { line: "label pod web a=1 db", err: "error: all resources must be specified before label changes: db\n", code: 1 },
    { line: "label pod web a=b=c", err: "error: invalid label spec: a=b=c\n", code: 1 },
    { line: "label pod web app=x app-", err: "error: can not both modify and remove a label in the same command\n", code: 1 },
    { line: "label pod nope a=1", err: `Error from server (NotFound): pods "nope" not found\n`, code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0, labels }) => {
    const s = sim();
    const r = s.kubectl(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
    if (labels) expect(s.store.get("Pod", "default", "web")!.metadata.labels ?? {}).toEqual(labels);
  });

  it("--list prints the labels", () => {
    expect(sim().kubectl("label pod web --list").stdout).toBe("app=web\n");
  });
});

describe("kubectl annotate", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number; annotations?: Record<string, string> }> = [
    { line: "annotate pod web note='hello world'", out: "pod/web annotated\n", annotations: { note: "hello world", owner: "alice" } },
    { line: "annotate pod web owner=bob", err: "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n", code: 1, annotations: { owner: "alice" } },
    { line: "annotate pod web owner=bob --overwrite", out: "pod/web annotated\n", annotations: { owner: "bob" } },
    { line: "annotate pod web owner-", out: "pod/web annotated\n", annotations: {} },
    { line: "annotate pod web absent-", out: "pod/web annotated\n", annotations: { owner: "alice" } },
    { line: "annotate pod web kubernetes.io/change-cause=v2", out: "pod/web annotated\n", annotations: { "kubernetes.io/change-cause": "v2", owner: "alice" } },
    { line: "annotate pod web a=1 a-", err: "error: can not both modify and remove the following annotation(s) in the same command: a\n", code: 1 },
    { line: "annotate pod web", err: "error: at least one annotation update is required\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0, annotations }) => {
    const s = sim();
    const r = s.kubectl(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
    if (annotations) expect(s.store.get("Pod", "default", "web")!.metadata.annotations ?? {}).toEqual(annotations);
  });
});
