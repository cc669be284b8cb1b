import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import type { ReplicaSet } from "kubernetes-types/apps/v1";
import { Controller } from "../runtime/controller";
import { FakeKubelet, TestEnv } from "./test-env";
import { replicaSetControllerSpec, slowStartBatch } from "./replicaset";
import { sortForDeletion } from "./pod-util";

const rs = (replicas: number, extra: Partial<ReplicaSet["spec"]> = {}): ReplicaSet => ({
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
    ...extra,
  },
});

function cluster(opts: { startAfter?: number } = {}): TestEnv {
  const env = new TestEnv(7);
  env.addNode("node-a");
  return env.start(new Controller(replicaSetControllerSpec), new FakeKubelet({ startAfter: opts.startAfter ?? 2 }));
}

const active = (env: TestEnv) => env.list("Pod").filter((p) => !p.metadata.deletionTimestamp);

describe("ReplicaSet controller", () => {
  it("creates the missing pods, named <rs>-<5 chars>, with one event each", () => {
    const env = cluster();
    env.create("ReplicaSet", rs(3));
    env.runFor(5);
    const pods = env.list("Pod");
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "web", controller: true, blockOwnerDeletion: true });
    }
    expect([...env.messages("ReplicaSet", "web")].sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(env.get("ReplicaSet", "web")?.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it("replaces a deleted pod", () => {
    const env = cluster();
    env.create("ReplicaSet", rs(2));
    env.runFor(5);
    const [victim] = env.podNames();
    env.store.delete("Pod", "default", victim!);
    env.runFor(5);
    const names = active(env).map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim);
    expect(env.messages("ReplicaSet", "web").filter((m) => m.startsWith("SuccessfulCreate"))).toHaveLength(3);
  });

  it("scales down the least valuable pods first (not ready before ready)", () => {
    const env = cluster({ startAfter: 10 });
    env.create("ReplicaSet", rs(2));
    env.runFor(12);
    env.store.mutate("ReplicaSet", "default", "web", (o) => { o.spec!.replicas = 4; });
    env.runFor(1);
    const young = active(env).filter((p) => p.status?.phase !== "Running").map((p) => p.metadata.name).sort();
    expect(young).toHaveLength(2);
    env.store.mutate("ReplicaSet", "default", "web", (o) => { o.spec!.replicas = 2; });
    env.runFor(1);
    const deleted = env.messages("ReplicaSet", "web").filter((m) => m.startsWith("SuccessfulDelete")).map((m) => m.split("Deleted pod: ")[1]).sort();
    expect(deleted).toEqual(young);
  });

  it("adopts matching orphans and releases pods whose labels stop matching", () => {
    const env = cluster();
    env.create("Pod", { metadata: { name: "stray", labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    env.create("ReplicaSet", rs(2));
    env.runFor(5);
    expect(env.get("Pod", "stray")?.metadata.ownerReferences?.[0]?.name).toBe("web");
    expect(active(env)).toHaveLength(2);
    env.store.mutate("Pod", "default", "stray", (p) => { p.metadata.labels = { app: "debug" }; });
    env.runFor(5);
    expect(env.get("Pod", "stray")?.metadata.ownerReferences).toBeUndefined();
    expect(active(env).filter((p) => p.metadata.labels?.app === "web")).toHaveLength(2);
  });

  it("counts available pods only after minReadySeconds", () => {
    const env = cluster({ startAfter: 1 });
    env.create("ReplicaSet", rs(1, { minReadySeconds: 10 }));
    env.runFor(5);
    expect(env.get("ReplicaSet", "web")?.status?.availableReplicas ?? 0).toBe(0);
    env.runUntil(13);
    expect(env.get("ReplicaSet", "web")?.status?.availableReplicas).toBe(1);
  });
});

describe("slowStartBatch", () => {
  const cases: Array<{ name: string; count: number; failAt?: number; calls: number; successes: number }> = [
    { name: "all succeed", count: 10, calls: 10, successes: 10 },
    { name: "first call fails: stop after batch 1", count: 10, failAt: 1, calls: 1, successes: 0 },
    { name: "third call fails: batch 2 completes, then stop", count: 10, failAt: 3, calls: 3, successes: 2 },
    { name: "fifth call fails: batch of 4 completes", count: 10, failAt: 5, calls: 7, successes: 6 },
  ];
  it.each(cases)("$name", ({ count, failAt, calls, successes }) => {
    let n = 0;
    const res = slowStartBatch(count, 1, () => (++n === failAt ? "boom" : undefined));
    expect(n).toBe(calls);
    expect(res.successes).toBe(successes);
    expect(res.error).toBe(failAt ? "boom" : undefined);
  });
});

describe("pod deletion order (ActivePodsWithRanks)", () => {
  const T0 = Date.UTC(2026, 0, 1);
  const ts = (s: number) => new Date(T0 + s * 1000).toISOString().replace(".000Z", "Z");
  const pod = (name: string, o: { node?: string; phase?: string; readySince?: number; created?: number; restarts?: number; cost?: string; uid?: string }): Pod => ({
    metadata: {
      name, uid: o.uid ?? name, creationTimestamp: ts(o.created ?? 0),
      ...(o.cost ? { annotations: { "controller.kubernetes.io/pod-deletion-cost": o.cost } } : {}),
    },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? "Running",
      conditions: o.readySince !== undefined ? [{ type: "Ready", status: "True", lastTransitionTime: ts(o.readySince) }] : [],
      containerStatuses: [{ name: "c", image: "", imageID: "", ready: true, restartCount: o.restarts ?? 0 }],
    },
  });
  const now = T0 + 10_000_000;
  const cases: Array<{ name: string; pods: Pod[]; ranks?: number[]; first: string }> = [
    { name: "unscheduled before scheduled", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { phase: "Pending" })], first: "b" },
    { name: "Pending before Running", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { node: "n1", phase: "Pending" })], first: "b" },
    { name: "not ready before ready", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { node: "n1" })], first: "b" },
    { name: "lower deletion cost first", pods: [pod("a", { node: "n1", readySince: 0, cost: "10" }), pod("b", { node: "n1", readySince: 0, cost: "-5" })], first: "b" },
    { name: "more colocated pods first", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { node: "n2", readySince: 0 })], ranks: [1, 3], first: "b" },
    { name: "ready more recently first (different log2 bucket)", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { node: "n1", readySince: 9_990 })], first: "b" },
    { name: "more restarts first", pods: [pod("a", { node: "n1", readySince: 0 }), pod("b", { node: "n1", readySince: 0, restarts: 4 })], first: "b" },
    { name: "same bucket: uid decides", pods: [pod("a", { node: "n1", readySince: 1, uid: "z" }), pod("b", { node: "n1", readySince: 2, uid: "a" })], first: "b" },
  ];
  it.each(cases)("$name", ({ pods, ranks, first }) => {
    expect(sortForDeletion(pods, ranks ?? pods.map(() => 0), now)[0]?.metadata?.name).toBe(first);
    expect(sortForDeletion([...pods].reverse(), [...(ranks ?? pods.map(() => 0))].reverse(), now)[0]?.metadata?.name).toBe(first);
  });
});
