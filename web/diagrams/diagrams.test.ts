import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/api/events";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../../src/api/types";
import { mermaidText } from "./escape";
import { jobBars, jobGanttDiagram } from "./gantt";
import { lifecycleState, podLifecycleDiagram } from "./lifecycle";
import { eventsAround, eventSequenceDiagram, participantOf, relatedObjects } from "./sequence";

describe("mermaidText", () => {
  it.each([
    ["web-1", "web-1"],
    ["<img src=x onerror=alert(1)>", "#60;img src#61;x onerror#61;alert#40;1#41;#62;"],
    ["a;b:c#d", "a#59;b#58;c#35;d"],
    ["line\nbreak", "line break"],
    ['"quoted"', "#34;quoted#34;"],
  ])("%j", (text, want) => expect(mermaidText(text)).toBe(want));
  it("clips long text", () => expect(mermaidText("x".repeat(200), 10)).toBe(`${"x".repeat(9)}#8230;`));
});

describe("lifecycleState follows the STATUS column", () => {
  it.each([
    ["Pending", "Pending", "Pending"],
    ["ContainerCreating", "Pending", "ContainerCreating"],
    ["Init:0/1", "Pending", "Init"],
    ["ImagePullBackOff", "Pending", "ImagePullBackOff"],
    ["ErrImagePull", "Pending", "ImagePullBackOff"],
    ["Running", "Running", "Running"],
    ["CrashLoopBackOff", "Running", "CrashLoopBackOff"],
    ["Error", "Running", "CrashLoopBackOff"],
    ["Error", "Failed", "Failed"],
    ["Completed", "Succeeded", "Succeeded"],
    ["Terminating", "Running", "Terminating"],
    ["Unknown", "Running", "Unknown"],
    ["Evicted", "Failed", "Failed"],
  ])("%s in phase %s → %s", (status, phase, want) => expect(lifecycleState(status, phase)).toBe(want));

  it("highlights the current state in the diagram", () => {
    const d = podLifecycleDiagram({ metadata: { name: "p" }, spec: { containers: [{ name: "c" }] }, status: { phase: "Pending" } }, 0);
    expect(d.current).toBe("Pending");
    expect(d.text).toContain("class Pending current");
    expect(d.text.startsWith("stateDiagram-v2")).toBe(true);
  });
});

const ev = (over: Partial<EventRecord>): EventRecord => ({
  time: 1, type: "Normal", reason: "Scheduled", message: "ok", involvedObject: { kind: "Pod", namespace: "default", name: "web-1" }, source: "default-scheduler", count: 1, ...over,
});

function mirror(...objs: Array<Stored<Kind>>): ReadonlyMap<ObjectKey, Stored<Kind>> {
  return new Map(objs.map((o) => [objectKey(o.kind, o.metadata.namespace, o.metadata.name), o]));
}

describe("event sequence", () => {
  it.each([["default-scheduler", "S"], ["kubelet", "K"], ["replicaset-controller", "C"]])("%s talks as %s", (source, want) => {
    expect(participantOf(source)).toBe(want);
  });

  it("follows owners up and down and escapes messages", () => {
    const dep = { kind: "Deployment", metadata: { name: "web", namespace: "default", uid: "d" } } as unknown as Stored<Kind>;
    const rs = { kind: "ReplicaSet", metadata: { name: "web-x", namespace: "default", uid: "r", ownerReferences: [{ kind: "Deployment", name: "web", uid: "d", apiVersion: "apps/v1" }] } } as unknown as Stored<Kind>;
    const pod = { kind: "Pod", metadata: { name: "web-1", namespace: "default", uid: "p", ownerReferences: [{ kind: "ReplicaSet", name: "web-x", uid: "r", apiVersion: "apps/v1" }] } } as unknown as Stored<Kind>;
    const related = relatedObjects(mirror(dep, rs, pod), { kind: "Pod", namespace: "default", name: "web-1" });
    expect(related.map((r) => r.name)).toEqual(["web-1", "web-x", "web"]);
    const fromDep = relatedObjects(mirror(dep, rs, pod), { kind: "Deployment", namespace: "default", name: "web" });
    expect(fromDep.map((r) => r.name).sort()).toEqual(["web", "web-1", "web-x"]);
    const events = eventsAround([ev({}), ev({ involvedObject: { kind: "Pod", namespace: "default", name: "other" } }), ev({ type: "Warning", reason: "Failed", source: "kubelet", message: "<script>" })], related);
    expect(events).toHaveLength(2);
    const text = eventSequenceDiagram(events, { kind: "Pod", namespace: "default", name: "web-1" });
    expect(text).toContain("S->>A: t#61;1s Scheduled pod/web-1#58; ok");
    expect(text).toContain("K-xA:");
    expect(text).not.toContain("<script>");
  });
});

describe("job gantt", () => {
  const epoch = Date.parse("2026-01-01T00:00:00Z");
  const cron = { kind: "CronJob", metadata: { name: "tick", namespace: "default", uid: "c" }, spec: { schedule: "* * * * *", concurrencyPolicy: "Forbid", jobTemplate: {} } } as unknown as Stored<Kind>;
  const job = (name: string, start: string, end?: string) => ({
    kind: "Job", metadata: { name, namespace: "default", ownerReferences: [{ kind: "CronJob", name: "tick", uid: "c", apiVersion: "batch/v1" }] },
    status: { startTime: start, ...(end ? { completionTime: end } : {}) },
  }) as unknown as Stored<Kind>;
  it("draws one bar per job under its CronJob", () => {
    const bars = jobBars(mirror(cron, job("tick-1", "2026-01-01T00:01:00Z", "2026-01-01T00:01:30Z"), job("tick-2", "2026-01-01T00:02:00Z")), epoch, 150);
    expect(bars.map((b) => [b.name, b.start, b.end, b.state])).toEqual([["tick-1", 60, 90, "done"], ["tick-2", 120, 150, "active"]]);
    const text = jobGanttDiagram(bars, epoch);
    expect(text).toContain("section cronjob/tick #40;Forbid#41;");
    expect(text).toContain("tick-1 :done, j0, 2026-01-01 00:01:00, 2026-01-01 00:01:30");
  });
});
