import { describe, expect, it } from "vitest";
import { parseManifests, parseScenario } from "./parse";
import { LIMITS } from "./limits";
import { DOCS_EXAMPLES } from "./testdata/docs-examples";
import type { ScenarioError } from "./types";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: busybox
`;

/** Loaded objects as "Kind/name". */
const names = (text: string) => parseScenario(text).objects.map((o) => `${o.kind}/${o.object.metadata?.name}`);

describe("parseScenario: good documents load", () => {
  it.each(DOCS_EXAMPLES.map((e) => [e.kind, e.source, e.yaml] as const))("%s from %s validates with no error", (kind, _source, yaml) => {
    const r = parseManifests(yaml);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.kind)).toContain(kind);
  });

  it("keeps document order, index and start line, and skips empty and comment-only documents", () => {
    const text = `# a comment before the first document\n---\n${DEPLOYMENT}---\n# only a comment\n---\n---\n${POD("a")}`;
    const r = parseScenario(text);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => [o.kind, o.doc, o.line])).toEqual([["Deployment", 0, 3], ["Pod", 3, 22]]);
  });

  it("returns defaulted objects", () => {
    const [d] = parseScenario(DEPLOYMENT).objects;
    expect(d!.object).toMatchObject({ metadata: { namespace: "default" }, spec: { revisionHistoryLimit: 10, strategy: { type: "RollingUpdate" } } });
  });

  it("reads YAML the way Kubernetes does: 1.1 booleans and octals, null means unset, merge keys", () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
spec:
  containers:
  - &c
    name: c
    image: busybox
  - <<: *c
    name: d
  volumes:
  - name: cm
    configMap: {name: x, defaultMode: 0644}
`;
    const r = parseScenario(text);
    expect(r.errors).toEqual([]);
    const pod = r.objects[0]!.object as { metadata: { labels?: unknown }; spec: { containers: Array<{ name: string; image: string }>; volumes: Array<{ configMap: { defaultMode: number } }> } };
    expect(pod.metadata.labels).toBeUndefined();
    expect(pod.spec.containers.map((c) => `${c.name}:${c.image}`)).toEqual(["c:busybox", "d:busybox"]);
    expect(pod.spec.volumes[0]!.configMap.defaultMode).toBe(420);
  });

  it("flattens a kind: List into its items", () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: B}}\n`;
    const r = parseScenario(text);
    expect(r.objects.map((o) => o.object.metadata?.name)).toEqual(["a"]);
    expect(r.errors).toMatchObject([{ doc: 0, line: 5, path: "metadata.name" }]);
  });
});

