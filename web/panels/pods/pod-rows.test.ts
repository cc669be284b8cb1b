import { describe, expect, it } from "vitest";
import type { Stored } from "../../../src/api/types";
import { podRows, statusTone } from "./pod-rows";

const EPOCH = Date.UTC(2026, 0, 1);

function pod(name: string, extra: { nodeName?: string; namespace?: string; status?: object } = {}): Stored<"Pod"> {
  return {
    kind: "Pod", apiVersion: "v1",
    metadata: { name, namespace: extra.namespace ?? "default", uid: name, creationTimestamp: "2026-01-01T00:00:00Z" },
    spec: { containers: [{ name: "nginx", image: "nginx" }], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
    ...(extra.status ? { status: extra.status } : {}),
  } as Stored<"Pod">;
}

describe("podRows", () => {
  it("prints NAME READY STATUS RESTARTS AGE NODE as kubectl does", () => {
    const running = pod("web-1", {
      nodeName: "zone-a-1",
      status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "nginx", ready: true, restartCount: 0, image: "nginx", imageID: "", state: { running: {} } }] },
    });
    const [row] = podRows([running], EPOCH + 135_000);
    expect(row).toMatchObject({ name: "web-1", ready: "1/1", status: "Running", tone: "ok", restarts: "0", age: "2m15s", node: "zone-a-1" });
  });

  it("shows <none> for an unscheduled pod and sorts by namespace, then name", () => {
    const rows = podRows([pod("b"), pod("a", { namespace: "x" }), pod("a")], EPOCH);
    expect(rows.map((r) => `${r.namespace}/${r.name}`)).toEqual(["default/a", "default/b", "x/a"]);
    expect(rows[0]!.node).toBe("<none>");
  });
});

describe("statusTone", () => {
  it.each([
    ["Running", "ok"], ["Completed", "done"], ["Pending", "progress"], ["ContainerCreating", "progress"],
    ["Init:0/2", "progress"], ["Terminating", "progress"], ["CrashLoopBackOff", "error"], ["Init:Error", "error"],
    ["ExitCode:3", "error"], ["ImagePullBackOff", "error"], ["NotReady", "warning"], ["Unknown", "warning"],
  ])("%s is %s", (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});
