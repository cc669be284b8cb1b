import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../../src/api/events";
import { objectKey, type Kind, type ObjectKey, type Stored } from "../../../src/api/types";
import { findObject, getCommand, objectEvents, objectYaml, wideLine } from "./details";

const EPOCH = Date.UTC(2026, 0, 1);

const pod = {
  kind: "Pod", apiVersion: "v1",
  metadata: { name: "web-1", namespace: "default", uid: "u1", creationTimestamp: "2026-01-01T00:00:00Z", managedFields: [{ manager: "x" }] },
  spec: { nodeName: "zone-a-1", containers: [{ name: "nginx", image: "nginx:1.27" }] },
  status: { phase: "Running", podIP: "10.244.0.5", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "nginx", ready: true, restartCount: 0, image: "nginx:1.27", imageID: "", state: { running: {} } }] },
} as unknown as Stored<"Pod">;

const objects = new Map<ObjectKey, Stored<Kind>>([[objectKey("Pod", "default", "web-1"), pod]]);

function ev(name: string, reason: string, time: number, namespace = "default"): EventRecord {
  return { time, type: "Normal", reason, message: `${reason} ${name}`, source: "kubelet", count: 1, involvedObject: { kind: "Pod", namespace, name } };
}

describe("details panel", () => {
  it("finds the selected object, and nothing once it is gone", () => {
    expect(findObject(objects, { kind: "Pod", namespace: "default", name: "web-1" })).toBe(pod);
    expect(findObject(objects, { kind: "Pod", namespace: "other", name: "web-1" })).toBeUndefined();
  });

  it("lists only the object's own events", () => {
    const rows = objectEvents([ev("web-1", "Pulled", 1), ev("web-2", "Pulled", 1), ev("web-1", "Started", 2), ev("web-1", "Killing", 3, "other")], { kind: "Pod", namespace: "default", name: "web-1" }, EPOCH, EPOCH + 5000);
    expect(rows.map((r) => r.reason)).toEqual(["Pulled", "Started"]);
  });

  it.each([
    [{ kind: "Pod" as const, namespace: "default", name: "web-1" }, "wide", "kubectl get pod web-1 -o wide"],
    [{ kind: "Deployment" as const, namespace: "shop", name: "web" }, "yaml", "kubectl get deployment web -n shop -o yaml"],
    [{ kind: "Node" as const, name: "zone-a-1" }, "wide", "kubectl get node zone-a-1 -o wide"],
  ] as const)("names the kubectl command for %j -o %s", (ref, out, cmd) => {
    expect(getCommand(ref, out)).toBe(cmd);
  });

  it("prints kubectl's wide line and YAML (managedFields hidden)", () => {
    const line = wideLine(pod, EPOCH + 65_000);
    expect(line.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
    expect(line).toMatch(/web-1\s+1\/1\s+Running\s+0\s+65s\s+10\.244\.0\.5\s+zone-a-1/);
    const yaml = objectYaml(pod);
    expect(yaml).toContain("kind: Pod\n");
    expect(yaml).not.toContain("managedFields");
  });
});
