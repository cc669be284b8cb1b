import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explainCommand } from "../cli/commands";

const file = join(dirname(fileURLToPath(import.meta.url)), "testdata", "explain-3-zones.yaml");
const run = (pod: string, output?: string) => explainCommand([file], { pod, output, allNamespaces: false });

describe("kubeplay explain", () => {
  it("prints every node's verdict and scores as JSON (DESIGN §5)", () => {
    const out = run("web-0", "json");
    expect(out.exitCode).toBe(0);
    const j = JSON.parse(out.stdout);
    expect(Object.keys(j)).toEqual(["pod", "selected", "message", "nodes"]);
    expect(j.pod).toBe("default/web-0");
    expect(j.selected).toBe("zone-b-1");
    expect(j.message).toBeNull();
    expect(j.nodes.map((n: { name: string; feasible: boolean }) => [n.name, n.feasible])).toEqual([["zone-a-1", false], ["zone-b-1", true], ["zone-c-1", true]]);
    expect(j.nodes[0].reasons).toEqual([{ plugin: "TaintToleration", reason: "node(s) had untolerated taint(s)" }]);
    const b = j.nodes[1];
    expect(b.scores.map((s: { plugin: string }) => s.plugin)).toEqual(["TaintToleration", "NodeResourcesFit", "NodeResourcesBalancedAllocation", "ImageLocality"]);
    for (const n of j.nodes.filter((x: { feasible: boolean }) => x.feasible)) {
      expect(n.total).toBe(n.scores.reduce((t: number, s: { weighted: number }) => t + s.weighted, 0));
    }
    expect(b.total).toBeGreaterThan(j.nodes[2].total);
  });

  it("prints a per-node table and the selected node", () => {
    const out = run("web-0");
    expect(out.stdout).toContain("Pod default/web-0: scheduled to zone-b-1");
    expect(out.stdout).toMatch(/NODE\s+FEASIBLE\s+REASON \/ SCORES/);
    expect(out.stdout).toMatch(/zone-a-1\s+no\s+TaintToleration: node\(s\) had untolerated taint\(s\)/);
    expect(out.stdout).toContain("Selected: zone-b-1");
  });

  it("prints the real FailedScheduling message for a pod that fits nowhere", () => {
    const out = run("huge");
    expect(out.stdout).toContain(
      // zone-a-1 fails TaintToleration first: a node reports only its first failing filter.
      "FailedScheduling: 0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it("explains why a pod bound by its manifest had no scheduling cycle", () => {
    const out = run("busy");
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain("its manifest binds it to zone-c-1 (spec.nodeName)");
    expect(run("nope").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
