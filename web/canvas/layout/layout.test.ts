import { describe, expect, it } from "vitest";
import type { Stored } from "../../../src/api/types";
import { clusterModel, ModelCache, workloadModel } from "../model/cluster-model";
import { node, objects, owned, pod, type Objects } from "../testing/builders";
import { podBoxes } from "./boxes";
import { bestShape, clusterLayout, MAX_ENDPOINT_EDGES, type Arrangement, type ClusterShape } from "./cluster-layout";
import { LayoutMemory } from "./memory";
import type { CanvasLayout } from "./types";
import { workloadLayout } from "./workload-layout";

type Rect = { x: number; y: number; w: number; h: number };
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** An item's box, or a pod's box on the canvas (pods are drawn by their containers). */
const item = (l: CanvasLayout, id: string): Rect => {
  const it = l.items.find((i) => i.id === id) ?? podBoxes(l).get(id);
  if (!it) throw new Error(`no item ${id}`);
  return it;
};

function threeZones(extra: Stored<"Pod">[] = []): Objects {
  return objects(node("zone-a-1", "a"), node("zone-a-2", "a"), node("zone-b-1", "b"), node("zone-c-1", "c"), ...extra);
}

const cluster = (o: Objects, shape: Arrangement | ClusterShape = "columns") => clusterLayout(clusterModel(o, [], 0, new ModelCache()), shape);

describe("cluster layout", () => {
  it.each<Arrangement | ClusterShape>([
    "columns", "rows", { arrangement: "columns", cols: 3, zoneCols: 2, network: "top" },
  ])("%j: each pod is drawn inside its node, each node inside its zone, pending pods in the queue", (shape) => {
    const l = cluster(threeZones([pod("p1", { node: "zone-a-2" }), pod("p2", { node: "zone-a-2" }), pod("p3", { node: "zone-c-1" }), pod("q1"), pod("q2")]), shape);
    expect(inside(item(l, "Pod/default/p1"), item(l, "Node/zone-a-2"))).toBe(true);
    expect(inside(item(l, "Pod/default/p2"), item(l, "Node/zone-a-2"))).toBe(true);
    expect(inside(item(l, "Pod/default/p3"), item(l, "Node/zone-c-1"))).toBe(true);
    expect(inside(item(l, "Node/zone-a-1"), item(l, "zone:a"))).toBe(true);
    expect(inside(item(l, "Node/zone-b-1"), item(l, "zone:b"))).toBe(true);
    expect(inside(item(l, "Pod/default/q1"), item(l, "queue"))).toBe(true);
    expect(l.items.find((i) => i.id === "queue")!.data).toMatchObject({ count: 2 });
    // Nothing of one kind overlaps another of the same kind.
    const pods = [...podBoxes(l).values()];
    for (const list of [l.items.filter((i) => i.type === "zone"), l.items.filter((i) => i.type === "machine"), pods]) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlap(list[i]!, list[j]!)).toBe(false);
    }
    // The picture's size covers every item.
    for (const it of l.items) {
      expect(it.x + it.w).toBeLessThanOrEqual(l.width + 0.001);
      expect(it.y + it.h).toBeLessThanOrEqual(l.height + 0.001);
    }
  });

  it("puts zones side by side in columns and stacks them in rows", () => {
    const o = threeZones();
    const cols = cluster(o, "columns");
    const rows = cluster(o, "rows");
    expect(item(cols, "zone:a").y).toBe(item(cols, "zone:b").y);
    expect(item(cols, "zone:b").x).toBeGreaterThan(item(cols, "zone:a").x);
    expect(item(rows, "zone:a").x).toBe(item(rows, "zone:b").x);
    expect(item(rows, "zone:b").y).toBeGreaterThan(item(rows, "zone:a").y);
  });

  it.each([
    { canvas: [2400, 600], want: "side by side" },
    { canvas: [500, 1400], want: "stacked" },
    { canvas: [800, 600], want: "in a grid" },
  ])("picks the shape that fills a $canvas.0×$canvas.1 canvas: zones $want", ({ canvas, want }) => {
    const m = clusterModel(objects(node("zone-a-1", "a"), node("zone-b-1", "b"), node("zone-c-1", "c"), pod("p", { node: "zone-a-1" })), [], 0, new ModelCache());
    const l = clusterLayout(m, bestShape(m, canvas[0]!, canvas[1]!));
    const [a, b, c] = ["zone:a", "zone:b", "zone:c"].map((id) => item(l, id));
    const rows = new Set([a!.y, b!.y, c!.y]).size;
    expect(rows).toBe(want === "side by side" ? 1 : want === "stacked" ? 3 : 2);
  });

  it("a pod moving from the queue to a node keeps its id and changes place (the canvas animates the move)", () => {
    const before = cluster(threeZones([pod("p")]));
    const after = cluster(threeZones([pod("p", { node: "zone-b-1" })]));
    const a = item(before, "Pod/default/p");
    const b = item(after, "Pod/default/p");
    expect([a.x, a.y]).not.toEqual([b.x, b.y]);
    expect(inside(b, item(after, "Node/zone-b-1"))).toBe(true);
  });

  it("draws edges from a Service to its ready endpoints, or to their nodes when there are very many", () => {
    const svc = { kind: "Service", apiVersion: "v1", metadata: { name: "web", namespace: "default" }, spec: { ports: [{ port: 80 }] } } as unknown as Stored<"Service">;
    const sliceOf = (names: string[]) => ({
      kind: "EndpointSlice", apiVersion: "discovery.k8s.io/v1", addressType: "IPv4",
      metadata: { name: "web-x", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
      endpoints: names.map((n) => ({ addresses: ["10.0.0.1"], conditions: { ready: true }, targetRef: { kind: "Pod", namespace: "default", name: n } })),
    }) as unknown as Stored<"EndpointSlice">;
    const few = cluster(threeZones([svc, sliceOf(["p1", "p2"]) as never, pod("p1", { node: "zone-a-1" }), pod("p2", { node: "zone-b-1" })] as never));
    expect(few.edges.map((e) => `${e.source}->${e.target}#${e.targetHandle}`).sort()).toEqual(["Service/default/web->Node/zone-a-1#Pod/default/p1", "Service/default/web->Node/zone-b-1#Pod/default/p2"]);
    const names = Array.from({ length: MAX_ENDPOINT_EDGES + 1 }, (_, i) => `p${i}`);
    const many = cluster(threeZones([svc, sliceOf(names) as never, ...names.map((n, i) => pod(n, { node: i % 2 ? "zone-a-1" : "zone-c-1" }))] as never));
    expect(many.edges.map((e) => [e.target, e.targetHandle]).sort()).toEqual([["Node/zone-a-1", undefined], ["Node/zone-c-1", undefined]]);
  });

  it("with a memory, a new pod on a node is appended: the pods already there stay where they were", () => {
    const memory = new LayoutMemory();
    const model = (names: string[]) => clusterModel(threeZones(names.map((n) => pod(n, { node: "zone-a-1" }))), [], 0, new ModelCache());
    const before = podBoxes(clusterLayout(model(["b", "d"]), { arrangement: "columns", cols: 2 }, memory));
    const after = podBoxes(clusterLayout(model(["a", "b", "c", "d"]), { arrangement: "columns", cols: 2 }, memory));
    expect(after.get("Pod/default/b")).toMatchObject({ x: before.get("Pod/default/b")!.x, y: before.get("Pod/default/b")!.y });
    expect(after.get("Pod/default/d")).toMatchObject({ x: before.get("Pod/default/d")!.x, y: before.get("Pod/default/d")!.y });
    // Without one, name order.
    const fresh = podBoxes(clusterLayout(model(["a", "b", "c", "d"]), { arrangement: "columns", cols: 2 }));
    expect(fresh.get("Pod/default/a")!.y).toBeLessThanOrEqual(fresh.get("Pod/default/d")!.y);
    expect(fresh.get("Pod/default/a")!.x).toBeLessThan(fresh.get("Pod/default/b")!.x);
  });

  it("with a memory, node cards grow in steps and do not shrink while the run goes on", () => {
    const memory = new LayoutMemory();
    const height = (n: number) => {
      const l = clusterLayout(clusterModel(threeZones(Array.from({ length: n }, (_, i) => pod(`p${i}`, { node: "zone-b-1" }))), [], 0, new ModelCache()), { arrangement: "columns", cols: 2 }, memory);
      return item(l, "Node/zone-b-1").h;
    };
    const h2 = height(2);
    const h3 = height(3);
    expect(h3).toBeGreaterThan(h2);
    expect(height(4)).toBe(h3);
    expect(height(1)).toBe(h3);
  });
});

