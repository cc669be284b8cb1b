import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "./main";

const file = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

describe("kubeplay run", () => {
  it("prints the JSON of DESIGN §5", () => {
    const out = main(["run", file("two-pods.yaml"), "--until", "60s", "-o", "json"]);
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(["time", "objects", "events"]);
    expect(json.time).toBe(60);
    expect(json.objects.filter((o: { kind: string }) => o.kind === "Pod").map((o: { status: { phase: string } }) => o.status.phase)).toEqual(["Running", "Running"]);
    const started = json.events.find((e: { reason: string }) => e.reason === "Started");
    expect(Object.keys(started)).toEqual(["time", "type", "reason", "message", "involvedObject"]);
    expect(started.involvedObject).toEqual({ kind: "Pod", namespace: "default", name: "web-1" });
  });

  it("prints tables and the event log by default", () => {
    const out = main(["run", file("two-pods.yaml"), "--until", "1m"]);
    expect(out.stdout).toContain("Virtual time: 60s");
    expect(out.stdout).toMatch(/pod\/web-1\s+1\/1\s+Running\s+0\s+60s/);
    expect(out.stdout).toMatch(/TIME\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
  });

  it.each([
    [["run"], "no scenario file given"],
    [["run", file("nope.yaml")], 'the path "'],
    [["run", file("two-pods.yaml"), "--until", "soon"], "--until must be a duration"],
    [["run", file("two-pods.yaml"), "--seed", "x"], "--seed must be a whole number"],
    [["frobnicate"], 'unknown command "frobnicate"'],
  ])("fails with a clear message: %j", (argv, message) => {
    const out = main(argv);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain(message);
  });

  it("exits non-zero with file:line:column errors for a broken scenario", () => {
    const out = main(["run", file("broken.yaml")]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/broken\.yaml:15:\d+: error in document 2: .*containerPort/);
  });
});

describe("kubeplay get", () => {
  it("prints kubectl's pod columns at a virtual time", () => {
    const out = main(["get", "pods", file("two-pods.yaml"), "--at", "90s"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(out.stdout).toMatch(/web-1\s+1\/1\s+Running\s+0\s+90s/);
  });

  it("prints wide columns, and several kinds with kind prefixes", () => {
    expect(main(["get", "po", file("two-pods.yaml"), "-o", "wide"]).stdout.split("\n")[0]).toMatch(/IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    const multi = main(["get", "nodes,pods", file("two-pods.yaml"), "--at", "10s"]).stdout;
    expect(multi).toContain("node/zone-a-1");
    expect(multi).toContain("pod/web-1");
  });

  it("prints -o yaml as a List", () => {
    const out = main(["get", "pods", file("two-pods.yaml"), "-o", "yaml"]);
    expect(out.stdout).toMatch(/^apiVersion: v1\nitems:/);
    expect(out.stdout).toContain("kind: List");
  });

  it("rejects an unknown resource type as kubectl does", () => {
    const out = main(["get", "widgets", file("two-pods.yaml")]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('the server doesn\'t have a resource type "widgets"');
  });
});
