import { describe, expect, it } from "vitest";
import { describeNode, podRequestsAndLimits } from "./node";
import { formatQuantity, ZERO } from "../../api/quantity";

const NOW = Date.parse("2026-01-01T00:05:00Z");
const node = { metadata: { name: "zone-a-1", creationTimestamp: "2026-01-01T00:00:00Z", labels: { "kubernetes.io/hostname": "zone-a-1", "node-role.kubernetes.io/worker": "" } },
  spec: { podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"], unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: "2026-01-01T00:04:00Z" }, { key: "dedicated", value: "gpu", effect: "NoExecute" }] },
  status: { capacity: { cpu: "4", memory: "16Gi", pods: "110" }, allocatable: { cpu: "4", memory: "16Gi", pods: "110" },
    conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: "2026-01-01T00:04:50Z", lastTransitionTime: "2026-01-01T00:00:00Z" }],
    addresses: [{ type: "InternalIP", address: "10.0.0.2" }, { type: "Hostname", address: "zone-a-1" }],
    nodeInfo: { machineID: "m1", systemUUID: "s1", bootID: "b1", kernelVersion: "6.8.0", osImage: "Ubuntu 24.04.1 LTS", operatingSystem: "linux", architecture: "amd64", containerRuntimeVersion: "containerd://2.1.0", kubeletVersion: "v1.36.0", kubeProxyVersion: "" } } };
const pods = [
  { metadata: { name: "web-1", namespace: "default", creationTimestamp: "2026-01-01T00:01:00Z" }, spec: { nodeName: "zone-a-1", containers: [{ name: "w", resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } } }] }, status: { phase: "Running" } },
  { metadata: { name: "job-1", namespace: "default", creationTimestamp: "2026-01-01T00:01:00Z" }, spec: { nodeName: "zone-a-1", containers: [{ name: "j", resources: { requests: { cpu: "1" } } }] }, status: { phase: "Succeeded" } },
  { metadata: { name: "init-1", namespace: "kube-system", creationTimestamp: "2026-01-01T00:03:00Z" }, spec: { nodeName: "zone-a-1", initContainers: [{ name: "i", resources: { requests: { cpu: "2" } } }], containers: [{ name: "c", resources: { requests: { cpu: "250m" } } }] }, status: { phase: "Pending" } },
];

describe("kubectl describe node", () => {
  it("lists the non-terminated pods with requests and limits as a share of allocatable", () => {
    expect(describeNode(node as never, pods as never, [], NOW)).toBe(`${[
      "Name:               zone-a-1",
      "Roles:              worker",
      "Labels:             kubernetes.io/hostname=zone-a-1",
      "                    node-role.kubernetes.io/worker=",
      "Annotations:        <none>",
      "CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000",
      "Taints:             dedicated=gpu:NoExecute",
      "                    node.kubernetes.io/unschedulable:NoSchedule",
      "Unschedulable:      true",
      "Lease:",
      "  HolderIdentity:  zone-a-1",
      "  AcquireTime:     <unset>",
      "  RenewTime:       Thu, 01 Jan 2026 00:04:50 +0000",
      "Conditions:",
      "  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message",
      "  ----    ------  -----------------                 ------------------                ------         -------",
      "  Ready   True    Thu, 01 Jan 2026 00:04:50 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady   kubelet is posting ready status",
      "Addresses:",
      "  InternalIP:  10.0.0.2",
      "  Hostname:    zone-a-1",
      "Capacity:",
      "  cpu:     4",
      "  memory:  16Gi",
      "  pods:    110",
      "Allocatable:",
      "  cpu:     4",
      "  memory:  16Gi",
      "  pods:    110",
      "System Info:",
      "  Machine ID:                 m1",
      "  System UUID:                s1",
      "  Boot ID:                    b1",
      "  Kernel Version:             6.8.0",
      "  OS Image:                   Ubuntu 24.04.1 LTS",
      "  Operating System:           linux",
      "  Architecture:               amd64",
      "  Container Runtime Version:  containerd://2.1.0",
      "  Kubelet Version:            v1.36.0",
      "  Kube-Proxy Version:         ",
      "PodCIDR:                      10.244.0.0/24",
      "PodCIDRs:                     10.244.0.0/24",
      "Non-terminated Pods:          (2 in total)",
      "  Namespace                   Name      CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
      "  ---------                   ----      ------------  ----------  ---------------  -------------  ---",
      "  default                     web-1     500m (12%)    1 (25%)     1Gi (6%)         2Gi (12%)      4m",
      "  kube-system                 init-1    2 (50%)       0 (0%)      0 (0%)           0 (0%)         2m",
      "Allocated resources:",
      "  (Total limits may be over 100 percent, i.e., overcommitted.)",
      "  Resource           Requests     Limits",
      "  --------           --------     ------",
      "  cpu                2500m (62%)  1 (25%)",
      "  memory             1Gi (6%)     2Gi (12%)",
      "  ephemeral-storage  0 (0%)       0 (0%)",
      "Events:              <none>",
    ].join("\n")}\n`);
  });

  const cases = [
    { name: "app containers are summed", init: [], app: ["100m", "200m"], want: "300m" },
    { name: "a regular init container is a floor, not an addition", init: [{ cpu: "2" }], app: ["250m"], want: "2" },
    { name: "a sidecar (restartPolicy Always) adds to the app containers", init: [{ cpu: "100m", sidecar: true }], app: ["250m"], want: "350m" },
    { name: "an init container after a sidecar runs beside it", init: [{ cpu: "100m", sidecar: true }, { cpu: "1" }], app: ["250m"], want: "1100m" },
  ];
  it.each(cases)("PodRequestsAndLimits: $name", ({ init, app, want }) => {
    const pod = {
      spec: {
        initContainers: init.map((c, i) => ({ name: `i${i}`, ...(c.sidecar ? { restartPolicy: "Always" } : {}), resources: { requests: { cpu: c.cpu } } })),
        containers: app.map((cpu, i) => ({ name: `c${i}`, resources: { requests: { cpu } } })),
      },
    };
    expect(formatQuantity(podRequestsAndLimits(pod as never).requests.get("cpu") ?? ZERO)).toBe(want);
  });
});
