/**
 * NodeInfo (pkg/scheduler/framework types.go): a node with the aggregate of the pods assigned to
 * it, kept up to date incrementally from watch events so that a scheduling cycle never lists the
 * store. Requested resources count every non-terminal pod bound to the node, terminating ones
 * included (they still hold their resources until the kubelet removes them).
 */
import type { Taint } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import type { HostPort, PodInfo } from "./pod-info";
import { emptyResources, nodeAllocatable, type Allocatable, type Resources } from "./resources";

const DEFAULT_BIND_ALL_HOST_IP = "0.0.0.0";

/**
 * HostPortInfo: protocol/port → host IP → number of pods using it. A wildcard IP (0.0.0.0)
 * conflicts with every IP on the same protocol and port.
 */
export class HostPortInfo {
  private readonly used = new Map<string, Map<string, number>>();

  add(p: HostPort): void {
    const k = `${p.protocol}/${p.port}`;
    let ips = this.used.get(k);
    if (!ips) this.used.set(k, (ips = new Map()));
    ips.set(p.ip, (ips.get(p.ip) ?? 0) + 1);
  }

  remove(p: HostPort): void {
    const k = `${p.protocol}/${p.port}`;
    const ips = this.used.get(k);
    if (!ips) return;
    const n = (ips.get(p.ip) ?? 0) - 1;
    if (n > 0) ips.set(p.ip, n);
    else ips.delete(p.ip);
    if (ips.size === 0) this.used.delete(k);
  }

  /** CheckConflict. */
  conflicts(p: HostPort): boolean {
    if (p.port <= 0) return false;
    const ips = this.used.get(`${p.protocol}/${p.port}`);
    if (!ips) return false;
    if (p.ip === DEFAULT_BIND_ALL_HOST_IP) return ips.size > 0;
    return ips.has(DEFAULT_BIND_ALL_HOST_IP) || ips.has(p.ip);
  }

  get size(): number {
    return this.used.size;
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [k, ips] of this.used) c.used.set(k, new Map(ips));
    return c;
  }
}

export class NodeInfo {
  node: Stored<"Node">;
  name: string;
  labels: Readonly<Record<string, string>>;
  taints: readonly Taint[];
  unschedulable: boolean;
  allocatable: Allocatable;
  /** Image name (as node.status.images lists it) → size in bytes. */
  images: ReadonlyMap<string, number>;

  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  readonly requested: Resources = emptyResources();
  nonZeroCpu = 0;
  nonZeroMemory = 0;
  usedPorts = new HostPortInfo();

  constructor(node: Stored<"Node">) {
    this.node = node;
    this.name = node.metadata.name;
    this.labels = {};
    this.taints = [];
    this.unschedulable = false;
    this.allocatable = nodeAllocatable(undefined);
    this.images = new Map();
    this.setNode(node);
  }

  /** Takes a new version of the node object; pods are kept. */
  setNode(node: Stored<"Node">): void {
    this.node = node;
    this.name = node.metadata.name;
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.unschedulable = node.spec?.unschedulable === true;
    // The kubelet reports allocatable; a node document that gives only capacity means the same.
    const st = node.status;
    this.allocatable = nodeAllocatable((st?.allocatable ?? st?.capacity) as Record<string, string> | undefined);
    const images = new Map<string, number>();
    for (const img of st?.images ?? []) for (const n of img.names ?? []) images.set(n, img.sizeBytes ?? 0);
    this.images = images;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    if (p.hasAffinity) this.podsWithAffinity.push(p);
    if (p.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(p);
    this.account(p, 1);
  }

  /** Removes the pod with p's uid; returns false when the node does not hold it. */
  removePod(p: PodInfo): boolean {
    const i = indexOfUid(this.pods, p.uid);
    if (i < 0) return false;
    const held = this.pods[i]!;
    swapRemove(this.pods, i);
    const a = indexOfUid(this.podsWithAffinity, p.uid);
    if (a >= 0) swapRemove(this.podsWithAffinity, a);
    const r = indexOfUid(this.podsWithRequiredAntiAffinity, p.uid);
    if (r >= 0) swapRemove(this.podsWithRequiredAntiAffinity, r);
    this.account(held, -1);
    return true;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    const r = p.requests;
    this.requested.cpu += sign * r.cpu;
    this.requested.memory += sign * r.memory;
    this.requested.ephemeralStorage += sign * r.ephemeralStorage;
    if (r.scalar) {
      const s = (this.requested.scalar ??= new Map());
      for (const [k, v] of r.scalar) s.set(k, (s.get(k) ?? 0) + sign * v);
    }
    this.nonZeroCpu += sign * p.nonZeroCpu;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    for (const hp of p.hostPorts) {
      if (sign > 0) this.usedPorts.add(hp);
      else this.usedPorts.remove(hp);
    }
  }

  /** A copy whose pods and aggregates can change independently (preemption dry runs). */
  clone(): NodeInfo {
    const c = Object.create(NodeInfo.prototype) as NodeInfo;
    Object.assign(c, this);
    (c as { pods: PodInfo[] }).pods = this.pods.slice();
    (c as { podsWithAffinity: PodInfo[] }).podsWithAffinity = this.podsWithAffinity.slice();
    (c as { podsWithRequiredAntiAffinity: PodInfo[] }).podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.slice();
    (c as { requested: Resources }).requested = {
      ...this.requested,
      scalar: this.requested.scalar ? new Map(this.requested.scalar) : undefined,
    };
    c.usedPorts = this.usedPorts.clone();
    return c;
  }
}

function indexOfUid(list: readonly PodInfo[], uid: string): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.uid === uid) return i;
  return -1;
}

/** Upstream removes from a pod slice by moving the last element into the hole. */
function swapRemove<T>(list: T[], i: number): void {
  const last = list.length - 1;
  if (i !== last) list[i] = list[last]!;
  list.pop();
}
