import { describe, expect, it } from "vitest";
import { ObjectStore, type WatchEvent } from "./store";
import type { Millis } from "../clock/time";

function newStore() {
  let now = 0;
  let uid = 0;
  let suffix = 0;
  const store = new ObjectStore({
    now: () => now as Millis,
    timestamp: (t) => `t${t}`,
    uid: () => `uid-${++uid}`,
    nameSuffix: () => `x${++suffix}xxx`.slice(0, 5),
  });
  store.create("Namespace", { metadata: { name: "default" } });
  return { store, tick: (ms: number) => { now += ms; } };
}

describe("ObjectStore", () => {
  it("assigns identity, version, generation and creation time on create", () => {
    const { store } = newStore();
    const res = store.create("Deployment", { metadata: { name: "web" }, spec: { selector: {}, template: {} } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.object.metadata).toMatchObject({ name: "web", namespace: "default", uid: "uid-2", generation: 1, creationTimestamp: "t0" });
    expect(res.object.apiVersion).toBe("apps/v1");
    expect(Object.isFrozen(res.object.spec)).toBe(true);
  });

  it.each([
    ["an existing name", { metadata: { name: "a" } }, "AlreadyExists", 'configmaps "a" already exists'],
    ["no name", { metadata: {} }, "Invalid", "ConfigMap: metadata.name or metadata.generateName is required"],
    ["a missing namespace", { metadata: { name: "b", namespace: "nope" } }, "NotFound", 'namespaces "nope" not found'],
  ])("refuses %s as the API server does", (_case, obj, reason, message) => {
    const { store } = newStore();
    store.create("ConfigMap", { metadata: { name: "a" } });
    const res = store.create("ConfigMap", obj);
    expect(res).toMatchObject({ ok: false, reason, message });
  });

  it("generates names from generateName with a 5-character suffix", () => {
    const { store } = newStore();
    const res = store.create("Pod", { metadata: { generateName: "web-" }, spec: { containers: [] } });
    expect(res.ok && res.object.metadata.name).toBe("web-x1xxx");
  });

  it("bumps generation only when the spec changes, and keeps status on update", () => {
    const { store } = newStore();
    store.create("Deployment", { metadata: { name: "web", labels: { a: "1" } }, spec: { replicas: 1, selector: {}, template: {} } });
    store.mutate("Deployment", "default", "web", (d) => { d.status = { replicas: 1 }; });
    const same = store.update("Deployment", { metadata: { name: "web", labels: { a: "2" } }, spec: { replicas: 1, selector: {}, template: {} } });
    expect(same.ok && same.object.metadata.generation).toBe(1);
    expect(same.ok && same.object.status).toEqual({ replicas: 1 });
    const changed = store.update("Deployment", { metadata: { name: "web" }, spec: { replicas: 3, selector: {}, template: {} } });
    expect(changed.ok && changed.object.metadata.generation).toBe(2);
  });

  it("rejects a stale resourceVersion with the API server's Conflict message", () => {
    const { store } = newStore();
    const first = store.create("ConfigMap", { metadata: { name: "c" } });
    store.mutate("ConfigMap", "default", "c", (c) => { c.data = { k: "v" }; });
    const stale = store.update("ConfigMap", { metadata: { name: "c", resourceVersion: first.ok ? first.object.metadata.resourceVersion : "" } });
    expect(stale).toMatchObject({ ok: false, reason: "Conflict" });
  });

  it("deletes a pod bound to a node gracefully and an unbound one at once", () => {
    const { store } = newStore();
    store.create("Pod", { metadata: { name: "bound" }, spec: { nodeName: "n1", containers: [] } });
    store.create("Pod", { metadata: { name: "pending" }, spec: { containers: [] } });
    const b = store.delete("Pod", "default", "bound");
    expect(b.ok && b.object.metadata.deletionTimestamp).toBe("t0");
    expect(b.ok && b.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(store.get("Pod", "default", "bound")).toBeDefined();
    store.delete("Pod", "default", "pending");
    expect(store.get("Pod", "default", "pending")).toBeUndefined();
    store.delete("Pod", "default", "bound", { gracePeriodSeconds: 0 });
    expect(store.get("Pod", "default", "bound")).toBeUndefined();
  });

  it("keeps an object with finalizers until the last finalizer is removed", () => {
    const { store } = newStore();
    store.create("ConfigMap", { metadata: { name: "f", finalizers: ["x"] } });
    store.delete("ConfigMap", "default", "f");
    expect(store.get("ConfigMap", "default", "f")?.metadata.deletionTimestamp).toBeDefined();
    store.mutate("ConfigMap", "default", "f", (c) => { c.metadata.finalizers = []; });
    expect(store.get("ConfigMap", "default", "f")).toBeUndefined();
  });

  it("notifies kind and wildcard watchers of every change, with the old object", () => {
    const { store } = newStore();
    const seen: string[] = [];
    store.watch("ConfigMap", (ev: WatchEvent<"ConfigMap">) => seen.push(`${ev.type} ${ev.object.metadata.name} old=${ev.old?.data?.k ?? "-"}`));
    store.watch("*", (ev) => seen.push(`* ${ev.type} ${ev.kind}`));
    store.create("ConfigMap", { metadata: { name: "w" }, data: { k: "1" } });
    store.mutate("ConfigMap", "default", "w", (c) => { c.data = { k: "2" }; });
    store.delete("ConfigMap", "default", "w");
    expect(seen).toEqual([
      "ADDED w old=-", "* ADDED ConfigMap", "MODIFIED w old=1", "* MODIFIED ConfigMap", "DELETED w old=2", "* DELETED ConfigMap",
    ]);
  });

  it("lists in namespace/name order whatever the creation order", () => {
    const { store } = newStore();
    store.create("Namespace", { metadata: { name: "b" } });
    for (const [ns, n] of [["default", "z"], ["b", "a"], ["default", "a"]] as const) store.create("ConfigMap", { metadata: { name: n, namespace: ns } });
    expect(store.list("ConfigMap").map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(["b/a", "default/a", "default/z"]);
    expect(store.list("ConfigMap", "b")).toHaveLength(1);
  });

  it("keeps the key order, and each list's objects current, through creates, updates and deletes", () => {
    const { store } = newStore();
    for (const ns of ["a", "c"]) store.create("Namespace", { metadata: { name: ns } });
    const names = ["m", "b", "x", "a", "q", "c"];
    const key = (ns: string, n: string) => `${ns}/${n}`;
    const expected = new Map<string, string>();
    const check = () => {
      const want = [...expected.keys()].sort();
      expect(store.list("ConfigMap").map((c) => key(c.metadata.namespace!, c.metadata.name))).toEqual(want);
      expect(store.list("ConfigMap").map((c) => c.data?.v)).toEqual(want.map((k) => expected.get(k)));
      for (const ns of ["a", "c", "default", "zz"]) {
        expect(store.list("ConfigMap", ns).map((c) => key(ns, c.metadata.name))).toEqual(want.filter((k) => k.startsWith(`${ns}/`)));
      }
    };
    check();
    for (const [i, n] of names.entries()) {
      const ns = ["a", "c", "default"][i % 3]!;
      store.create("ConfigMap", { metadata: { name: n, namespace: ns }, data: { v: "1" } });
      expected.set(key(ns, n), "1");
      check();
    }
    store.mutate("ConfigMap", "c", "b", (c) => { c.data = { v: "2" }; });
    expected.set(key("c", "b"), "2");
    check();
    for (const [ns, n] of [["c", "q"], ["a", "m"], ["default", "x"]] as const) {
      expect(store.delete("ConfigMap", ns, n).ok).toBe(true);
      expected.delete(key(ns, n));
      check();
    }
    // A list handed out is a copy: sorting it does not reorder the store.
    store.list("ConfigMap").reverse();
    check();
  });

  it("skips the write when a mutation changes nothing", () => {
    const { store } = newStore();
    store.create("ConfigMap", { metadata: { name: "n" } });
    const v = store.version;
    store.mutate("ConfigMap", "default", "n", () => {});
    expect(store.version).toBe(v);
  });
});
