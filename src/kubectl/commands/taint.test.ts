import { describe, expect, it } from "vitest";
import type { Taint } from "kubernetes-types/core/v1";
import { Simulation } from "../../sim/simulation";

const NODES = `
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {pool: gpu}}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
---
apiVersion: v1
kind: Node
metadata: {name: n2}
`;

const sim = () => Simulation.load(NODES, { components: [] }).sim;
const taints = (s: Simulation, node = "n1") => (s.store.get("Node", undefined, node)!.spec?.taints ?? []).map((t: Taint) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`);

describe("kubectl taint", () => {
  const cases: Array<{ line: string; out?: string; err?: string; code?: number; want?: string[] }> = [
    { line: "taint nodes n1 team=a:NoExecute", out: "node/n1 tainted\n", want: ["team=a:NoExecute", "dedicated=gpu:NoSchedule"] },
    { line: "taint node n1 dedicated=cpu:NoSchedule", err: "error: node n1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n", code: 1, want: ["dedicated=gpu:NoSchedule"] },
    { line: "taint node n1 dedicated=cpu:NoSchedule --overwrite", out: "node/n1 modified\n", want: ["dedicated=cpu:NoSchedule"] },
    { line: "taint node n1 dedicated:NoSchedule-", out: "node/n1 untainted\n", want: [] },
    { line: "taint node n1 dedicated-", out: "node/n1 untainted\n", want: [] },
    { line: "taint node n1 dedicated:NoExecute-", err: `error: taint "dedicated:NoExecute" not found\n`, code: 1, want: ["dedicated=gpu:NoSchedule"] },
    { line: "taint node n1 dedicated- x=1:NoSchedule", out: "node/n1 modified\n", want: ["x=1:NoSchedule"] },
    { line: "taint nodes --all maint:PreferNoSchedule", out: "node/n1 tainted\nnode/n2 tainted\n" },
    { line: "taint nodes -l pool=gpu maint:NoSchedule", out: "node/n1 tainted\n" },
    { line: "taint node n1 a:", err: "error: invalid taint effect: , unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n", code: 1 },
    { line: "taint node n1 a=b", err: "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n", code: 1 },
    { line: "taint node n1 a=b:Sometimes", err: "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n", code: 1 },
    { line: "taint pod web a=b:NoSchedule", err: "error: invalid resource type pod, only node types are supported\n", code: 1 },
    { line: "taint node nope a=b:NoSchedule", err: `Error from server (NotFound): nodes "nope" not found\n`, code: 1 },
    { line: "taint node a=b:NoSchedule", err: "error: at least one resource name must be specified since 'all' parameter is not set\n", code: 1 },
    { line: "taint node n1", err: "error: at least one taint update is required\n", code: 1 },
  ];
  it.each(cases)("$line", ({ line, out = "", err = "", code = 0, want }) => {
    const s = sim();
    const r = s.kubectl(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([out, err, code]);
    if (want) expect(taints(s)).toEqual(want);
  });
});

describe("kubectl cordon / uncordon", () => {
  it("sets and clears spec.unschedulable, saying when nothing changed", () => {
    const s = sim();
    const run = (l: string) => { const r = s.kubectl(l); return [r.stdout, r.stderr, r.exitCode]; };
    expect(run("cordon n1")).toEqual(["node/n1 cordoned\n", "", 0]);
    expect(s.store.get("Node", undefined, "n1")!.spec?.unschedulable).toBe(true);
    expect(run("cordon n1")).toEqual(["node/n1 already cordoned\n", "", 0]);
    expect(run("uncordon n1 n2")).toEqual(["node/n1 uncordoned\nnode/n2 already uncordoned\n", "", 0]);
    expect(s.store.get("Node", undefined, "n1")!.spec?.unschedulable).toBeUndefined();
    expect(run("cordon -l pool=gpu")).toEqual(["node/n1 cordoned\n", "", 0]);
    expect(run("cordon nope")).toEqual(["", `Error from server (NotFound): nodes "nope" not found\n`, 1]);
    expect(run("cordon")).toEqual(["", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", 1]);
  });
});
