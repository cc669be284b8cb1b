import { describe, expect, it } from "vitest";
import type { Kind, Stored } from "../../src/api/types";
import type { WirePatch, WireSnapshot } from "../../src/protocol/messages";
import { MIRROR_EVENT_LIMIT, applyPatch, emptyMirror, mirrorFromSnapshot, objectsOfKind } from "./cluster";

function pod(name: string, phase?: string, namespace = "default"): Stored<Kind> {
  return { kind: "Pod", apiVersion: "v1", metadata: { name, namespace, uid: `uid-${name}` }, ...(phase ? { status: { phase } } : {}) } as Stored<Kind>;
}

function event(time: number, reason: string) {
  return { time, type: "Normal" as const, reason, message: reason, involvedObject: { kind: "Pod", namespace: "default", name: "a" }, source: "kubelet", count: 1 };
}

const snap: WireSnapshot = { cause: "load", time: 0, epochMs: 1000, objects: [pod("a"), pod("b")], events: [event(0, "Scheduled")], eventCount: 1, horizon: 0 };

function patch(p: Partial<WirePatch>): WirePatch {
  return { time: 1, changes: [], events: [], eventCount: 1, steps: [], horizon: 1, ...p };
}

describe("cluster mirror", () => {
  it("a snapshot replaces everything and counts loads", () => {
    const m = mirrorFromSnapshot(4, snap);
    expect(m.seq).toBe(4);
    expect(objectsOfKind(m.objects, "Pod").map((p) => p.metadata.name)).toEqual(["a", "b"]);
    expect(m.events).toHaveLength(1);
    expect(m.loads).toBe(1);
    const seek = mirrorFromSnapshot(5, { ...snap, cause: "seek" }, m);
    expect(seek.loads).toBe(1);
    expect(seek.snapshots).toBe(2);
  });

  it.each([
    { name: "the next seq applies", seq: 5, applies: true },
    { name: "a repeated seq is a gap", seq: 4, applies: false },
    { name: "a skipped seq is a gap", seq: 7, applies: false },
  ])("$name", ({ seq, applies }) => {
    const res = applyPatch(mirrorFromSnapshot(4, snap), seq, patch({}));
    expect(res === "gap").toBe(!applies);
  });

  it("a patch before any snapshot is a gap", () => {
    expect(applyPatch(emptyMirror, 0, patch({}))).toBe("gap");
  });

  it("a diff against an object the mirror lacks is a gap", () => {
    expect(applyPatch(mirrorFromSnapshot(0, snap), 1, patch({ changes: [{ op: "diff", kind: "Pod", namespace: "default", name: "zz", ops: [] }] }))).toBe("gap");
  });

  it("puts, diffs, clones and removes in order, appends events, moves time and remembers the last step", () => {
    const m = applyPatch(mirrorFromSnapshot(0, snap), 1, patch({
      time: 2.5,
      changes: [
        { op: "diff", kind: "Pod", namespace: "default", name: "a", ops: [[["status"], { phase: "Running" }]] },
        { op: "put", object: pod("c") },
        { op: "diff", kind: "Pod", namespace: "default", name: "d", base: "c", ops: [[["metadata", "name"], "d"]] },
        { op: "remove", kind: "Pod", namespace: "default", name: "b" },
      ],
      events: [event(2, "Started")],
      eventCount: 2,
      steps: [{ time: 2, label: "one" }, { time: 2.5, label: "two" }],
      nextEventTime: 9,
      horizon: 2.5,
    }));
    if (m === "gap") throw new Error("gap");
    const pods = objectsOfKind(m.objects, "Pod");
    expect(pods.map((p) => p.metadata.name)).toEqual(["a", "c", "d"]);
    expect((pods[0]!.status as { phase: string }).phase).toBe("Running");
    expect(m.events.map((e) => e.reason)).toEqual(["Scheduled", "Started"]);
    expect(m.markers.length).toBe(2);
    expect(m.time).toBe(2.5);
    expect(m.horizon).toBe(2.5);
    expect(m.nextEventTime).toBe(9);
    expect(m.lastStep).toEqual({ time: 2.5, label: "two" });
  });

  it("keeps the object map when nothing changed, so views do not recompute", () => {
    const m0 = mirrorFromSnapshot(0, snap);
    const m1 = applyPatch(m0, 1, patch({}));
    if (m1 === "gap") throw new Error("gap");
    expect(m1.objects).toBe(m0.objects);
    expect(m1.events).toBe(m0.events);
  });

  it("bounds the event log", () => {
    const many = Array.from({ length: MIRROR_EVENT_LIMIT + 10 }, (_, i) => event(i, `r${i}`));
    const m = applyPatch(mirrorFromSnapshot(0, snap), 1, patch({ events: many, eventCount: many.length + 1 }));
    if (m === "gap") throw new Error("gap");
    expect(m.events).toHaveLength(MIRROR_EVENT_LIMIT);
    expect(m.events.at(-1)!.reason).toBe(`r${MIRROR_EVENT_LIMIT + 9}`);
  });
});
