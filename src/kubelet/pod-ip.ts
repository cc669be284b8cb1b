/**
 * Pod IPs from the node's podCIDR, as the CNI's host-local IPAM hands them out: the lowest free
 * address of the node's /24, skipping .0 (network) and .1 (the bridge gateway).
 */

export function podIPFor(podCIDR: string | undefined, used: ReadonlySet<string>): string {
  const base = (podCIDR ?? "10.244.0.0/24").split("/")[0]!.split(".").slice(0, 3).join(".");
  for (let i = 2; i < 255; i++) {
    const ip = `${base}.${i}`;
    if (!used.has(ip)) return ip;
  }
  return `${base}.254`;
}
