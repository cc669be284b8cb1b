import { describe, expect, it } from "vitest";
import { applyDiff, diffObject } from "./diff";

const pod = {
  metadata: { name: "web-1", labels: { app: "web" }, resourceVersion: "7" },
  status: {
    phase: "Pending",
    conditions: [
      { type: "PodScheduled", status: "True" },
      { type: "Ready", status: "False" },
    ],
  },
};

describe("diffObject / applyDiff", () => {
  it.each([
    { name: "equal objects", a: pod, b: structuredClone(pod), ops: 0 },
    { name: "a changed leaf", a: pod, b: { ...pod, status: { ...pod.status, phase: "Running" } }, ops: 1 },
    { name: "an array element field", a: pod, b: { ...pod, status: { ...pod.status, conditions: [pod.status.conditions[0], { type: "Ready", status: "True" }] } }, ops: 1 },
    { name: "an array that grew", a: pod, b: { ...pod, status: { ...pod.status, conditions: [...pod.status.conditions, { type: "X", status: "True" }] } }, ops: 1 },
    { name: "an array that shrank", a: pod, b: { ...pod, status: { ...pod.status, conditions: [pod.status.conditions[1]] } }, ops: 1 },
    { name: "a removed key", a: pod, b: { ...pod, metadata: { name: "web-1", resourceVersion: "7" } }, ops: 1 },
    { name: "an added key", a: pod, b: { ...pod, spec: { nodeName: "zone-a-1" } }, ops: 1 },
    { name: "null to object", a: { x: null }, b: { x: { y: 1 } }, ops: 1 },
    { name: "object to array", a: { x: { y: 1 } }, b: { x: [1] }, ops: 1 },
    { name: "a different root type", a: [1, 2], b: { a: 1 }, ops: 1 },
    { name: "empty to full", a: {}, b: pod, ops: 2 },
  ])("round-trips $name with $ops ops", ({ a, b, ops }) => {
    const d = diffObject(a, b);
    expect(d).toHaveLength(ops);
    expect(applyDiff(a, d)).toEqual(b);
    // JSON-safe: the ops survive the worker boundary.
    expect(applyDiff(a, JSON.parse(JSON.stringify(d)))).toEqual(b);
  });

  it("treats a key set to undefined as absent", () => {
    expect(diffObject({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(applyDiff({ a: 1 }, diffObject({ a: 1 }, { a: 1, b: undefined }))).toEqual({ a: 1 });
  });

  it("never mutates its input and shares unchanged subtrees", () => {
    const base = Object.freeze(structuredClone(pod));
    const next = applyDiff(base, [[["status", "phase"], "Running"]]);
    expect(base.status.phase).toBe("Pending");
    expect(next.status.phase).toBe("Running");
    expect(next.metadata).toBe(base.metadata);
    expect(next.status.conditions).toBe(base.status.conditions);
  });

  it.each([
    { name: "an append", a: [1, 2, 3], b: [1, 2, 3, 4] },
    { name: "an insertion in the middle", a: [1, 2, 3], b: [1, 2, 9, 3] },
    { name: "a removal at the front", a: [{ ip: "a" }, { ip: "b" }, { ip: "c" }], b: [{ ip: "b" }, { ip: "c" }] },
    { name: "everything different", a: [1, 2], b: [3, 4, 5] },
    { name: "to empty", a: [1, 2], b: [] },
    { name: "repeated values", a: [1, 1, 1], b: [1, 1, 1, 1] },
  ])("splices an array that changed length: $name", ({ a, b }) => {
    const d = diffObject({ list: a }, { list: b });
    expect(d).toHaveLength(1);
    expect(d[0]).toHaveLength(4);
    expect(applyDiff({ list: a }, JSON.parse(JSON.stringify(d)))).toEqual({ list: b });
  });

  it("round-trips random edits of arrays, with few ops for few edits", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: rand(30) }, () => ({ v: rand(6) }));
      const b = a.slice();
      const edits = rand(5);
      for (let e = 0; e < edits; e++) {
        if (rand(2) === 0 && b.length > 0) b.splice(rand(b.length), 1);
        else b.splice(rand(b.length + 1), 0, { v: rand(6) });
      }
      const d = diffObject({ list: a }, { list: b });
      expect(applyDiff({ list: a }, JSON.parse(JSON.stringify(d)))).toEqual({ list: b });
      if (a.length !== b.length) expect(d.length).toBeLessThanOrEqual(edits);
    }
  });

  it("moves scattered addresses between two long lists in few bytes", () => {
    const addr = (i: number) => ({ ip: `10.0.0.${i}`, targetRef: { kind: "Pod", name: `web-${i}` } });
    const ready = new Set([3, 40, 77, 150]);
    const before = { addresses: [] as object[], notReadyAddresses: Array.from({ length: 200 }, (_, i) => addr(i)) };
    const after = { addresses: [...ready].map(addr), notReadyAddresses: Array.from({ length: 200 }, (_, i) => i).filter((i) => !ready.has(i)).map(addr) };
    const d = diffObject(before, after);
    expect(JSON.stringify(d).length).toBeLessThan(600);
    expect(applyDiff(before, d)).toEqual(after);
  });

  it("matches list elements by identity: a condition flipped, an endpoint gone and one added", () => {
    const ep = (uid: string, ready: boolean) => ({ addresses: [`10.0.0.${uid}`], conditions: { ready }, targetRef: { kind: "Pod", name: `web-${uid}`, uid } });
    const before = { endpoints: Array.from({ length: 100 }, (_, i) => ep(String(i), false)) };
    const after = { endpoints: [...before.endpoints.slice(1).map((e, i) => (i % 10 === 0 ? { ...e, conditions: { ready: true } } : e)), ep("100", false)] };
    const d = diffObject(before, after);
    // Ten flipped conditions, one endpoint gone, one added: not the hundred endpoints.
    expect(JSON.stringify(d).length).toBeLessThan(800);
    expect(applyDiff(before, JSON.parse(JSON.stringify(d)))).toEqual(after);
    const conditions = { conditions: [{ type: "Ready", status: "False" }, { type: "PodScheduled", status: "True" }] };
    expect(diffObject(conditions, { conditions: [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "True" }, { type: "Initialized", status: "True" }] }).length).toBeLessThanOrEqual(4);
  });

  it("moves one address between two long lists in few bytes", () => {
    const addrs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ ip: `10.0.0.${from + i}`, targetRef: { kind: "Pod", name: `web-${from + i}` } }));
    const before = { subsets: [{ addresses: addrs(0, 100), notReadyAddresses: addrs(100, 200) }] };
    const after = { subsets: [{ addresses: addrs(0, 101), notReadyAddresses: addrs(101, 200) }] };
    const d = diffObject(before, after);
    expect(JSON.stringify(d).length).toBeLessThan(300);
    expect(applyDiff(before, d)).toEqual(after);
  });

  it("deletes an array element by index", () => {
    expect(applyDiff({ a: [1, 2, 3] }, [[["a", 1]]])).toEqual({ a: [1, 3] });
  });

  it("describes a small change in few bytes", () => {
    const big = { ...pod, spec: { containers: Array.from({ length: 5 }, (_, i) => ({ name: `c${i}`, image: "nginx:1.27", ports: [{ containerPort: 80 }] })) } };
    const changed = { ...big, metadata: { ...big.metadata, resourceVersion: "8" } };
    expect(JSON.stringify(diffObject(big, changed)).length).toBeLessThan(40);
  });
});
