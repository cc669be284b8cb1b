import { describe, expect, it } from "vitest";
import { FlowCache, sameData } from "./flow";
import type { CanvasItem } from "./layout/types";
import type { PodView } from "./model/pods";

const view = (id: string, status: string) => ({ id, status, tone: "ok" }) as PodView;
/** A node card at x holding one pod. */
const pod = (id: string, x: number, status = "Running"): CanvasItem => ({
  type: "machine", id: `Node/${id}`, x, y: 0, w: 10, h: 10,
  data: { id: `Node/${id}`, name: id, zone: "a", cpu: { used: 0, allocatable: 1 }, memory: { used: 0, allocatable: 1 }, pods: { used: 1, allocatable: 1 }, ready: true, readiness: "Ready", cordoned: false, taints: "", slots: [{ view: view(`Pod/default/${id}`, status), x: 2, y: 3 }] },
});

describe("FlowCache", () => {
  it("keeps a node object while nothing about it changed, so React Flow skips its render", () => {
    const cache = new FlowCache();
    const [a1, b1] = cache.toNodes([pod("a", 0), pod("b", 20)], { selected: null });
    const [a2, b2] = cache.toNodes([pod("a", 0), pod("b", 20, "Terminating")], { selected: null });
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect((b2!.data as unknown as { slots: Array<{ view: PodView }> }).slots[0]!.view.status).toBe("Terminating");
  });

  it("moves a node without changing its data object (the component need not re-render)", () => {
    const cache = new FlowCache();
    const [a1] = cache.toNodes([pod("a", 0)], { selected: null });
    const [a2] = cache.toNodes([pod("a", 40)], { selected: null });
    expect(a2).not.toBe(a1);
    expect(a2!.position).toEqual({ x: 40, y: 0 });
    expect(a2!.data).toBe(a1!.data);
  });

  it("marks the selected node, the container of a selected pod, and the edges that touch them", () => {
    const cache = new FlowCache();
    const [a, b] = cache.toNodes([pod("a", 0), pod("b", 20)], { selected: "Node/b" });
    expect(a!.className).toBeUndefined();
    expect(b!.className).toBe("is-selected");
    const [a2, b2] = cache.toNodes([pod("a", 0), pod("b", 20)], { selected: "Pod/default/a" });
    expect(a2!.data).toMatchObject({ selected: "Pod/default/a" });
    expect(b2!.data).not.toHaveProperty("selected");
    const edges = cache.toEdges([
      { id: "s->b", source: "s", target: "Node/b", targetHandle: "Pod/default/b", kind: "endpoint" },
      { id: "s->a", source: "s", target: "Node/a", targetHandle: "Pod/default/a", kind: "endpoint" },
    ], { selected: "Pod/default/b" });
    expect(edges.map((e) => e.className)).toEqual(["kp-edge kp-edge-endpoint is-active", "kp-edge kp-edge-endpoint"]);
    expect(edges[0]!.targetHandle).toBe("Pod/default/b");
  });

  it("declares sizes and handles (one per pod of a node card), so nothing is measured", () => {
    const [n] = new FlowCache().toNodes([pod("a", 0)], { selected: null });
    expect(n!.measured).toEqual({ width: 10, height: 10 });
    expect(n!.handles).toEqual([
      expect.objectContaining({ type: "target", x: 0 }),
      expect.objectContaining({ id: "Pod/default/a", type: "target", x: 2 }),
    ]);
  });

  it("returns the same arrays when nothing changed", () => {
    const cache = new FlowCache();
    const first = cache.toNodes([pod("a", 0)], { selected: null });
    expect(cache.toNodes([pod("a", 0)], { selected: null })).toBe(first);
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
