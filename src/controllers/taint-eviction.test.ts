import { describe, expect, it } from "vitest";
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import { TestEnv } from "./test-env";
import { matchingTolerations, minTolerationMs, taintEvictionControllerFactory } from "./taint-eviction";

const taint: Taint = { key: "node.kubernetes.io/unreachable", effect: "NoExecute" };
const t = (seconds?: number, key = "node.kubernetes.io/unreachable"): Toleration =>
  ({ key, operator: "Exists", effect: "NoExecute", ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}) });

describe("toleration arithmetic", () => {
  it.each<[string, Taint[], Toleration[], boolean, number]>([
    ["no taints", [], [], true, 0],
    ["untolerated", [taint], [t(300, "other")], false, 0],
    ["300 s", [taint], [t(300)], true, 300_000],
    ["forever", [taint], [t()], true, -1],
    ["zero means at once", [taint], [t(0)], true, 0],
    ["the shortest of the tolerations used", [taint, { key: "b", effect: "NoExecute" }], [t(300), t(60, "b")], true, 60_000],
  ])("%s", (_name, taints, tolerations, all, ms) => {
    const m = matchingTolerations(taints, tolerations);
    expect(m.all).toBe(all);
    if (all) expect(minTolerationMs(m.used)).toBe(ms);
  });
});

describe("taint eviction controller", () => {
  function setup() {
    const env = new TestEnv().start(taintEvictionControllerFactory());
    env.addNode("n1");
    env.create("Pod", { metadata: { name: "plain" }, spec: { nodeName: "n1", containers: [{ name: "c" }] } });
    env.create("Pod", { metadata: { name: "patient" }, spec: { nodeName: "n1", tolerations: [t(60, "maint")], containers: [{ name: "c" }] } });
    env.create("Pod", { metadata: { name: "loyal" }, spec: { nodeName: "n1", tolerations: [t(undefined, "maint")], containers: [{ name: "c" }] } });
    env.runFor(1);
    const setTaints = (taints: Taint[]) => env.store.mutate("Node", undefined, "n1", (n) => { n.spec = { ...n.spec, taints }; });
    return { env, setTaints };
  }

  it("evicts at once, after tolerationSeconds, or never", () => {
    const { env, setTaints } = setup();
    const deleting = (name: string) => !!env.get("Pod", name)?.metadata.deletionTimestamp;
    setTaints([{ key: "maint", effect: "NoExecute" }]);
    env.runFor(1);
    expect(deleting("plain")).toBe(true);
    expect(env.get("Pod", "plain")?.status?.conditions).toContainEqual(expect.objectContaining({
      type: "DisruptionTarget", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint",
    }));
    expect(deleting("patient")).toBe(false);
    env.runFor(59);
    expect(deleting("patient")).toBe(true);
    expect(deleting("loyal")).toBe(false);
    expect(env.messages("Pod")).toEqual(["TaintManagerEviction: Marking for deletion Pod default/plain", "TaintManagerEviction: Marking for deletion Pod default/patient"]);
  });

  it("cancels a pending eviction when the taint goes", () => {
    const { env, setTaints } = setup();
    setTaints([{ key: "maint", effect: "NoExecute" }]);
    env.runFor(30);
    setTaints([]);
    env.runFor(60);
    expect(env.get("Pod", "patient")?.metadata.deletionTimestamp).toBeUndefined();
    expect(env.messages("Pod", "patient")).toEqual(["TaintManagerEviction: Cancelling deletion of Pod default/patient"]);
  });
});
