/**
 * Pod IPs from the node's podCIDR, as the CNI's host-local IPAM hands them out: the next free
 * address of the node's /24, skipping .0 (network) and .1 (the bridge gateway).
 */
import type { ObjectStore } from "../api/store";

export function podIPFor(store: ObjectStore, nodeName: string): string {
  const node = store.get("Node", undefined, nodeName);
  const cidr = node?.spec?.podCIDR ?? "10.244.0.0/24";
  const base = cidr.split("/")[0]!.split(".").slice(0, 3).join(".");
  const used = new Set<string>();
  for (const p of store.list("Pod")) {
    if (p.spec?.nodeName === nodeName && p.status?.podIP) used.add(p.status.podIP);
  }
  for (let i = 2; i < 255; i++) {
    const ip = `${base}.${i}`;
    if (!used.has(ip)) return ip;
  }
  return `${base}.254`;
}
