/**
 * What a kubelet reports about its node when it registers and on every status update: the
 * conditions with the kubelet's own reasons and messages (pkg/kubelet/nodestatus/setters.go),
 * addresses, node info, allocatable defaulting to capacity.
 *
 * Heartbeats: this engine has no Lease kind, so the kubelet posts its node status every
 * nodeStatusUpdateFrequency (10 s), refreshing every condition's lastHeartbeatTime — the
 * heartbeat Kubernetes used before node leases, which the node lifecycle controller still honours.
 */
import type { Node, NodeCondition } from "kubernetes-types/core/v1";
import { KUBELET_VERSION } from "../sim/cluster";
import { NODE_CONDITIONS } from "./reasons";

/** kubelet nodeStatusUpdateFrequency. */
export const NODE_STATUS_UPDATE_MS = 10_000;

export interface NodePressure {
  memory: boolean;
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** The four kubelet-owned conditions; lastTransitionTime kept while a status holds. */
export function nodeConditions(ts: string, prev: readonly NodeCondition[] | undefined, pressure: NodePressure): NodeCondition[] {
  const want: Array<[keyof typeof NODE_CONDITIONS, "True" | "False"]> = [
    ["MemoryPressure", pressure.memory ? "True" : "False"],
    ["DiskPressure", "False"],
    ["PIDPressure", "False"],
    ["Ready", "True"],
  ];
  const others = (prev ?? []).filter((c) => !want.some(([t]) => t === c.type));
  return [
    ...want.map(([type, status]) => {
      const [reason, message] = (NODE_CONDITIONS[type] as Record<string, readonly [string, string]>)[status]!;
      const old = prev?.find((c) => c.type === type);
      const transitioned = !old || old.status !== status;
      return { type, status, reason, message, lastHeartbeatTime: ts, lastTransitionTime: transitioned ? ts : old.lastTransitionTime ?? ts };
    }),
    ...others,
  ];
}

/** Fills in what a registering kubelet reports, keeping whatever the scenario wrote. */
export function registerNodeStatus(n: Mutable<Node>, index: number, ts: string, pressure: NodePressure): void {
  const st = (n.status ??= {});
  st.capacity ??= { cpu: "4", memory: "16Gi", pods: "110" };
  st.allocatable ??= { ...st.capacity };
  st.conditions = nodeConditions(ts, st.conditions, pressure);
  st.addresses ??= [
    { type: "InternalIP", address: `10.0.${Math.floor(index / 250)}.${(index % 250) + 2}` },
    { type: "Hostname", address: n.metadata?.name ?? "" },
  ];
  st.daemonEndpoints ??= { kubeletEndpoint: { Port: 10250 } };
  st.nodeInfo ??= {
    architecture: n.metadata?.labels?.["kubernetes.io/arch"] ?? "amd64",
    operatingSystem: n.metadata?.labels?.["kubernetes.io/os"] ?? "linux",
    osImage: "Ubuntu 24.04.1 LTS",
    kernelVersion: "6.8.0-51-generic",
    containerRuntimeVersion: "containerd://2.1.0",
    kubeletVersion: KUBELET_VERSION,
    kubeProxyVersion: "",
    machineID: "",
    systemUUID: "",
    bootID: "",
  };
}

/** The node's InternalIP. */
export function nodeIP(n: Node | undefined): string {
  return n?.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "";
}
