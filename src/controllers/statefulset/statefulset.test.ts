import { describe, expect, it } from "vitest";
import type { StatefulSet } from "kubernetes-types/apps/v1";
import { Controller } from "../../runtime/controller";
import { FakeKubelet, TestEnv } from "../test-env";
import { statefulSetControllerSpec } from "./statefulset";

function web(spec: Partial<NonNullable<StatefulSet["spec"]>> = {}): StatefulSet {
  return {
    metadata: { name: "web" },
    spec: {
      serviceName: "nginx",
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
      volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      ...spec,
    },
  };
}

function env(startAfter = 2): TestEnv {
  const e = new TestEnv();
  e.addNode("node-1");
  e.start(new Controller(statefulSetControllerSpec()), new FakeKubelet({ startAfter }));
  return e;
}

const podEvents = (e: TestEnv) => e.events("StatefulSet", "web").map((x) => `${x.time} ${x.message}`);

describe("StatefulSet controller", () => {
  it("OrderedReady creates web-0, web-1, web-2 in order, each after the previous is Running and Ready", () => {
    const e = env(2);
    e.create("StatefulSet", web());
    e.runUntil(10);
    expect(podEvents(e)).toEqual([
      "0 create Claim www-web-0 Pod web-0 in StatefulSet web success",
      "0 create Pod web-0 in StatefulSet web successful",
      "2 create Claim www-web-1 Pod web-1 in StatefulSet web success",
      "2 create Pod web-1 in StatefulSet web successful",
      "4 create Claim www-web-2 Pod web-2 in StatefulSet web success",
      "4 create Pod web-2 in StatefulSet web successful",
    ]);
    expect(e.get("StatefulSet", "web")!.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
  });

  it("gives each pod its identity, labels and claim", () => {
    const e = env(1);
    e.create("StatefulSet", web({ replicas: 1 }));
    e.runUntil(1);
    const pod = e.get("Pod", "web-0")!;
    const st = e.get("StatefulSet", "web")!.status!;
    expect(pod.spec!.hostname).toBe("web-0");
    expect(pod.spec!.subdomain).toBe("nginx");
    expect(pod.metadata.labels).toEqual({
      app: "nginx", "statefulset.kubernetes.io/pod-name": "web-0", "apps.kubernetes.io/pod-index": "0", "controller-revision-hash": st.updateRevision,
    });
    expect(st.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(pod.spec!.volumes).toEqual([{ name: "www", persistentVolumeClaim: { claimName: "www-web-0" } }]);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: "StatefulSet", name: "web", controller: true, blockOwnerDeletion: true });
    const pvc = e.get("PersistentVolumeClaim", "www-web-0")!;
    expect(pvc.metadata.labels).toEqual({ app: "nginx" });
    expect(pvc.spec!.resources!.requests!.storage).toBe("1Gi");
  });

  it("scaling to 0 deletes web-2, then web-1, then web-0, each once the previous is gone; claims stay", () => {
    const e = env(2);
    e.create("StatefulSet", web());
    e.runUntil(10);
    e.store.mutate("StatefulSet", "default", "web", (s) => { s.spec!.replicas = 0; });
    e.runUntil(20);
    expect(e.events("StatefulSet", "web").filter((x) => x.reason === "SuccessfulDelete").map((x) => x.message)).toEqual([
      "delete Pod web-2 in StatefulSet web successful",
      "delete Pod web-1 in StatefulSet web successful",
      "delete Pod web-0 in StatefulSet web successful",
    ]);
    expect(e.list("Pod")).toHaveLength(0);
    expect(e.list("PersistentVolumeClaim").map((c) => c.metadata.name)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
    expect(e.get("StatefulSet", "web")!.status!.replicas).toBe(0);
  });

  it("OrderedReady waits on a terminating pod before deleting the next", () => {
    const e = new TestEnv();
    e.addNode("node-1");
    e.start(new Controller(statefulSetControllerSpec()));
    e.create("StatefulSet", web({ replicas: 2, volumeClaimTemplates: [] }));
    e.runUntil(0);
    e.setPodPhase("web-0", "Running");
    e.runUntil(1);
    e.store.mutate("Pod", "default", "web-1", (p) => { p.spec!.nodeName = "node-1"; });
    e.setPodPhase("web-1", "Running");
    e.runUntil(2);
    e.store.mutate("StatefulSet", "default", "web", (s) => { s.spec!.replicas = 0; });
    e.runUntil(3);
    // web-1 is bound, so its deletion is graceful: it stays Terminating and web-0 waits.
    expect(e.get("Pod", "web-1")!.metadata.deletionTimestamp).toBeDefined();
    expect(e.get("Pod", "web-0")!.metadata.deletionTimestamp).toBeUndefined();
  });

  it("Parallel creates every pod at once", () => {
    const e = env(2);
    e.create("StatefulSet", web({ podManagementPolicy: "Parallel" }));
    e.runUntil(0);
    expect(e.podNames()).toEqual(["web-0", "web-1", "web-2"]);
  });

  it("does not create web-1 while web-0 is not ready", () => {
    const e = new TestEnv();
    e.addNode("node-1");
    e.start(new Controller(statefulSetControllerSpec()));
    e.create("StatefulSet", web());
    e.runUntil(5);
    expect(e.podNames()).toEqual(["web-0"]);
    e.setPodPhase("web-0", "Running", { ready: false });
    e.runUntil(6);
    expect(e.podNames()).toEqual(["web-0"]);
    e.setPodReady("web-0", true);
    e.runUntil(7);
    expect(e.podNames()).toEqual(["web-0", "web-1"]);
  });

  it("RollingUpdate replaces pods from the highest ordinal down, one at a time", () => {
    const e = env(2);
    e.create("StatefulSet", web());
    e.runUntil(10);
    const oldRev = e.get("StatefulSet", "web")!.status!.updateRevision;
    e.store.mutate("StatefulSet", "default", "web", (s) => { s.spec!.template.spec!.containers[0]!.image = "nginx:1.28"; });
    e.runUntil(30);
    const deletes = e.events("StatefulSet", "web").filter((x) => x.reason === "SuccessfulDelete").map((x) => `${x.time} ${x.message}`);
    expect(deletes).toEqual([
      "10 delete Pod web-2 in StatefulSet web successful",
      "12 delete Pod web-1 in StatefulSet web successful",
      "14 delete Pod web-0 in StatefulSet web successful",
    ]);
    const st = e.get("StatefulSet", "web")!.status!;
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(st.updateRevision).not.toBe(oldRev);
    expect(e.list("Pod").map((p) => p.spec!.containers[0]!.image)).toEqual(["nginx:1.28", "nginx:1.28", "nginx:1.28"]);
  });

  it("RollingUpdate with partition 2 updates only web-2", () => {
    const e = env(2);
    e.create("StatefulSet", web({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } } }));
    e.runUntil(10);
    e.store.mutate("StatefulSet", "default", "web", (s) => { s.spec!.template.spec!.containers[0]!.image = "nginx:1.28"; });
    e.runUntil(30);
    expect(e.list("Pod").map((p) => `${p.metadata.name} ${p.spec!.containers[0]!.image}`)).toEqual(["web-0 nginx:1.27", "web-1 nginx:1.27", "web-2 nginx:1.28"]);
    expect(e.get("StatefulSet", "web")!.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    // A deleted pod below the partition comes back at the current revision.
    e.store.delete("Pod", "default", "web-0");
    e.runUntil(40);
    expect(e.get("Pod", "web-0")!.spec!.containers[0]!.image).toBe("nginx:1.27");
  });

  it("OnDelete leaves pods alone until they are deleted", () => {
    const e = env(2);
    e.create("StatefulSet", web({ updateStrategy: { type: "OnDelete" } }));
    e.runUntil(10);
    e.store.mutate("StatefulSet", "default", "web", (s) => { s.spec!.template.spec!.containers[0]!.image = "nginx:1.28"; });
    e.runUntil(20);
    expect(e.list("Pod").every((p) => p.spec!.containers[0]!.image === "nginx:1.27")).toBe(true);
    e.store.delete("Pod", "default", "web-1");
    e.runUntil(30);
    expect(e.get("Pod", "web-1")!.spec!.containers[0]!.image).toBe("nginx:1.28");
  });

  it("a deleted pod comes back with the same name and claim", () => {
    const e = env(2);
    e.create("StatefulSet", web());
    e.runUntil(10);
    const uid = e.get("Pod", "web-1")!.metadata.uid;
    e.store.delete("Pod", "default", "web-1");
    e.runUntil(20);
    const again = e.get("Pod", "web-1")!;
    expect(again.metadata.uid).not.toBe(uid);
    expect(again.spec!.volumes![0]!.persistentVolumeClaim!.claimName).toBe("www-web-1");
    expect(e.list("PersistentVolumeClaim")).toHaveLength(3);
  });

  it("a failed pod is deleted and recreated", () => {
    const e = env(1);
    e.create("StatefulSet", web({ replicas: 1 }));
    e.runUntil(2);
    const uid = e.get("Pod", "web-0")!.metadata.uid;
    e.setPodPhase("web-0", "Failed");
    e.runUntil(5);
    expect(e.get("Pod", "web-0")!.metadata.uid).not.toBe(uid);
    expect(e.messages("StatefulSet", "web").filter((m) => m.startsWith("SuccessfulDelete"))).toEqual(["SuccessfulDelete: delete Pod web-0 in StatefulSet web successful"]);
  });

  it("ordinals.start shifts the names", () => {
    const e = env(1);
    e.create("StatefulSet", web({ replicas: 2, ordinals: { start: 5 } }));
    e.runUntil(5);
    expect(e.podNames()).toEqual(["web-5", "web-6"]);
  });
});
