/**
 * `kubectl get` tables of cluster and configuration kinds: nodes, namespaces, events, configmaps,
 * secrets, persistentvolumeclaims, persistentvolumes, storageclasses, priorityclasses,
 * runtimeclasses (upstream printNode, printNamespace, printEvent, printConfigMap, printSecret,
 * printPersistentVolumeClaim, printPersistentVolume, printStorageClass, printPriorityClass,
 * printRuntimeClass).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim } from "kubernetes-types/core/v1";
import { ageSince } from "./age";
import { ageColumn, goBool, nameColumn, quantity, wide, type TableDefs } from "./table-def";

type ClusterKind =
  | "Node" | "Namespace" | "Event" | "ConfigMap" | "Secret" | "PersistentVolumeClaim" | "PersistentVolume"
  | "StorageClass" | "PriorityClass" | "RuntimeClass";

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";
const BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";
const IS_DEFAULT_STORAGE_CLASS = "storageclass.kubernetes.io/is-default-class";
const BETA_IS_DEFAULT_STORAGE_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

/** STATUS of a node: "Ready" / "NotReady" from the Ready condition, "Unknown" without one, ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: Node): string {
  let ready: { status: string } | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === "Ready") ready = c; // last one wins, as in a Go map
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

/** `findNodeRoles`: from node-role.kubernetes.io/<role> and kubernetes.io/role=<role>, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v) {
      roles.add(v);
    }
  }
  return [...roles].sort().join(",") || "<none>";
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

/** `GetAccessModesAsString`: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has("ReadWriteOnce")) out.push("RWO");
  if (m.has("ReadOnlyMany")) out.push("ROX");
  if (m.has("ReadWriteMany")) out.push("RWX");
  if (m.has("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}

function storageClassOf(o: PersistentVolume | PersistentVolumeClaim): string {
  const ann = o.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return o.spec?.storageClassName ?? "";
}

/** `formatEventSource`: "component, host", falling back to reportingComponent / reportingInstance. */
function eventSource(component: string | undefined, host: string | undefined): string {
  if (!host) return component ?? "";
  return `${component ?? ""}, ${host}`;
}

