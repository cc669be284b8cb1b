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

  it("deletes an array element by index", () => {
    expect(applyDiff({ a: [1, 2, 3] }, [[["a", 1]]])).toEqual({ a: [1, 3] });
  });

  it("describes a small change in few bytes", () => {
    const big = { ...pod, spec: { containers: Array.from({ length: 5 }, (_, i) => ({ name: `c${i}`, image: "nginx:1.27", ports: [{ containerPort: 80 }] })) } };
    const changed = { ...big, metadata: { ...big.metadata, resourceVersion: "8" } };
    expect(JSON.stringify(diffObject(big, changed)).length).toBeLessThan(40);
  });
});
