import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";

const OBJECTS = `
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config}
data: {mode: prod}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-extra, labels: {app: web}}
data: {}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: db-config}
data: {}
`;

const sim = () => Simulation.load(OBJECTS, { components: [] }).sim;
const NAME = (n: string) => `Name:         ${n}\nNamespace:    default\n`;

describe("kubectl describe (command)", () => {
  it("describes one named object", () => {
    const r = sim().kubectl("describe configmap web-config");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${NAME("web-config")}Labels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nprod\n\n\nBinaryData\n====\n\nEvents:  <none>\n`);
  });

  it("with TYPE and a name that does not exist, describes every object whose name starts with it", () => {
    const r = sim().kubectl("describe cm web");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/^Name:.*$/gm)).toEqual(["Name:         web-config", "Name:         web-extra"]);
    // DescribeMatchingResources prints each description followed by a newline.
    expect(r.stdout).toContain("Events:  <none>\n\nName:         web-extra");
  });

  it("separates several objects by two blank lines, in list order", () => {
    const r = sim().kubectl("describe cm");
    expect(r.stdout.match(/^Name:.*$/gm)).toEqual(["Name:         db-config", "Name:         web-config", "Name:         web-extra"]);
    expect(r.stdout).toContain("Events:  <none>\n\n\nName:");
  });

  const cases: Array<{ line: string; err: string; code: number; out?: RegExp }> = [
    { line: "describe cm nope", err: `Error from server (NotFound): configmaps "nope" not found\n`, code: 1 },
    { line: "describe cm/nope cm/web-config", err: `Error from server (NotFound): configmaps "nope" not found\n`, code: 1, out: /^Name: {9}web-config/ },
    { line: "describe secrets", err: "No resources found in default namespace.\n", code: 0 },
    { line: "describe frobs", err: `error: the server doesn't have a resource type "frobs"\n`, code: 1 },
    { line: "describe", err: `error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`, code: 1 },
    { line: "describe cm -l app=web --show-events=false", err: "", code: 0, out: /^Name: {9}web-extra(?![\s\S]*Events)/ },
  ];
  it.each(cases)("$line", ({ line, err, code, out }) => {
    const r = sim().kubectl(line);
    expect([r.stderr, r.exitCode]).toEqual([err, code]);
    if (out) expect(r.stdout).toMatch(out);
  });
});