export const clusterTables: TableDefs<ClusterKind> = {
  Node: {
    columns: [nameColumn, { name: "Status" }, { name: "Roles" }, ageColumn, { name: "Version" },
      wide("Internal-IP"), wide("External-IP"), wide("OS-Image"), wide("Kernel-Version"), wide("Container-Runtime")],
    row(node, now) {
      const info = node.status?.nodeInfo;
      const unknown = (s: string | undefined): string => (s ? s : "<unknown>");
      return [node.metadata?.name ?? "", nodeStatus(node), nodeRoles(node), ageSince(node.metadata?.creationTimestamp, now),
        info?.kubeletVersion ?? "", nodeAddress(node, "InternalIP"), nodeAddress(node, "ExternalIP"),
        unknown(info?.osImage), unknown(info?.kernelVersion), unknown(info?.containerRuntimeVersion)];
    },
  },
  Namespace: {
    columns: [nameColumn, { name: "Status" }, ageColumn],
    row(ns, now) {
      return [ns.metadata?.name ?? "", ns.status?.phase ?? "Active", ageSince(ns.metadata?.creationTimestamp, now)];
    },
  },
  Event: {
    columns: [{ name: "Last Seen" }, { name: "Type" }, { name: "Reason" }, { name: "Object" }, wide("Subobject"),
      wide("Source"), { name: "Message" }, wide("First Seen"), wide("Count"), { name: "Name", priority: 1, isName: true }],
    row(ev, now) {
      let first = ageSince(ev.firstTimestamp, now);
      if (!ev.firstTimestamp) first = ageSince(ev.eventTime, now);
      let last = ev.lastTimestamp ? ageSince(ev.lastTimestamp, now) : first;
      let count = ev.count ?? 0;
      if (ev.series) {
        last = ageSince(ev.series.lastObservedTime, now);
        count = ev.series.count ?? 0;
      } else if (count === 0) {
        count = 1; // singleton events of the events.k8s.io API carry no count
      }
      const io = ev.involvedObject ?? {};
      const target = io.name ? `${(io.kind ?? "").toLowerCase()}/${io.name}` : (io.kind ?? "").toLowerCase();
      const source = eventSource(ev.source?.component || ev.reportingComponent, ev.source?.host || ev.reportingInstance);
      return [last, ev.type ?? "", ev.reason ?? "", target, io.fieldPath ?? "", source, (ev.message ?? "").trim(),
        first, String(count), ev.metadata?.name ?? ""];
    },
  },
  ConfigMap: {
    columns: [nameColumn, { name: "Data" }, ageColumn],
    row(cm, now) {
      const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
      return [cm.metadata?.name ?? "", String(n), ageSince(cm.metadata?.creationTimestamp, now)];
    },
  },
  Secret: {
    columns: [nameColumn, { name: "Type" }, { name: "Data" }, ageColumn],
    row(s, now) {
      // The API server folds stringData into data on write; count both in case the store has not.
      const keys = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
      return [s.metadata?.name ?? "", s.type ?? "Opaque", String(keys.size), ageSince(s.metadata?.creationTimestamp, now)];
    },
  },
  PersistentVolumeClaim: {
    columns: [nameColumn, { name: "Status" }, { name: "Volume" }, { name: "Capacity" }, { name: "Access Modes" },
      { name: "StorageClass" }, { name: "VolumeAttributesClass" }, ageColumn, wide("VolumeMode")],
    row(pvc, now) {
      const phase = pvc.metadata?.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? "Pending");
      const bound = !!pvc.spec?.volumeName;
      return [pvc.metadata?.name ?? "", phase, pvc.spec?.volumeName ?? "",
        bound ? quantity(pvc.status?.capacity?.["storage"]) : "", bound ? accessModes(pvc.status?.accessModes) : "",
        storageClassOf(pvc), pvc.spec?.volumeAttributesClassName ?? "<unset>", ageSince(pvc.metadata?.creationTimestamp, now),
        pvc.spec?.volumeMode ?? "<unset>"];
    },
  },
  PersistentVolume: {
    columns: [nameColumn, { name: "Capacity" }, { name: "Access Modes" }, { name: "Reclaim Policy" }, { name: "Status" },
      { name: "Claim" }, { name: "StorageClass" }, { name: "VolumeAttributesClass" }, { name: "Reason" }, ageColumn,
      wide("VolumeMode")],
    row(pv, now) {
      const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}` : "";
      const phase = pv.metadata?.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? "Pending");
      return [pv.metadata?.name ?? "", quantity(pv.spec?.capacity?.["storage"]), accessModes(pv.spec?.accessModes),
        pv.spec?.persistentVolumeReclaimPolicy ?? "Retain", phase, claim, storageClassOf(pv),
        pv.spec?.volumeAttributesClassName ?? "<unset>", pv.status?.reason ?? "", ageSince(pv.metadata?.creationTimestamp, now),
        pv.spec?.volumeMode ?? "<unset>"];
    },
  },
  StorageClass: {
    columns: [nameColumn, { name: "Provisioner" }, { name: "ReclaimPolicy" }, { name: "VolumeBindingMode" },
      { name: "AllowVolumeExpansion" }, ageColumn],
    row(sc, now) {
      const ann = sc.metadata?.annotations ?? {};
      const isDefault = ann[IS_DEFAULT_STORAGE_CLASS] === "true" || ann[BETA_IS_DEFAULT_STORAGE_CLASS] === "true";
      return [`${sc.metadata?.name ?? ""}${isDefault ? " (default)" : ""}`, sc.provisioner, sc.reclaimPolicy ?? "Delete",
        sc.volumeBindingMode ?? "Immediate", goBool(sc.allowVolumeExpansion), ageSince(sc.metadata?.creationTimestamp, now)];
    },
  },
  PriorityClass: {
    columns: [nameColumn, { name: "Value" }, { name: "Global-Default" }, ageColumn, { name: "PreemptionPolicy" }],
    row(pc, now) {
      return [pc.metadata?.name ?? "", String(pc.value ?? 0), goBool(pc.globalDefault), ageSince(pc.metadata?.creationTimestamp, now),
        pc.preemptionPolicy ?? "PreemptLowerPriority"];
    },
  },
  RuntimeClass: {
    columns: [nameColumn, { name: "Handler" }, ageColumn],
    row(rc, now) {
      return [rc.metadata?.name ?? "", rc.handler, ageSince(rc.metadata?.creationTimestamp, now)];
    },
  },
};
