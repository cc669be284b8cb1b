import { describe, expect, it } from "vitest";
import { FlowCache, sameData } from "./flow";
import type { CanvasItem } from "./layout/types";
import type { PodView } from "./model/pods";

const pod = (id: string, x: number, status = "Running"): CanvasItem => ({ type: "pod", id, x, y: 0, w: 10, h: 10, data: { id, status, tone: "ok" } as PodView });

describe("FlowCache", () => {
  it("keeps a node object while nothing about it changed, so React Flow skips its render", () => {
    const cache = new FlowCache();
    const [a1, b1] = cache.toNodes([pod("a", 0), pod("b", 20)], { selected: null });
    const [a2, b2] = cache.toNodes([pod("a", 0), pod("b", 20, "Terminating")], { selected: null });
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2!.data).toMatchObject({ status: "Terminating" });
  });

  it("moves a node without changing its data object (the component need not re-render)", () => {
    const cache = new FlowCache();
    const [a1] = cache.toNodes([pod("a", 0)], { selected: null });
    const [a2] = cache.toNodes([pod("a", 40)], { selected: null });
    expect(a2).not.toBe(a1);
    expect(a2!.position).toEqual({ x: 40, y: 0 });
    expect(a2!.data).toBe(a1!.data);
  });

  it("marks the selected node and the edges that touch it; declares sizes and handles", () => {
    const cache = new FlowCache();
    const [a, b] = cache.toNodes([pod("a", 0), pod("b", 20)], { selected: "b" });
    expect(a!.className).toBeUndefined();
    expect(b!.className).toBe("is-selected");
    expect(b!.measured).toEqual({ width: 10, height: 10 });
    expect(b!.handles).toEqual([expect.objectContaining({ type: "target" })]);
    const edges = cache.toEdges([{ id: "s->b", source: "s", target: "b", kind: "endpoint" }, { id: "s->a", source: "s", target: "a", kind: "endpoint" }], { selected: "b" });
    expect(edges.map((e) => e.className)).toEqual(["kp-edge kp-edge-endpoint is-active", "kp-edge kp-edge-endpoint"]);
  });

  it.each([
    [{ a: 1, b: ["x"] }, { a: 1, b: ["x"] }, true],
    [{ a: 1, b: ["x"] }, { a: 1, b: ["y"] }, false],
    [{ a: { c: 1 } }, { a: { c: 1 } }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
  ])("sameData(%j, %j) is %s", (a, b, same) => {
    expect(sameData(a, b)).toBe(same);
  });
});