describe("workload layout", () => {
  it("places each set's pods in its box, the newest ReplicaSet first, with owner edges", () => {
    const dep = { kind: "Deployment", name: "web", uid: "uid-web" };
    const o = objects(
      owned("Deployment", "web", { replicas: 3 }, {}),
      owned("ReplicaSet", "web-old", { replicas: 1 }, {}, dep, { "deployment.kubernetes.io/revision": "1" }),
      owned("ReplicaSet", "web-new", { replicas: 2 }, {}, dep, { "deployment.kubernetes.io/revision": "2" }),
      pod("n1", { owner: { kind: "ReplicaSet", name: "web-new", uid: "uid-web-new" } }),
      pod("n2", { owner: { kind: "ReplicaSet", name: "web-new", uid: "uid-web-new" } }),
      pod("o1", { owner: { kind: "ReplicaSet", name: "web-old", uid: "uid-web-old" } }),
      pod("lone"),
    );
    const l = workloadLayout(workloadModel(o, [], 0, new ModelCache()));
    const box = (id: string) => item(l, `podset:${id}`);
    expect(inside(item(l, "Pod/default/n1"), box("ReplicaSet/default/web-new"))).toBe(true);
    expect(inside(item(l, "Pod/default/o1"), box("ReplicaSet/default/web-old"))).toBe(true);
    expect(inside(item(l, "Pod/default/lone"), box("Pod/*"))).toBe(true);
    expect(item(l, "ReplicaSet/default/web-new").y).toBeLessThan(item(l, "ReplicaSet/default/web-old").y);
    expect(l.edges.map((e) => `${e.source}->${e.target}`)).toEqual(expect.arrayContaining([
      "Deployment/default/web->ReplicaSet/default/web-new",
      "ReplicaSet/default/web-new->podset:ReplicaSet/default/web-new",
      "Pod/*->podset:Pod/*",
    ]));
  });

  it("gives a pod the same id in both views, so switching views moves it", () => {
    const o = threeZones([pod("p", { node: "zone-a-1" })]);
    const c = cluster(o);
    const w = workloadLayout(workloadModel(o, [], 0, new ModelCache()));
    expect(podBoxes(c).has("Pod/default/p")).toBe(true);
    expect(podBoxes(w).has("Pod/default/p")).toBe(true);
  });
});
