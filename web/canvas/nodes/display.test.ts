import { describe, expect, it } from "vitest";
import { containerDots, fraction, level, shortName, usageLines } from "./display";
import type { NodeView } from "../model/nodes";

describe("canvas display helpers", () => {
  it.each([
    [{ used: 0, allocatable: 4000 }, 0, "low"],
    [{ used: 3000, allocatable: 4000 }, 0.75, "mid"],
    [{ used: 5000, allocatable: 4000 }, 1, "high"],
    [{ used: 1, allocatable: 0 }, 1, "high"],
  ] as const)("usage %j fills %s and reads %s", (u, f, l) => {
    expect(fraction(u)).toBe(f);
    expect(level(u)).toBe(l);
  });

  it("prints the node's bars in manifest units", () => {
    const n: NodeView = {
      id: "Node/a", name: "a", zone: "a", ready: true, readiness: "Ready", cordoned: false, taints: "",
      cpu: { used: 250, allocatable: 4000 }, memory: { used: 128 * 1024 * 1024, allocatable: 16 * 1024 ** 3 }, pods: { used: 2, allocatable: 110 },
    };
    expect(usageLines(n).map((l) => l.text)).toEqual(["250m / 4", "128Mi / 16Gi", "2 / 110"]);
  });

  it("decodes container dots by kind", () => {
    expect(containerDots("dw|R|rf")).toEqual([
      { kind: "init", state: "done" }, { kind: "init", state: "waiting" }, { kind: "sidecar", state: "ready" },
      { kind: "app", state: "running" }, { kind: "app", state: "failed" },
    ]);
  });

  it.each([
    ["web-1", "web-1"],
    ["web-c948d9896-24f29", "web-c948d9896-24f29"],
    ["checkout-service-6b8f9c7d54-x2b4z", "checkout-servic…-x2b4z"],
  ])("shortens %s to %s", (name, short) => {
    expect(shortName(name)).toBe(short);
  });
});
