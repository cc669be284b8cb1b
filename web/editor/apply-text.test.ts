import { describe, expect, it } from "vitest";
import { parseManifests } from "../../src/scenario/parse";
import { manifestsForApply, scenarioChanged, scenarioDocument, splitDocuments } from "./apply-text";

const SCENARIO = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: demo}
spec:
  cluster: {zones: [a, b], nodesPerZone: 1, node: {cpu: "2", memory: 4Gi, pods: 20}}`;

const POD = (name: string, image = "nginx") => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: c, image: ${image}}]`;

describe("splitDocuments", () => {
  it.each([
    { name: "one document", text: "a: 1\nb: 2\n", docs: [[1, 3]] },
    { name: "two documents", text: "a: 1\n---\nb: 2\n", docs: [[1, 1], [3, 4]] },
    { name: "a leading --- starts the first document", text: "---\na: 1\n---\nb: 2", docs: [[2, 2], [4, 4]] },
    { name: "comments before the first --- belong to it", text: "# intro\n\n---\na: 1", docs: [[4, 4]] },
    { name: "a comment-only document in the middle counts", text: "a: 1\n---\n# c\n---\nb: 2", docs: [[1, 1], [3, 3], [5, 5]] },
    { name: "--- with a comment", text: "a: 1\n--- # next\nb: 2", docs: [[1, 1], [3, 3]] },
  ])("$name", ({ text, docs }) => {
    expect(splitDocuments(text).map((d) => [d.startLine, d.endLine])).toEqual(docs);
  });
});

describe("manifestsForApply", () => {
  it.each([
    { name: "Scenario first, no ---", text: `${SCENARIO}\n---\n${POD("p")}\n` },
    { name: "Scenario in the middle", text: `${POD("p")}\n---\n${SCENARIO}\n---\n${POD("q")}\n` },
    { name: "Scenario last, with a header comment", text: `# demo\n---\n${POD("p")}\n---\n${SCENARIO}\n` },
    { name: "quoted kind", text: `${SCENARIO.replace("kind: Scenario", 'kind: "Scenario"  # ours')}\n---\n${POD("p")}\n` },
  ])("drops the Scenario document so kubectl apply accepts the rest ($name)", ({ text }) => {
    const applied = manifestsForApply(text);
    expect(applied.split("\n")).toHaveLength(text.split("\n").length);
    const res = parseManifests(applied);
    expect(res.errors).toEqual([]);
    expect(res.objects.map((o) => o.kind)).not.toContain("Scenario");
    expect(res.objects.length).toBe(parseManifests(text).objects.length);
  });

  it("keeps document indices and line numbers, so errors point into the editor's text", () => {
    const text = `${SCENARIO}\n---\n${POD("p")}\n---\n${POD("q", "[")}\n`;
    const direct = parseManifests(text).errors.filter((e) => !e.message.includes("Scenario"));
    const applied = parseManifests(manifestsForApply(text)).errors;
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.map((e) => [e.doc, e.line, e.column])).toEqual(direct.map((e) => [e.doc, e.line, e.column]));
    expect(applied[0]!.doc).toBe(2);
  });

  it("leaves a stream without a Scenario document as it is", () => {
    const text = `${POD("p")}\n---\n${POD("q")}\n`;
    expect(manifestsForApply(text)).toBe(text);
  });

  it("does not take a nested kind: Scenario for the document's kind", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  kind: Scenario\n`;
    expect(manifestsForApply(text)).toBe(text);
    expect(scenarioDocument(text)).toBeUndefined();
  });
});

describe("scenarioChanged", () => {
  const base = `${SCENARIO}\n---\n${POD("p")}\n`;
  it.each([
    { name: "only a Pod changed", edited: base.replace("image: nginx", "image: httpd"), changed: false },
    { name: "a comment and blank lines added to the Scenario", edited: base.replace("spec:\n", "# the cluster\n\nspec:  # shape\n"), changed: false },
    { name: "the cluster shape changed", edited: base.replace("zones: [a, b]", "zones: [a, b, c]"), changed: true },
    { name: "the Scenario was removed", edited: POD("p"), changed: true },
  ])("$name → $changed", ({ edited, changed }) => {
    expect(scenarioChanged(base, edited)).toBe(changed);
  });

  it("a stream without a Scenario on both sides has not changed", () => {
    expect(scenarioChanged(POD("p"), POD("q"))).toBe(false);
  });
});
