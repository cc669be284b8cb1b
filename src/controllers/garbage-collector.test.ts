import { describe, expect, it } from "vitest";
import type { OwnerReference } from "kubernetes-types/meta/v1";
import type { Stored } from "../api/types";
import { garbageCollectorFactory } from "./garbage-collector";
import { TestEnv } from "./test-env";

const ref = (o: Stored<"ConfigMap"> | Stored<"ReplicaSet">, block = true): OwnerReference => ({
  apiVersion: o.apiVersion ?? "", kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: block,
});

const owner = (env: TestEnv, name = "owner") => env.create("ReplicaSet", {
  metadata: { name },
  spec: { replicas: 0, selector: { matchLabels: { a: name } }, template: { metadata: { labels: { a: name } }, spec: { containers: [] } } },
});

/** A pod bound to a node: its deletion is graceful, so it lingers until someone finishes it. */
const boundPod = (env: TestEnv, name: string, refs: OwnerReference[]) => env.create("Pod", {
  metadata: { name, ownerReferences: refs },
  spec: { nodeName: "node-a", containers: [{ name: "c", image: "nginx" }] },
});

function cluster(): TestEnv {
  const env = new TestEnv(5);
  env.addNode("node-a");
  return env.start(garbageCollectorFactory());
}

describe("garbage collector", () => {
  it("background: dependents of a removed owner are deleted (gracefully, for pods)", () => {
    const env = cluster();
    const rs = owner(env);
    boundPod(env, "p1", [ref(rs)]);
    env.store.delete("ReplicaSet", "default", "owner");
    env.runFor(1);
    expect(env.get("ReplicaSet", "owner")).toBeUndefined();
    expect(env.get("Pod", "p1")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("foreground: the owner waits, with its finalizer, until blocking dependents are gone", () => {
    const env = cluster();
    const rs = owner(env);
    boundPod(env, "p1", [ref(rs)]);
    env.store.delete("ReplicaSet", "default", "owner", { propagationPolicy: "Foreground" });
    env.runFor(1);
    expect(env.get("ReplicaSet", "owner")?.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(env.get("Pod", "p1")?.metadata.deletionTimestamp).toBeDefined();
    env.store.delete("Pod", "default", "p1", { gracePeriodSeconds: 0 });
    env.runFor(1);
    expect(env.get("Pod", "p1")).toBeUndefined();
    expect(env.get("ReplicaSet", "owner")).toBeUndefined();
  });

  it("foreground does not wait for dependents that do not block", () => {
    const env = cluster();
    const rs = owner(env);
    boundPod(env, "p1", [ref(rs, false)]);
    env.store.delete("ReplicaSet", "default", "owner", { propagationPolicy: "Foreground" });
    env.runFor(1);
    expect(env.get("ReplicaSet", "owner")).toBeUndefined();
    expect(env.get("Pod", "p1")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("orphan: references are removed and dependents kept", () => {
    const env = cluster();
    const rs = owner(env);
    boundPod(env, "p1", [ref(rs)]);
    env.store.delete("ReplicaSet", "default", "owner", { propagationPolicy: "Orphan" });
    env.runFor(1);
    expect(env.get("ReplicaSet", "owner")).toBeUndefined();
    expect(env.get("Pod", "p1")?.metadata.ownerReferences).toBeUndefined();
    expect(env.get("Pod", "p1")?.metadata.deletionTimestamp).toBeUndefined();
  });

  it("an object with a live owner stays; the reference to the gone owner is dropped", () => {
    const env = cluster();
    const a = owner(env, "a"), b = owner(env, "b");
    boundPod(env, "p1", [ref(a), { ...ref(b), controller: false }]);
    env.store.delete("ReplicaSet", "default", "a");
    env.runFor(1);
    const pod = env.get("Pod", "p1")!;
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    expect(pod.metadata.ownerReferences?.map((r) => r.name)).toEqual(["b"]);
  });

  it("an owner recreated with the same name but a new uid does not save the dependent", () => {
    const env = cluster();
    const rs = owner(env);
    boundPod(env, "p1", [ref(rs)]);
    env.store.delete("ReplicaSet", "default", "owner");
    owner(env);
    env.runFor(1);
    expect(env.get("Pod", "p1")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("an object created with an owner that does not exist is collected", () => {
    const env = cluster();
    env.create("ConfigMap", { metadata: { name: "cm", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "ghost", uid: "0000" }] } });
    env.runFor(1);
    expect(env.get("ConfigMap", "cm")).toBeUndefined();
  });
});
