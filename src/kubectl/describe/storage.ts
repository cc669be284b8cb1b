/**
 * `kubectl describe` of configuration and storage kinds: Namespace, ConfigMap, Secret,
 * PersistentVolumeClaim, PersistentVolume, StorageClass, PriorityClass (describe.go). Map
 * iteration (ConfigMap data, Secret data) is random in Go; here it is sorted by key.
 */
import type {
  ConfigMap, Event, Namespace, PersistentVolume, PersistentVolumeClaim, Pod, Secret,
} from "kubernetes-types/core/v1";
import type { StorageClass } from "kubernetes-types/storage/v1";
import type { PriorityClass } from "kubernetes-types/scheduling/v1";
import { ageSince } from "../age";
import { formatLabels } from "../labels";
import { accessModes } from "../table-cluster";
import { describeEvents } from "./events";
import {
  goBool, goList, LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline,
  quantityString, rfc1123z, tabbedString,
} from "./writer";

const BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
const sortedKeys = (o: Readonly<Record<string, unknown>> | undefined): string[] => Object.keys(o ?? {}).sort();

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[BETA_STORAGE_CLASS] ?? pvc.spec?.storageClassName ?? "";
}

function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[BETA_STORAGE_CLASS] ?? pv.spec?.storageClassName ?? "";
}

/** The namespace has no ResourceQuota or LimitRange kinds in the playground: both lists are empty. */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
    if (ns.status?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
      for (const c of ns.status.conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
      }
    }
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No resource quota.\n");
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No LimitRange resource.\n");
  });
}

export function describeConfigMap(cm: ConfigMap, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cm.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", cm.metadata?.annotations);
    w.write(LEVEL_0, "\nData\n====\n");
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k]!)} bytes\n`);
    w.write(LEVEL_0, "\n");
    if (events) describeEvents(w, events, nowMs);
  });
}

/** The decoded length of a base64 value (the API stores binary data base64-encoded). */
function base64Length(b64: string): number {
  const s = b64.replace(/=+$/, "");
  return Math.floor((s.length * 3) / 4);
}

export function describeSecret(secret: Secret): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", secret.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
    w.write(LEVEL_0, "\nData\n====\n");
    const data: Record<string, number> = {};
    for (const [k, v] of Object.entries(secret.data ?? {})) data[k] = base64Length(v);
    // stringData is write-only: the API server merges it into data.
    for (const [k, v] of Object.entries(secret.stringData ?? {})) data[k] = new TextEncoder().encode(v).length;
    for (const k of sortedKeys(data)) w.write(LEVEL_0, `${k}:\t${data[k]} bytes\n`);
  });
}

/** printPersistentVolumeClaim + describePersistentVolumeClaim. `usedBy` are the pods mounting it. */
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, usedBy: readonly Pod[], events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
    w.write(LEVEL_0, pvc.metadata?.deletionTimestamp
      ? `Status:\tTerminating (lasts ${ageSince(pvc.metadata.deletionTimestamp, nowMs)})\n` : `Status:\t${pvc.status?.phase ?? ""}\n`);
    w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ""}\n`);
    printLabelsMultiline(w, "Labels", pvc.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", pvc.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata?.finalizers)}\n`);
    const bound = !!pvc.spec?.volumeName;
    w.write(LEVEL_0, `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage) : ""}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ""}\n`);
    if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
    if (pvc.spec?.dataSource) {
      w.write(LEVEL_0, "DataSource:\n");
      if (pvc.spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${pvc.spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${pvc.spec.dataSource.kind}\n`);
      w.write(LEVEL_1, `Name:\t${pvc.spec.dataSource.name}\n`);
    }
    w.write(LEVEL_0, "Used By:\t");
    const names = usedBy.map((p) => p.metadata?.name ?? "").sort();
    if (names.length === 0) w.writeLine("<none>");
    names.forEach((n, i) => {
      if (i !== 0) w.write(LEVEL_0, "\t");
      w.write(LEVEL_0, `${n}\n`);
    });
    if (pvc.status?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of pvc.status.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describePersistentVolume(pv: PersistentVolume, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", pv.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata?.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${volumeClass(pv)}\n`);
    w.write(LEVEL_0, pv.metadata?.deletionTimestamp
      ? `Status:\tTerminating (lasts ${ageSince(pv.metadata.deletionTimestamp, nowMs)})\n` : `Status:\t${pv.status?.phase ?? ""}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ""}/${spec.claimRef.name ?? ""}` : ""}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`);
    w.write(LEVEL_0, "Node Affinity:\t");
    const required = spec.nodeAffinity?.required;
    if (!required) {
      w.writeLine("<none>");
    } else {
      w.writeLine("");
      w.write(LEVEL_1, "Required Terms:\t");
      if (!required.nodeSelectorTerms.length) w.writeLine("<none>");
      else {
        w.writeLine("");
        required.nodeSelectorTerms.forEach((term, i) => {
          w.write(LEVEL_2, `Term ${i}:\t`);
          const reqs = term.matchExpressions ?? [];
          if (!reqs.length) w.writeLine("<none>");
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_2, "\t");
            const values = r.values?.length ? ` [${r.values.join(", ")}]` : "";
            w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`);
          });
        });
      }
    }
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ""}\n`);
    w.write(LEVEL_0, "Source:\n");
    if (spec.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? "<none>"}\n`);
    } else if (spec.local) {
      w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
    } else if (spec.nfs) {
      w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${goBool(spec.nfs.readOnly)}\n`);
    } else if (spec.csi) {
      w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ""}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${goBool(spec.csi.readOnly)}\n`);
      w.write(LEVEL_2, "VolumeAttributes:\t");
      const attrs = sortedKeys(spec.csi.volumeAttributes);
      if (!attrs.length) w.writeLine("<none>");
      attrs.forEach((k, i) => {
        if (i !== 0) w.write(LEVEL_2, "\t");
        w.write(LEVEL_2, `${k}=${spec.csi!.volumeAttributes![k]}\n`);
      });
    } else {
      w.write(LEVEL_1, "<unknown>\n");
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

const IS_DEFAULT = "storageclass.kubernetes.io/is-default-class";
const BETA_IS_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";

export function describeStorageClass(sc: StorageClass, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const a = sc.metadata?.annotations ?? {};
    const isDefault = a[IS_DEFAULT] === "true" || a[BETA_IS_DEFAULT] === "true" ? "Yes" : "No";
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    if (!sc.mountOptions?.length) w.write(LEVEL_0, "MountOptions:\t<none>\n");
    else {
      w.write(LEVEL_0, "MountOptions:\n");
      for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describePriorityClass(pc: PriorityClass, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${goBool(pc.globalDefault)}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ""}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(w, events, nowMs);
  });
}
