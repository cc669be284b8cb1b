/**
 * What a kubelet reports about its node when it registers and on every heartbeat: conditions with
 * the kubelet's own reasons and messages (pkg/kubelet/nodestatus/setters.go), addresses, node info,
 * allocatable defaulting to capacity.
 */
import type { Node, NodeCondition } from "kubernetes-types/core/v1";
import { KUBELET_VERSION } from "../sim/cluster";

export function readyConditions(ts: string, prev: readonly NodeCondition[] | undefined): NodeCondition[] {
  const want: Array<[string, string, string, string]> = [
    ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
    ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
    ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
    ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
  ];
  return want.map(([type, status, reason, message]) => {
    const old = prev?.find((c) => c.type === type);
    const transitioned = !old || old.status !== status;
    return {
      type, status, reason, message,
      lastHeartbeatTime: ts,
      lastTransitionTime: transitioned ? ts : old.lastTransitionTime ?? ts,
    };
  });
}

/** Fills in what a registering kubelet reports, keeping whatever the scenario wrote. */
export function registerNodeStatus(n: { -readonly [P in keyof Node]: Node[P] }, index: number, ts: string): void {
  const st = (n.status ??= {});
  st.capacity ??= { cpu: "4", memory: "16Gi", pods: "110" };
  st.allocatable ??= { ...st.capacity };
  st.conditions = readyConditions(ts, st.conditions);
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
