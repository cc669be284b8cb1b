import { describe, expect, it } from "vitest";
import type { DaemonSet } from "kubernetes-types/apps/v1";
import { Controller } from "../../runtime/controller";
import { FakeKubelet, TestEnv } from "../test-env";
import { daemonSetControllerSpec } from "./daemonset";
import { targetNodeName } from "./predicates";

function agent(spec: Partial<NonNullable<DaemonSet["spec"]>> = {}): DaemonSet {
  return {
    metadata: { name: "agent", namespace: "kube-system" },
    spec: {
      selector: { matchLabels: { app: "agent" } },
      template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "agent", image: "fluentd:v1" }] } },
      ...spec,
    },
  };
}

function env(nodes = ["node-a", "node-b", "node-c"]): TestEnv {
  const e = new TestEnv();
  for (const n of nodes) e.addNode(n);
  e.start(new Controller(daemonSetControllerSpec()), new FakeKubelet({ startAfter: 2 }));
  return e;
}

const nodesWithPods = (e: TestEnv) => e.list("Pod", "kube-system").filter((p) => !p.metadata.deletionTimestamp).map((p) => targetNodeName(p)).sort();

describe("DaemonSet controller", () => {
  it("creates one pod per node, pinned by node affinity, with the automatic tolerations and labels", () => {
    const e = env();
    e.create("DaemonSet", agent());
    e.runUntil(5);
    const pods = e.list("Pod", "kube-system");
    expect(nodesWithPods(e)).toEqual(["node-a", "node-b", "node-c"]);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels!["pod-template-generation"]).toBe("1");
      expect(p.metadata.labels!["controller-revision-hash"]).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
      expect(p.spec!.tolerations).toHaveLength(6);
    }
    expect(e.messages("DaemonSet", "agent").sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(e.get("DaemonSet", "agent", "kube-system")!.status).toEqual({
      observedGeneration: 1, currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3,
    });
  });

  it("follows a node being added and removed", () => {
    const e = env(["node-a", "node-b"]);
    e.create("DaemonSet", agent());
    e.runUntil(5);
    e.addNode("node-c");
    e.runUntil(10);
    expect(nodesWithPods(e)).toEqual(["node-a", "node-b", "node-c"]);
    const created = e.events("DaemonSet", "agent").filter((x) => x.reason === "SuccessfulCreate").map((x) => x.time);
    expect(created).toEqual([0, 0, 5]);
    e.store.delete("Node", undefined, "node-c");
    e.runUntil(11);
    expect(e.get("DaemonSet", "agent", "kube-system")!.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2 });
  });

  it("skips nodes the selector or an untolerated taint excludes, and leaves them when that changes", () => {
    const e = env(["node-a", "node-b"]);
    e.store.mutate("Node", undefined, "node-a", (n) => { n.metadata.labels = { ...n.metadata.labels, disk: "ssd" }; });
    e.create("DaemonSet", agent({ template: { metadata: { labels: { app: "agent" } }, spec: { nodeSelector: { disk: "ssd" }, containers: [{ name: "agent", image: "fluentd:v1" }] } } }));
    e.runUntil(5);
    expect(nodesWithPods(e)).toEqual(["node-a"]);
    e.store.mutate("Node", undefined, "node-a", (n) => { delete n.metadata.labels!.disk; });
    e.runUntil(6);
    expect(nodesWithPods(e)).toEqual([]);
    expect(e.get("DaemonSet", "agent", "kube-system")!.status).toMatchObject({ desiredNumberScheduled: 0 });
  });

  it("a NoExecute taint removes the pod; a NoSchedule one does not", () => {
    const e = env(["node-a", "node-b"]);
    e.create("DaemonSet", agent());
    e.runUntil(5);
    e.store.mutate("Node", undefined, "node-a", (n) => { n.spec = { ...n.spec, taints: [{ key: "maintenance", effect: "NoSchedule" }] }; });
    e.store.mutate("Node", undefined, "node-b", (n) => { n.spec = { ...n.spec, taints: [{ key: "maintenance", effect: "NoExecute" }] }; });
    e.runUntil(6);
    expect(nodesWithPods(e)).toEqual(["node-a"]);
    expect(e.get("DaemonSet", "agent", "kube-system")!.status).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 1 });
  });

  it("rolls out a new template one node at a time (maxUnavailable 1)", () => {
    const e = env();
    e.create("DaemonSet", agent());
    e.runUntil(5);
    e.store.mutate("DaemonSet", "kube-system", "agent", (d) => { d.spec!.template.spec!.containers[0]!.image = "fluentd:v2"; });
    e.runUntil(30);
    const deletes = e.events("DaemonSet", "agent").filter((x) => x.reason === "SuccessfulDelete").map((x) => x.time);
    expect(deletes).toEqual([5, 7, 9]);
    expect(e.list("Pod", "kube-system").map((p) => p.spec!.containers[0]!.image)).toEqual(["fluentd:v2", "fluentd:v2", "fluentd:v2"]);
    expect(e.list("Pod", "kube-system").every((p) => p.metadata.labels!["pod-template-generation"] === "2")).toBe(true);
  });

  it("maxUnavailable 2 replaces two nodes at once", () => {
    const e = env();
    e.create("DaemonSet", agent({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 2 } } }));
    e.runUntil(5);
    e.store.mutate("DaemonSet", "kube-system", "agent", (d) => { d.spec!.template.spec!.containers[0]!.image = "fluentd:v2"; });
    e.runUntil(30);
    expect(e.events("DaemonSet", "agent").filter((x) => x.reason === "SuccessfulDelete").map((x) => x.time)).toEqual([5, 5, 7]);
  });

  it("OnDelete does not replace running pods", () => {
    const e = env();
    e.create("DaemonSet", agent({ updateStrategy: { type: "OnDelete" } }));
    e.runUntil(5);
    e.store.mutate("DaemonSet", "kube-system", "agent", (d) => { d.spec!.template.spec!.containers[0]!.image = "fluentd:v2"; });
    e.runUntil(30);
    expect(e.list("Pod", "kube-system").every((p) => p.spec!.containers[0]!.image === "fluentd:v1")).toBe(true);
    expect(e.get("DaemonSet", "agent", "kube-system")!.status!.updatedNumberScheduled).toBeUndefined();
  });

  it("deletes a failed daemon pod with FailedDaemonPod and replaces it", () => {
    const e = env(["node-a"]);
    e.create("DaemonSet", agent());
    e.runUntil(5);
    const pod = e.list("Pod", "kube-system")[0]!;
    e.setPodPhase(pod.metadata.name, "Failed", { namespace: "kube-system" });
    e.runUntil(6);
    expect(e.messages("DaemonSet", "agent")).toContain(`FailedDaemonPod: Found failed daemon pod kube-system/${pod.metadata.name} on node node-a, will try to kill it`);
    expect(e.list("Pod", "kube-system").map((p) => p.metadata.name)).not.toContain(pod.metadata.name);
    expect(e.list("Pod", "kube-system")).toHaveLength(1);
  });
});
