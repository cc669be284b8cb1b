import { describe, expect, it } from "vitest";
import type { PersistentVolumeClaim } from "kubernetes-types/core/v1";
import { pvBinderFactory } from "./pv-binder";
import { TestEnv } from "./test-env";

function claim(name: string, spec: Partial<NonNullable<PersistentVolumeClaim["spec"]>> = {}): PersistentVolumeClaim {
  return { metadata: { name }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec } };
}

describe("PV binder", () => {
  it("provisions and binds a claim through the default StorageClass", () => {
    const e = new TestEnv().start(pvBinderFactory());
    expect(e.store.get("StorageClass", undefined, "standard")!.metadata.annotations).toEqual({ "storageclass.kubernetes.io/is-default-class": "true" });
    const c = e.create("PersistentVolumeClaim", claim("www-web-0"));
    e.runUntil(0);
    const pvc = e.get("PersistentVolumeClaim", "www-web-0")!;
    const pvName = `pvc-${c.metadata.uid}`;
    expect(pvc.spec!.storageClassName).toBe("standard");
    expect(pvc.spec!.volumeName).toBe(pvName);
    expect(pvc.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } });
    const pv = e.store.get("PersistentVolume", undefined, pvName)!;
    expect(pv.status!.phase).toBe("Bound");
    expect(pv.spec!.claimRef).toMatchObject({ namespace: "default", name: "www-web-0", uid: c.metadata.uid });
    expect(e.messages("PersistentVolumeClaim", "www-web-0")).toEqual([
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'kubeplay.dev/hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning: External provisioner is provisioning volume for claim "default/www-web-0"',
      `ProvisioningSucceeded: Successfully provisioned volume ${pvName}`,
    ]);
  });

  it("binds to the smallest fitting Available volume before provisioning", () => {
    const e = new TestEnv().start(pvBinderFactory());
    for (const [name, size] of [["big", "10Gi"], ["small", "2Gi"], ["tiny", "512Mi"]] as const) {
      e.create("PersistentVolume", { metadata: { name }, spec: { capacity: { storage: size }, accessModes: ["ReadWriteOnce"], storageClassName: "manual", hostPath: { path: `/data/${name}` } } });
    }
    e.runUntil(0);
    expect(e.store.get("PersistentVolume", undefined, "small")!.status!.phase).toBe("Available");
    e.create("PersistentVolumeClaim", claim("data", { storageClassName: "manual" }));
    e.runUntil(1);
    expect(e.get("PersistentVolumeClaim", "data")!.spec!.volumeName).toBe("small");
    expect(e.store.get("PersistentVolume", undefined, "small")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
  });

  it("a claim with no class and no volume stays Pending", () => {
    const e = new TestEnv().start(pvBinderFactory());
    e.create("PersistentVolumeClaim", claim("orphan", { storageClassName: "" }));
    e.runUntil(0);
    expect(e.get("PersistentVolumeClaim", "orphan")!.status!.phase).toBe("Pending");
    expect(e.messages("PersistentVolumeClaim", "orphan")).toEqual(["FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
  });

  it("WaitForFirstConsumer waits for the selected node", () => {
    const e = new TestEnv().start(pvBinderFactory());
    e.create("StorageClass", { metadata: { name: "local" }, provisioner: "kubeplay.dev/hostpath", volumeBindingMode: "WaitForFirstConsumer" });
    e.create("PersistentVolumeClaim", claim("late", { storageClassName: "local" }));
    e.runUntil(0);
    expect(e.get("PersistentVolumeClaim", "late")!.status!.phase).toBe("Pending");
    e.store.mutate("PersistentVolumeClaim", "default", "late", (c) => { c.metadata.annotations = { "volume.kubernetes.io/selected-node": "node-1" }; });
    e.runUntil(1);
    expect(e.get("PersistentVolumeClaim", "late")!.status!.phase).toBe("Bound");
  });

  it("deleting a claim deletes a Delete-policy volume and releases a Retain one", () => {
    const e = new TestEnv().start(pvBinderFactory());
    const c = e.create("PersistentVolumeClaim", claim("gone"));
    e.create("PersistentVolume", { metadata: { name: "kept" }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], storageClassName: "manual", persistentVolumeReclaimPolicy: "Retain" } });
    e.create("PersistentVolumeClaim", claim("keep", { storageClassName: "manual" }));
    e.runUntil(0);
    e.store.delete("PersistentVolumeClaim", "default", "gone");
    e.store.delete("PersistentVolumeClaim", "default", "keep");
    e.runUntil(1);
    expect(e.store.get("PersistentVolume", undefined, `pvc-${c.metadata.uid}`)).toBeUndefined();
    expect(e.store.get("PersistentVolume", undefined, "kept")!.status!.phase).toBe("Released");
  });
});
