import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, verdict } from "../test-fixtures";
import { NodeName } from "./node-name";

// Cases from upstream nodename/node_name_test.go TestNodeName.
describe("NodeName filter", () => {
  it.each([
    { name: "no host specified", nodeName: undefined, node: "foo", want: "fits" },
    { name: "host matches", nodeName: "foo", node: "foo", want: "fits" },
    { name: "host doesn't match", nodeName: "bar", node: "foo", want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name" },
  ])("$name", ({ nodeName, node: n, want }) => {
    const p = info(pod("p", { spec: nodeName ? { nodeName } : {} }));
    expect(verdict(runFilter(new NodeName(), cluster([node(n)]), p).byNode[n])).toBe(want);
  });
});
