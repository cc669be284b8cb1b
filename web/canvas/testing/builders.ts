/** Small builders of mirror objects for the canvas's unit tests. */
import { objectKey, type Kind, type ObjectKey, type Stored } from "../../../src/api/types";

export type Objects = Map<ObjectKey, Stored<Kind>>;

export function objects(...list: Stored<Kind>[]): Objects {
  return new Map(list.map((o) => [objectKey(o.kind, o.metadata.namespace, o.metadata.name), o]));
}

export function node(name: string, zone: string, extra: { ready?: boolean; unschedulable?: boolean; taints?: Array<{ key: string; value?: string; effect: string }> } = {}): Stored<"Node"> {
  return {
    kind: "Node", apiVersion: "v1",
    metadata: { name, uid: `uid-${name}`, labels: { "topology.kubernetes.io/zone": zone, "kubernetes.io/hostname": name } },
    spec: { ...(extra.unschedulable ? { unschedulable: true } : {}), ...(extra.taints ? { taints: extra.taints } : {}) },
    status: {
      allocatable: { cpu: "4", memory: "16Gi", pods: "110" },
      conditions: [{ type: "Ready", status: extra.ready === false ? "False" : "True" }],
    },
  } as Stored<"Node">;
}

export interface PodOptions {
  node?: string;
  phase?: string;
  ready?: boolean;
  owner?: { kind: string; name: string; uid: string };
  cpu?: string;
  memory?: string;
  restarts?: number;
  deleting?: boolean;
  unschedulable?: boolean;
  labels?: Record<string, string>;
  initContainers?: Array<{ name: string; sidecar?: boolean; state: "done" | "running" | "waiting" }>;
}

export function pod(name: string, o: PodOptions = {}): Stored<"Pod"> {
  const phase = o.phase ?? (o.node ? "Running" : "Pending");
  const running = phase === "Running";
  return {
    kind: "Pod", apiVersion: "v1",
    metadata: {
      name, namespace: "default", uid: `uid-${name}`, creationTimestamp: "2026-01-01T00:00:00Z",
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-01-01T00:01:00Z" } : {}),
      ...(o.owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true }] } : {}),
    },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      ...(o.initContainers ? { initContainers: o.initContainers.map((c) => ({ name: c.name, image: "busybox", ...(c.sidecar ? { restartPolicy: "Always" } : {}) })) } : {}),
      containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: o.cpu ?? "100m", memory: o.memory ?? "64Mi" } } }],
    },
    status: {
      phase,
      conditions: [
        ...(o.unschedulable ? [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] : []),
        ...(running ? [{ type: "Ready", status: o.ready === false ? "False" : "True" }] : []),
      ],
      ...(o.initContainers ? {
        initContainerStatuses: o.initContainers.map((c) => ({
          name: c.name, image: "busybox", imageID: "", ready: !!c.sidecar && c.state === "running", restartCount: 0,
          ...(c.sidecar && c.state === "running" ? { started: true } : {}),
          state: c.state === "done" ? { terminated: { exitCode: 0, reason: "Completed" } } : c.state === "running" ? { running: {} } : { waiting: { reason: "PodInitializing" } },
        })),
      } : {}),
      ...(o.node ? {
        containerStatuses: [{
          name: "app", image: "nginx", imageID: "", restartCount: o.restarts ?? 0, ready: running && o.ready !== false,
          state: running ? { running: {} } : { waiting: { reason: "ContainerCreating" } },
        }],
      } : {}),
    },
  } as Stored<"Pod">;
}

export function owned<K extends Kind>(kind: K, name: string, spec: Record<string, unknown>, status: Record<string, unknown>, owner?: { kind: string; name: string; uid: string }, annotations?: Record<string, string>): Stored<K> {
  return {
    kind, apiVersion: "apps/v1",
    metadata: {
      name, namespace: "default", uid: `uid-${name}`, creationTimestamp: "2026-01-01T00:00:00Z",
      ...(annotations ? { annotations } : {}),
      ...(owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }] } : {}),
    },
    spec, status,
  } as unknown as Stored<K>;
}
