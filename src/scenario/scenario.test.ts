import { describe, expect, it } from "vitest";
import { DEFAULT_EPOCH } from "../clock/time";
import { parseScenario } from "./parse";
import { CLUSTER_DEFAULTS } from "./scenario";

/** The DESIGN §3 example, with every action type. */
const SCENARIO = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: rolling-update}
spec:
  title: {en: "Rolling update", ko: "롤링 업데이트"}
  seed: 7
  startTime: "2026-03-01T09:30:00Z"
  cluster: {zones: [a, b, c], nodesPerZone: 2, node: {cpu: "4", memory: 16Gi, pods: 110}}
  actions:
    - at: 3m
      delete: pod/web-0
    - at: 30s
      kubectl: "set image deployment/web web=nginx:1.27"
    - at: 90s
      node: {name: zone-b-1, state: Down}
    - at: 90s
      node: {name: zone-a-1, taint: {key: dedicated, value: db, effect: NoSchedule}}
    - at: 2m
      apply: |
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
    - at: 1h
      delete: deploy/web
      namespace: shop
    - at: 125
      delete: node/zone-c-2
`;

const scenarioWith = (spec: string) => `apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n${spec}`;

describe("the Scenario document", () => {
  it("builds a ScenarioSpec with actions sorted by time (ties in document order)", () => {
    const r = parseScenario(SCENARIO);
    expect(r.errors).toEqual([]);
    expect(r.objects).toEqual([]);
    expect(r.scenario).toEqual({
      name: "rolling-update",
      title: { en: "Rolling update", ko: "롤링 업데이트" },
      seed: 7,
      epochMs: Date.UTC(2026, 2, 1, 9, 30),
      cluster: { zones: ["a", "b", "c"], nodesPerZone: 2, node: { cpu: "4", memory: "16Gi", pods: 110 } },
      actions: [
        { at: 30_000, doc: 0, line: 12, type: "kubectl", command: "set image deployment/web web=nginx:1.27" },
        { at: 90_000, doc: 0, line: 14, type: "node", name: "zone-b-1", state: "Down" },
        { at: 90_000, doc: 0, line: 16, type: "node", name: "zone-a-1", taint: { key: "dedicated", value: "db", effect: "NoSchedule" } },
        { at: 120_000, doc: 0, line: 18, type: "apply", manifest: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n" },
        { at: 125_000, doc: 0, line: 27, type: "delete", kind: "Node", name: "zone-c-2" },
        { at: 180_000, doc: 0, line: 10, type: "delete", kind: "Pod", namespace: "default", name: "web-0" },
        { at: 3_600_000, doc: 0, line: 24, type: "delete", kind: "Deployment", namespace: "shop", name: "web" },
      ],
    });
  });

  it("defaults: epoch, no seed, cluster shorthand fields", () => {
    const r = parseScenario(scenarioWith("  cluster: {nodesPerZone: 3}\n"));
    expect(r.errors).toEqual([]);
    expect(r.scenario).toEqual({ name: "s", title: {}, epochMs: DEFAULT_EPOCH, actions: [], cluster: { ...CLUSTER_DEFAULTS, nodesPerZone: 3 } });
  });

  it("strips a leading kubectl from commands", () => {
    const r = parseScenario(scenarioWith("  actions:\n  - {at: 1s, kubectl: kubectl scale deploy web --replicas=3}\n"));
    expect(r.scenario?.actions[0]).toMatchObject({ type: "kubectl", command: "scale deploy web --replicas=3" });
  });

  it.each([
    ["startTime off the minute", "  startTime: 2026-01-01T00:00:30Z\n", 5, 14, "spec.startTime",
      'spec.startTime: Invalid value: "2026-01-01T00:00:30Z": must be on a whole minute'],
    ["startTime not a time", "  startTime: tomorrow\n", 5, 14, "spec.startTime", "must be an RFC 3339 date-time"],
    ["bad duration", "  actions:\n  - {at: soon, kubectl: get pods}\n", 6, 10, "spec.actions[0].at", 'Invalid value: "soon": must be a duration'],
    ["no action", "  actions:\n  - {at: 1s}\n", 6, 5, "spec.actions[0]", "spec.actions[0]: Required value: one of kubectl, node, apply or delete"],
    ["two actions in one entry", "  actions:\n  - {at: 1s, kubectl: get pods, delete: pod/a}\n", 6, 41, "spec.actions[0].delete",
      "Forbidden: may not be combined with kubectl (one action per entry)"],
    ["unknown node state", "  actions:\n  - {at: 1s, node: {name: node-1, state: cordon}}\n", 6, 42, "spec.actions[0].node.state",
      'Unsupported value: "cordon": supported values: "Down", "Up", "Cordon", "Uncordon", "Drain"'],
    ["node action without a change", "  actions:\n  - {at: 1s, node: {name: node-1}}\n", 6, 20, "spec.actions[0].node",
      "Required value: one of state, taint or untaint"],
    ["delete without kind", "  actions:\n  - {at: 1s, delete: web-0}\n", 6, 22, "spec.actions[0].delete", "must be kind/name, e.g. pod/web-0"],
    ["delete of an unknown kind", "  actions:\n  - {at: 1s, delete: gadget/x}\n", 6, 22, "spec.actions[0].delete",
      `the server doesn't have a resource type "gadget"`],
    ["unknown field", "  action: []\n", 5, 3, "spec.action", 'unknown field "spec.action"'],
    ["seed below zero", "  seed: -1\n", 5, 9, "spec.seed", "must be an integer between 0 and"],
    ["zones with capitals", "  cluster: {zones: [A]}\n", 5, 21, "spec.cluster.zones[0]", "a lowercase RFC 1123 label"],
  ])("%s", (_name, spec, line, column, path, message) => {
    const r = parseScenario(scenarioWith(spec));
    expect(r.scenario).toBeUndefined();
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toMatchObject({ doc: 0, line, column, severity: "error" });
    expect(hit!.message).toContain(message);
  });

  it("checks an apply manifest at load time and points inside it", () => {
    const manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad\nspec:\n  containers: [{name: c, image: busybox}]\n";
    const text = scenarioWith(`  actions:\n  - at: 1m\n    apply: |\n${manifest.replace(/^/gm, "      ")}`);
    const r = parseScenario(text);
    expect(r.scenario).toBeUndefined();
    expect(r.errors).toMatchObject([{ doc: 0, line: 11, column: 15, path: "spec.actions[0].apply",
      message: expect.stringMatching(/^spec\.actions\[0\]\.apply: metadata\.name: Invalid value: "Bad"/) }]);
  });

  it("explains YAML 1.1 booleans with the text as written", () => {
    const r = parseScenario(scenarioWith("  actions:\n  - {at: 1s, node: {name: n, state: Down}}\n"));
    expect(r.errors).toMatchObject([{ line: 6, column: 27, path: "spec.actions[0].node.name",
      message: 'spec.actions[0].node.name: Invalid value: false: spec.actions[0].node.name in body must be of type string: "boolean"; quote the value ("n") to make it a string' }]);
  });

  it("only one Scenario document", () => {
    const r = parseScenario(`${scenarioWith("  seed: 1\n")}---\n${scenarioWith("  seed: 2\n")}`);
    expect(r.scenario?.seed).toBe(1);
    expect(r.errors).toMatchObject([{ doc: 1, line: 8, message: "only one Scenario document is allowed; the first one is at line 1" }]);
  });

  it("another apiVersion is not served", () => {
    const r = parseScenario(scenarioWith("  seed: 1\n").replace("v1alpha1", "v1"));
    expect(r.errors[0]?.message).toBe('no matches for kind "Scenario" in version "kubeplay.dev/v1": Scenario is served as apiVersion "kubeplay.dev/v1alpha1"');
  });

  it("warns that the cluster shorthand is ignored next to Node documents", () => {
    const node = "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n";
    const r = parseScenario(`${scenarioWith("  cluster: {zones: [a]}\n")}---\n${node}`);
    expect(r.scenario?.cluster).toBeDefined();
    expect(r.objects.map((o) => o.kind)).toEqual(["Node"]);
    expect(r.errors).toMatchObject([{ severity: "warning", line: 5, path: "spec.cluster", message: expect.stringContaining("ignored") }]);
  });

  it("limits: more than 5000 nodes from the shorthand", () => {
    const r = parseScenario(scenarioWith("  cluster: {zones: [a, b, c], nodesPerZone: 2000}\n"));
    expect(r.scenario).toBeUndefined();
    expect(r.errors).toMatchObject([{ path: "spec.cluster.nodesPerZone",
      message: "spec.cluster.nodesPerZone: Invalid value: 2000: the cluster shorthand makes 6000 nodes (3 zones × 2000); the playground runs at most 5000 nodes" }]);
  });

  it("limits: more than 10,000 actions", () => {
    const actions = "  - {at: 1s, kubectl: get pods}\n".repeat(10_001);
    const t0 = performance.now();
    const r = parseScenario(scenarioWith(`  actions:\n${actions}`));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.scenario).toBeUndefined();
    expect(r.errors).toMatchObject([{ path: "spec.actions",
      message: 'spec.actions: Invalid value: "10001 actions": the playground accepts at most 10000 actions per scenario' }]);
  });
});
