import { describe, expect, it } from "vitest";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../api/types";
import { applyChanges, type ObjectMap } from "../protocol/apply-changes";
import { ChangeTracker } from "../sim/changes";
import { Simulation } from "../sim/simulation";
import { Outbox, utf8Length } from "./outbox";

function deployment(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27", resources: {requests: {cpu: 10m, memory: 16Mi}}}]
`;
}

const withoutEvents = (objects: readonly Stored<Kind>[]) => objects.filter((o) => o.kind !== "Event");

function toMap(objects: readonly Stored<Kind>[]): ObjectMap {
  return new Map(objects.map((o) => [objectKey(o.kind, o.metadata.namespace, o.metadata.name), o] as [ObjectKey, Stored<Kind>]));
}

/** Runs a scenario frame by frame through an Outbox and a receiving map, as the worker and the UI do. */
function stream(yaml: string, budget: number, frames: number) {
  const { sim } = Simulation.load(yaml);
  const tracker = new ChangeTracker(sim.store, () => sim.events);
  const outbox = new Outbox();
  const start = withoutEvents(sim.store.all());
  outbox.reset(start, 0);
  let ui: ObjectMap = toMap(start);
  const sizes: Array<{ bytes: number; pieces: number }> = [];
  const puts = { put: 0, diff: 0, clone: 0 };
  for (let f = 1; f <= frames || outbox.pending; f++) {
    if (!outbox.pending) {
      sim.runUntil(f);
      outbox.add(tracker.take(), []);
    }
    const patch = outbox.take(budget);
    sizes.push({ bytes: utf8Length(JSON.stringify(patch)), pieces: patch.changes.length + patch.events.length });
    for (const c of patch.changes) {
      if (c.op === "put") puts.put++;
      else if (c.op === "diff") puts[c.base === undefined ? "diff" : "clone"]++;
    }
    const next = applyChanges(ui, patch.changes);
    if (next === "missing") throw new Error(`frame ${f}: a diff names an object the receiver lacks`);
    ui = next;
  }
  return { sim, ui, sizes, puts };
}

describe("Outbox", () => {
  it("rebuilds exactly the store's objects on the receiving side", () => {
    const { sim, ui } = stream(deployment(30), 4096, 40);
    expect([...ui.values()].filter((o) => o.kind === "Pod")).toHaveLength(30);
    expect(toMap(withoutEvents(sim.store.all()))).toEqual(ui);
  });

  it.each([2048, 10 * 1024])("keeps every patch within a %i byte budget unless one piece is larger", (budget) => {
    const { sizes } = stream(deployment(60), budget, 30);
    // The patch's own fields add a few bytes; only a patch of one piece may be larger.
    const over = sizes.filter((s) => s.bytes > budget + 80);
    expect(over.every((s) => s.pieces === 1)).toBe(true);
    expect(sizes.filter((s) => s.pieces > 0).length).toBeGreaterThan(5);
  });

  it("sends new sibling Pods as diffs against the previous one, changed objects as diffs", () => {
    const { puts } = stream(deployment(20), 1e9, 30);
    expect(puts.clone).toBeGreaterThanOrEqual(19);
    expect(puts.diff).toBeGreaterThan(20);
    expect(puts.put).toBeLessThan(5);
  });

  it("sends a removal and forgets the object, and a snapshot reset drops the backlog", () => {
    const outbox = new Outbox();
    const pod = { kind: "Pod", apiVersion: "v1", metadata: { name: "a", namespace: "default" } } as Stored<Kind>;
    outbox.reset([pod], 0);
    outbox.add({ upserts: [], removed: [{ kind: "Pod", namespace: "default", name: "a" }, { kind: "Pod", namespace: "default", name: "never-sent" }], events: [] }, [{ time: 1, label: "x" }]);
    expect(outbox.pending).toBe(true);
    const p = outbox.take();
    expect(p.changes).toEqual([{ op: "remove", kind: "Pod", namespace: "default", name: "a" }]);
    expect(p.eventCount).toBe(0);
    expect(p.steps).toEqual([{ time: 1, label: "x" }]);
    expect(outbox.pending).toBe(false);
    outbox.add({ upserts: [pod], removed: [], events: [] }, []);
    outbox.reset([], 0);
    expect(outbox.pending).toBe(false);
  });

  it("sends a change larger than a patch in parts that each fit, and that rebuild the object", () => {
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.0.${i}`, targetRef: { kind: "Pod", name: `web-${i}`, uid: `u${i}` } }));
    const ep = (n: number, notReady: number) => ({ kind: "Endpoints", apiVersion: "v1", metadata: { name: "web", namespace: "default" }, subsets: [{ addresses: addresses(n), notReadyAddresses: addresses(notReady), ports: [{ port: 80 }] }] }) as unknown as Stored<Kind>;
    const outbox = new Outbox(2048);
    outbox.reset([], 0);
    let ui: ObjectMap = new Map();
    const patches: number[] = [];
    for (const next of [ep(0, 200), ep(150, 50)]) {
      outbox.add({ upserts: [next], removed: [], events: [] }, []);
      while (outbox.pending) {
        const p = outbox.take(2048);
        patches.push(utf8Length(JSON.stringify(p)));
        const applied = applyChanges(ui, p.changes);
        if (applied === "missing") throw new Error("missing");
        ui = applied;
      }
      expect([...ui.values()]).toEqual([next]);
    }
    expect(patches.length).toBeGreaterThan(4);
    expect(Math.max(...patches)).toBeLessThanOrEqual(2048 + 80);
  });

  it.each([
    ["ascii", 5],
    ["é", 2],
    ["…", 3],
    ["😀", 4],
  ])("counts UTF-8 bytes of %s as %i", (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});
