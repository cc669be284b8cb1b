/**
 * A minimal PersistentVolume model: the PV controller's binder (pkg/controller/volume/persistentvolume)
 * and one simulated dynamic provisioner, enough for StatefulSet volumeClaimTemplates.
 *
 * - A claim binds to the smallest Available volume of its class that has its access modes and
 *   capacity; otherwise, if its StorageClass has a provisioner, a volume `pvc-<claim uid>` is
 *   provisioned for it and bound. A claim without a class gets the default class (retroactive
 *   default StorageClass assignment); with no class at all it stays Pending.
 * - WaitForFirstConsumer classes wait for the scheduler's `volume.kubernetes.io/selected-node`
 *   annotation before provisioning.
 * - A deleted claim releases its volume: reclaimPolicy Delete deletes it, Retain leaves it Released.
 *
 * Every cluster starts with a default StorageClass `standard` served by the simulated provisioner
 * `kubeplay.dev/hostpath` (Immediate binding), as kind and minikube clusters come with one.
 * Not modelled: the pvc-protection finalizer, volume expansion, access-mode conflicts between pods.
 */
import type { PersistentVolume, PersistentVolumeClaim } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import { memoryBytes } from "../api/quantity";
import type { Stored } from "../api/types";
import { keyOf, splitKey } from "../runtime/controller";
import { WorkQueue } from "../runtime/workqueue";
import type { Component, ComponentContext } from "../sim/component";

export const PV_CONTROLLER = "persistentvolume-controller";
export const SIM_PROVISIONER = "kubeplay.dev/hostpath";
export const DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
export const SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node";

type PVC = Stored<"PersistentVolumeClaim">;
type PV = Stored<"PersistentVolume">;

export const pvBinderFactory = (): Component => new PVBinder();

/** A storage quantity in bytes (0 when absent or malformed). */
function bytes(q: string | number | undefined): number {
  return q === undefined ? 0 : memoryBytes(q);
}

class PVBinder implements Component {
  readonly name = "persistentvolume-binder";
  private ctx!: ComponentContext;
  private rec!: Recorder;

