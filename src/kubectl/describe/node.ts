/**
 * `kubectl describe node` (describeNode and describeNodeResource in describe.go): conditions,
 * addresses, capacity, system info, the non-terminated pods with their requests and limits as a
 * share of allocatable, and the allocated totals.
 *
 * The engine has no Lease kind (the kubelet heartbeats through node status), so the Lease section
 * is what a kubelet's lease would say: held by the node, renewed at its last heartbeat.
 */
import type { Container, Event, Node, Pod } from "kubernetes-types/core/v1";
import { add, cmp, decodeQuantity, formatQuantity, isQuantityError, milliValue, value, ZERO, type Quantity } from "../../api/quantity";
import { ageSince } from "../age";
import { nodeRoles } from "../table-cluster";
import { describeEvents } from "./events";
import {
  LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z,
  sortedResources, tabbedString, goBool, type PrefixWriter,
} from "./writer";

type ResourceList = Map<string, Quantity>;

function q(v: unknown): Quantity | undefined {
  const r = decodeQuantity(v);
  return isQuantityError(r) ? undefined : r;
}

function addList(into: ResourceList, list: Readonly<Record<string, unknown>> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const x = q(v);
    if (x) into.set(k, into.has(k) ? add(into.get(k)!, x) : x);
  }
}

function maxList(into: ResourceList, list: ResourceList): void {
  for (const [k, v] of list) if (!into.has(k) || cmp(v, into.get(k)!) > 0) into.set(k, v);
}

/**
 * resourcehelper.PodRequestsAndLimits: app containers and sidecars summed, each regular init
 * container (with the sidecars started before it) taken as a floor, plus the pod overhead.
 */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceList; limits: ResourceList } {
  const sum = (pick: (c: Container) => Readonly<Record<string, unknown>> | undefined): ResourceList => {
    const total: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) addList(total, pick(c));
    const sidecars: ResourceList = new Map();
    const floor: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      if (c.restartPolicy === "Always") {
        addList(sidecars, pick(c));
        addList(total, pick(c));
      } else {
        const need: ResourceList = new Map(sidecars);
        addList(need, pick(c));
        maxList(floor, need);
      }
    }
    maxList(total, floor);
    addList(total, pod.spec?.overhead as Record<string, unknown> | undefined);
    return total;
  };
  return { requests: sum((c) => c.resources?.requests), limits: sum((c) => c.resources?.limits) };
}

const fmt = (list: ResourceList, name: string): string => formatQuantity(list.get(name) ?? ZERO);
/** Go's int64(float64 fraction): truncation toward zero. */
const percent = (num: number, den: number): number => (den === 0 ? 0 : Math.trunc((num / den) * 100));

function describeNodeResource(w: PrefixWriter, pods: readonly Pod[], node: Node, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const alloc: Readonly<Record<string, unknown>> = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : node.status?.capacity ?? {};
  const allocQ = (name: string): Quantity => q(alloc[name]) ?? ZERO;
  const cpuAlloc = milliValue(allocQ("cpu")), memAlloc = value(allocQ("memory")), ephAlloc = value(allocQ("ephemeral-storage"));
  const totalReq: ResourceList = new Map(), totalLim: ResourceList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [k, v] of requests) totalReq.set(k, totalReq.has(k) ? add(totalReq.get(k)!, v) : v);
    for (const [k, v] of limits) totalLim.set(k, totalLim.has(k) ? add(totalLim.get(k)!, v) : v);
    const m = (l: ResourceList, n: string) => milliValue(l.get(n) ?? ZERO);
    const b = (l: ResourceList, n: string) => value(l.get(n) ?? ZERO);
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t`
      + `${fmt(requests, "cpu")} (${percent(m(requests, "cpu"), cpuAlloc)}%)\t${fmt(limits, "cpu")} (${percent(m(limits, "cpu"), cpuAlloc)}%)\t`
      + `${fmt(requests, "memory")} (${percent(b(requests, "memory"), memAlloc)}%)\t${fmt(limits, "memory")} (${percent(b(limits, "memory"), memAlloc)}%)\t`
      + `${ageSince(pod.metadata?.creationTimestamp, nowMs)}\n`);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const line = (name: string, den: number, scaled: (x: Quantity) => number) => {
    const r = totalReq.get(name) ?? ZERO, l = totalLim.get(name) ?? ZERO;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${percent(scaled(r), den)}%)\t${formatQuantity(l)} (${percent(scaled(l), den)}%)\n`);
  };
  line("cpu", cpuAlloc, milliValue);
  line("memory", memAlloc, value);
  line("ephemeral-storage", ephAlloc, value);
  const names = Object.keys(alloc).sort();
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) line(name, value(allocQ(name)), value);
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);
  for (const name of names.filter((n) => !standard.has(n) && !n.startsWith("hugepages-"))) {
    w.write(LEVEL_1, `${name}\t${fmt(totalReq, name)}\t${fmt(totalLim, name)}\n`);
  }
}

/** `pods` are the node's pods; the non-terminated ones are listed. */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const st = node.status;
    w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
    printLabelsMultiline(w, "Labels", node.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, "Taints", node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(node.spec?.unschedulable)}\n`);
    const heartbeat = st?.conditions?.find((c) => c.type === "Ready")?.lastHeartbeatTime;
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, `HolderIdentity:\t${heartbeat ? node.metadata?.name ?? "" : "<unset>"}\n`);
    w.write(LEVEL_1, "AcquireTime:\t<unset>\n");
    w.write(LEVEL_1, `RenewTime:\t${heartbeat ? rfc1123z(heartbeat) : "<unset>"}\n`);
    if (st?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of st.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of st?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Readonly<Record<string, string | number>> | undefined) => {
      for (const [k, v] of sortedResources(list)) w.write(LEVEL_0, `  ${k}:\t${v}\n`);
    };
    if (Object.keys(st?.capacity ?? {}).length) {
      w.write(LEVEL_0, "Capacity:\n");
      printList(st!.capacity as Record<string, string>);
    }
    if (Object.keys(st?.allocatable ?? {}).length) {
      w.write(LEVEL_0, "Allocatable:\n");
      printList(st!.allocatable as Record<string, string>);
    }
    const info = st?.nodeInfo;
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ""}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ""}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    const nonTerminated = pods.filter((p) => p.spec?.nodeName === node.metadata?.name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
    describeNodeResource(w, nonTerminated, node, nowMs);
    if (events) describeEvents(w, events, nowMs);
  });
}

