import { describe, expect, it } from "vitest";
import type { ExplainAttempt } from "../../../src/scheduler/explain";
import { attemptView, camelParts, cssString, formatScore, rejectedNodes, rejectedNodesCss } from "./why";

const attempt: ExplainAttempt = {
  pod: "default/web",
  selected: "b",
  message: null,
  nodes: [
    { name: "c", feasible: false, reasons: [{ plugin: "NodeResourcesFit", reason: "Insufficient cpu" }], scores: [], total: null },
    { name: "a", feasible: true, reasons: [], scores: [{ plugin: "ImageLocality", raw: 0, normalized: 0, weighted: 0 }, { plugin: "NodeResourcesFit", raw: 50, normalized: 50, weighted: 50 }], total: 50 },
    { name: "b", feasible: true, reasons: [], scores: [{ plugin: "NodeResourcesFit", raw: 80, normalized: 80, weighted: 80 }], total: 80 },
  ],
};

describe("attemptView", () => {
  it("puts the winner first, then feasible nodes by total, then rejected ones", () => {
    const v = attemptView(attempt);
    expect(v.rows.map((r) => r.name)).toEqual(["b", "a", "c"]);
    expect(v.rows[0]!.winner).toBe(true);
    expect(v.plugins).toEqual(["ImageLocality", "NodeResourcesFit"]);
    expect([v.feasible, v.rejected]).toEqual([2, 1]);
  });
});

describe("rejected nodes on the canvas", () => {
  it("names each rejected node with its reasons", () => {
    expect([...rejectedNodes(attempt)]).toEqual([["c", "NodeResourcesFit: Insufficient cpu"]]);
  });
  it.each([
    ['a"b', '"a\\"b"'],
    ["x\\y", '"x\\\\y"'],
    ["<img src=x onerror=alert(1)>", '"\\3C img src=x onerror=alert(1)\\3E "'],
    ["line\nnext", '"line\\A next"'],
  ])("escapes %j in CSS", (text, want) => {
    expect(cssString(text)).toBe(want);
  });
  it("cannot close the rule early", () => {
    const css = rejectedNodesCss(new Map([['n"]{}*{display:none', "} body{display:none"]]));
    expect(css).toContain('[data-node="n\\"]{}*{display:none"]');
    expect(css.split("\n")).toHaveLength(2);
  });
});

describe("formatScore", () => {
  it.each([[3, "3"], [33.333, "33.33"], [0, "0"]])("%d", (n, want) => expect(formatScore(n)).toBe(want));
});

describe("camelParts", () => {
  it.each([["NodeResourcesFit", ["Node", "Resources", "Fit"]], ["TaintToleration", ["Taint", "Toleration"]], ["PodTopologySpread", ["Pod", "Topology", "Spread"]]])("%s", (n, want) => expect(camelParts(n)).toEqual(want));
});