  private claims!: WorkQueue;

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.rec = ctx.recorder({ component: PV_CONTROLLER });
    // One queue of claim keys: a claim asked for several times in an instant is synced once.
    this.claims = new WorkQueue(ctx, "persistentvolume-binder", (key) => {
      const { namespace, name } = splitKey(key);
      this.syncClaim(namespace ?? "default", name);
    });
    ctx.store.watch("PersistentVolumeClaim", (ev) => {
      const { namespace, name, uid } = ev.object.metadata;
      if (ev.type === "DELETED") ctx.after(0, `persistentvolume-binder release ${namespace}/${name}`, () => this.release(uid, ev.object.spec?.volumeName));
      // A status write (ours) changes nothing to decide on; spec and annotation changes (the scheduler's selected node) do.
      else if (ev.type === "ADDED" || JSON.stringify([ev.old?.spec, ev.old?.metadata.annotations]) !== JSON.stringify([ev.object.spec, ev.object.metadata.annotations])) {
        this.claims.add(keyOf(ev.object));
      }
    });
    ctx.store.watch("PersistentVolume", (ev) => {
      if (ev.type === "DELETED") return;
      const name = ev.object.metadata.name;
      if (!ev.object.spec?.claimRef && !ev.object.status?.phase) ctx.after(0, `persistentvolume-binder volume ${name}`, () => this.markAvailable(name));
      this.retryPending();
    });
    ctx.store.watch("StorageClass", () => this.retryPending());
    if (ctx.store.list("StorageClass").length === 0) {
      ctx.store.create("StorageClass", {
        metadata: { name: "standard", annotations: { [DEFAULT_CLASS_ANNOTATION]: "true" } },
        provisioner: SIM_PROVISIONER,
        reclaimPolicy: "Delete",
        volumeBindingMode: "Immediate",
      });
    }
  }

  /** Every unbound claim is looked at again (a volume or a class appeared). Only enqueues. */
  private retryPending(): void {
    for (const c of this.ctx.store.list("PersistentVolumeClaim")) if (c.status?.phase !== "Bound") this.claims.add(keyOf(c));
  }

  /** The newest StorageClass marked default. */
  private defaultClass(): Stored<"StorageClass"> | undefined {
    const defaults = this.ctx.store.list("StorageClass").filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === "true");
    return defaults.sort((a, b) => ((a.metadata.creationTimestamp ?? "") < (b.metadata.creationTimestamp ?? "") ? 1 : -1))[0];
  }

  /** The PV controller marks a new unclaimed volume Available. */
  private markAvailable(name: string): void {
    this.ctx.store.mutate("PersistentVolume", undefined, name, (v) => {
      if (v.spec?.claimRef || v.status?.phase) return false;
      v.status = { ...v.status, phase: "Available" };
    });
  }

  private syncClaim(namespace: string, name: string): void {
    const pvc = this.ctx.store.get("PersistentVolumeClaim", namespace, name);
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === "Bound") return;
    let className = pvc.spec?.storageClassName;
    if (className === undefined) {
      const def = this.defaultClass();
      if (def) {
        this.ctx.store.mutate("PersistentVolumeClaim", namespace, name, (c) => { c.spec = { ...c.spec, storageClassName: def.metadata.name }; });
        return;
      }
    }
    const volume = pvc.spec?.volumeName
      ? this.ctx.store.get("PersistentVolume", undefined, pvc.spec.volumeName)
      : this.findVolume(pvc, className ?? "");
    if (volume) {
      this.bind(pvc, volume);
      return;
    }
    if (pvc.status?.phase !== "Pending") this.ctx.store.mutate("PersistentVolumeClaim", namespace, name, (c) => { c.status = { ...c.status, phase: "Pending" }; });
    if (!className) {
      this.rec.event(pvc, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
      return;
    }
    const sc = this.ctx.store.get("StorageClass", undefined, className);
    if (!sc) {
      this.rec.event(pvc, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    if (sc.volumeBindingMode === "WaitForFirstConsumer" && !pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION]) {
      this.rec.event(pvc, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
      return;
    }
    this.provision(pvc, sc);
  }

  private findVolume(pvc: PVC, className: string): PV | undefined {
    const want = bytes(pvc.spec?.resources?.requests?.storage);
    const modes = pvc.spec?.accessModes ?? [];
    const fits = this.ctx.store.list("PersistentVolume").filter((v) => {
      if (v.metadata.deletionTimestamp || (v.status?.phase && v.status.phase !== "Available")) return false;
      const ref = v.spec?.claimRef;
      if (ref && (ref.namespace !== pvc.metadata.namespace || ref.name !== pvc.metadata.name)) return false;
      if ((v.spec?.storageClassName ?? "") !== className) return false;
      if ((v.spec?.volumeMode ?? "Filesystem") !== (pvc.spec?.volumeMode ?? "Filesystem")) return false;
      if (!modes.every((m) => (v.spec?.accessModes ?? []).includes(m))) return false;
      return bytes(v.spec?.capacity?.storage) >= want;
    });
    return fits.sort((a, b) => bytes(a.spec?.capacity?.storage) - bytes(b.spec?.capacity?.storage))[0];
  }

  /** The simulated external provisioner creates `pvc-<uid>` of the requested size. */
  private provision(pvc: PVC, sc: Stored<"StorageClass">): void {
    const prov = sc.provisioner;
    this.ctx.store.mutate("PersistentVolumeClaim", pvc.metadata.namespace, pvc.metadata.name, (c) => {
      c.metadata.annotations = { ...c.metadata.annotations, "volume.beta.kubernetes.io/storage-provisioner": prov, "volume.kubernetes.io/storage-provisioner": prov };
    });
    this.rec.event(pvc, "Normal", "ExternalProvisioning", `Waiting for a volume to be created either by the external provisioner '${prov}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
    if (prov !== SIM_PROVISIONER) return;
    const provRec = this.ctx.recorder({ component: prov });
    provRec.event(pvc, "Normal", "Provisioning", `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`);
    const name = `pvc-${pvc.metadata.uid}`;
    const pv: PersistentVolume = {
      metadata: { name, annotations: { "pv.kubernetes.io/provisioned-by": prov } },
      spec: {
        capacity: { storage: String(pvc.spec?.resources?.requests?.storage ?? "1Gi") },
        accessModes: [...(pvc.spec?.accessModes ?? ["ReadWriteOnce"])],
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec?.volumeMode ?? "Filesystem",
        hostPath: { path: `/var/lib/kubeplay/volumes/${name}`, type: "" },
        claimRef: { kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid },
      },
    };
    const res = this.ctx.store.create("PersistentVolume", pv);
    if (!res.ok) {
      provRec.event(pvc, "Warning", "ProvisioningFailed", `failed to provision volume with StorageClass "${sc.metadata.name}": ${res.message}`);
      return;
    }
    provRec.event(pvc, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${name}`);
    const fresh = this.ctx.store.get("PersistentVolumeClaim", pvc.metadata.namespace, pvc.metadata.name);
    if (fresh) this.bind(fresh, res.object);
  }

  private bind(pvc: PVC, pv: PV): void {
    const byController = !pv.spec?.claimRef;
    this.ctx.store.mutate("PersistentVolume", undefined, pv.metadata.name, (v) => {
      v.spec = { ...v.spec, claimRef: { kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion } };
      if (byController) v.metadata.annotations = { ...v.metadata.annotations, "pv.kubernetes.io/bound-by-controller": "yes" };
      v.status = { ...v.status, phase: "Bound" };
    });
    this.ctx.store.mutate("PersistentVolumeClaim", pvc.metadata.namespace, pvc.metadata.name, (c) => {
      c.spec = { ...c.spec, volumeName: pv.metadata.name };
      c.metadata.annotations = { ...c.metadata.annotations, "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" };
      c.status = { ...c.status, phase: "Bound", accessModes: [...(pv.spec?.accessModes ?? [])], capacity: { ...pv.spec?.capacity } };
    });
  }

  /** A claim is gone: its volume is released, and deleted under reclaimPolicy Delete. */
  private release(claimUid: string, volumeName: string | undefined): void {
    const pv = volumeName ? this.ctx.store.get("PersistentVolume", undefined, volumeName) : undefined;
    if (!pv || pv.spec?.claimRef?.uid !== claimUid) return;
    if ((pv.spec?.persistentVolumeReclaimPolicy ?? "Retain") === "Delete") this.ctx.store.delete("PersistentVolume", undefined, pv.metadata.name);
    else this.ctx.store.mutate("PersistentVolume", undefined, pv.metadata.name, (v) => { v.status = { ...v.status, phase: "Released" }; });
  }
}

export type { PersistentVolumeClaim };