describe("parseScenario: each kind of error is located", () => {
  interface Case { name: string; text: string; error: Partial<ScenarioError> & { message: string }; loads?: string[] }
  const cases: Case[] = [
    { name: "unknown field at its key", text: DEPLOYMENT.replace("replicas: 2", "replica: 2"),
      error: { doc: 0, line: 6, column: 3, path: "spec.replica", message: 'unknown field "spec.replica"' } },
    { name: "type mismatch at its value", text: DEPLOYMENT.replace("replicas: 2", "replicas: three"),
      error: { line: 6, column: 13, path: "spec.replicas", message: 'spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"' } },
    { name: "missing image at its container", text: DEPLOYMENT.replace("        image: nginx:1.27\n", ""),
      error: { line: 14, column: 9, path: "spec.template.spec.containers[0].image", message: "spec.template.spec.containers[0].image: Required value" } },
    { name: "missing selector at the parent key", text: DEPLOYMENT.replace("  selector:\n    matchLabels: {app: web}\n", ""),
      error: { line: 5, column: 1, path: "spec.selector", message: "spec.selector: Required value" } },
    { name: "invalid name", text: POD("Web"),
      error: { line: 4, column: 9, path: "metadata.name", message: 'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of' } },
    { name: "selector vs template labels", text: DEPLOYMENT.replace("labels: {app: web}", "labels: {app: api}"),
      error: { line: 11, column: 15, path: "spec.template.metadata.labels", message: "`selector` does not match template `labels`" } },
    { name: "label value on its entry", text: POD("a").replace("  name: a\n", "  name: a\n  labels:\n    tier: front end\n"),
      error: { line: 6, column: 11, path: "metadata.labels", message: 'metadata.labels: Invalid value: "front end"' } },
    { name: "unknown kind", text: POD("a").replace("kind: Pod", "kind: Foo"),
      error: { line: 2, column: 7, path: "kind", message: 'no matches for kind "Foo" in version "v1": the playground supports Pod (v1)' } },
    { name: "kind in the wrong apiVersion", text: DEPLOYMENT.replace("apps/v1", "extensions/v1beta1"),
      error: { line: 1, column: 13, path: "apiVersion", message: 'no matches for kind "Deployment" in version "extensions/v1beta1"' } },
    { name: "missing kind", text: "apiVersion: v1\nmetadata: {name: a}\n", error: { line: 1, column: 1, path: "kind", message: "kind not set" } },
    { name: "a document that is not a mapping", text: "- a\n- b\n", error: { line: 1, column: 1, message: "a document must be a Kubernetes object" } },
    { name: "YAML syntax error in the second document; the first still loads", text: `${POD("a")}---\n${POD("b").replace("  name: b", "  name: b\n   bad: indent")}`,
      error: { doc: 1, line: 13, column: 9, message: "YAML: Nested mappings are not allowed in compact mappings" }, loads: ["Pod/a"] },
    { name: "duplicate key", text: POD("a").replace("  name: a\n", "  name: a\n  name: b\n"),
      error: { line: 5, column: 3, message: 'YAML: duplicate key "name": a key may appear only once in a mapping' } },
    { name: "tabs", text: "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n", error: { line: 4, message: "(indent with spaces)" } },
    { name: "the same object twice: error on the second", text: `${POD("a")}---\n${POD("a")}`,
      error: { doc: 1, line: 13, column: 9, path: "metadata.name", message: 'metadata.name: Duplicate value: "a": pods "a" in namespace "default" is already defined at line 1' },
      loads: ["Pod/a"] },
    { name: "same name, other namespace: no error", text: `${POD("a")}---\n${POD("a").replace("  name: a", "  name: a\n  namespace: other")}`,
      error: { message: "" }, loads: ["Pod/a", "Pod/a"] },
    { name: "job without restartPolicy", text: "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: busybox}]\n",
      error: { line: 6, column: 5, path: "spec.template.spec.restartPolicy", message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"' } },
    { name: "warnings do not stop a document", text: POD("a").replace("image: busybox", "image: busybox\n    resources: {requests: {memory: 100m}}"),
      error: { severity: "warning", line: 9, column: 36, message: 'fractional byte value "100m" is invalid' }, loads: ["Pod/a"] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = parseScenario(c.text);
    if (c.error.message === "") expect(r.errors).toEqual([]);
    else {
      const hit = r.errors.find((e) => e.message.includes(c.error.message));
      expect(hit, JSON.stringify(r.errors, null, 1)).toBeDefined();
      const { message: _m, ...where } = c.error;
      expect(hit).toMatchObject({ severity: "error", doc: 0, ...where });
    }
    expect(names(c.text)).toEqual(c.loads ?? []);
  });

  it("reports at most maxErrorsPerDocument problems per document", () => {
    const fields = Array.from({ length: 200 }, (_, i) => `  f${i}: 1`).join("\n");
    const r = parseScenario(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n${fields}\n`);
    expect(r.errors.length).toBe(LIMITS.maxErrorsPerDocument);
  });
});

describe("parseManifests", () => {
  it("loads objects like parseScenario", () => {
    expect(parseManifests(DEPLOYMENT).objects.map((o) => o.kind)).toEqual(["Deployment"]);
  });

  it("refuses a Scenario document", () => {
    const r = parseManifests("apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n");
    expect(r.errors).toMatchObject([{ line: 2, path: "kind", message: expect.stringContaining("kubectl apply takes Kubernetes objects only") }]);
  });
});

describe("limits: no input crashes or hangs the loader", () => {
  const quickly = <R extends { errors: ScenarioError[] }>(f: () => R) => {
    const t0 = performance.now();
    const r = f();
    return { r, ms: performance.now() - t0 };
  };

  it("refuses a 50 MB paste", () => {
    const { r, ms } = quickly(() => parseScenario("a: b\n".repeat(10_000_000)));
    expect(r.errors).toEqual([{ doc: 0, line: 1, column: 1, severity: "error", message: "the scenario is 50.0 MB; the playground accepts up to 2 MiB" }]);
    expect(ms).toBeLessThan(3000);
  });

  it("counts bytes, not characters", () => {
    const text = `# ${"가".repeat(800_000)}\n`; // 3 bytes each: 2.4 MB in 0.8 M characters
    expect(parseManifests(text).errors[0]?.message).toBe("the manifest is 2.4 MB; the playground accepts up to 2 MiB");
  });

  it("refuses more than 1000 documents", () => {
    const { r, ms } = quickly(() => parseScenario(Array.from({ length: 1500 }, (_, i) => POD(`p${i}`)).join("---\n")));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toBe("more than 1000 documents; the playground accepts up to 1000 per file");
    expect(ms).toBeLessThan(3000);
  });

  it("refuses an alias bomb", () => {
    let bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 10; i++) bomb += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]\n`;
    const { r, ms } = quickly(() => parseScenario(bomb));
    expect(r.objects).toEqual([]);
    expect(r.errors[0]!.message).toContain("YAML aliases expand too much");
    expect(ms).toBeLessThan(3000);
  });

  it.each([
    ["10,000 levels of flow", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["10,000 levels of compact block", `${"- ".repeat(10_000)}x\n`],
    ["10,000 levels of flow mappings", `${"{a: ".repeat(10_000)}x${"}".repeat(10_000)}\n`],
    // Indentation grows quadratically: 1,500 levels is what fits in 2 MiB.
    ["1,500 levels of indented", `${Array.from({ length: 1500 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} x\n`],
  ])("refuses %s nesting", (_kind, text) => {
    const { r, ms } = quickly(() => parseScenario(text));
    expect(r.errors.some((e) => e.message.startsWith("nesting deeper than 64 levels"))).toBe(true);
    expect(ms).toBeLessThan(3000);
  });

  it("keeps good documents next to refused ones", () => {
    const r = parseScenario(`${POD("a")}---\nx: ${"[".repeat(100)}${"]".repeat(100)}\n---\n${POD("b")}`);
    expect(names(`${POD("a")}---\nx: ${"[".repeat(100)}${"]".repeat(100)}\n---\n${POD("b")}`)).toEqual(["Pod/a", "Pod/b"]);
    expect(r.errors).toMatchObject([{ doc: 1, message: expect.stringContaining("nesting deeper than 64") }]);
  });

  it("refuses 10^9 replicas", () => {
    const r = parseScenario(DEPLOYMENT.replace("replicas: 2", "replicas: 1000000000"));
    expect(r.objects).toEqual([]);
    expect(r.errors).toEqual([{
      doc: 0, line: 6, column: 13, path: "spec.replicas", severity: "error",
      message: "spec.replicas: Invalid value: 1000000000: the playground runs at most 1000 replicas per workload",
    }]);
  });
});
