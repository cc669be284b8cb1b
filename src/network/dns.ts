/**
 * Cluster DNS as a pod sees it (CoreDNS's kubernetes plugin, docs "DNS for Services and Pods"),
 * read from the store: Services and their EndpointSlices (as network/services.ts flattens them).
 *
 * - `<svc>.<ns>.svc.cluster.local` → the Service's ClusterIP; a headless Service (clusterIP None)
 *   → the IPs of its ready endpoints (all of them with publishNotReadyAddresses).
 * - `<hostname>.<subdomain>.<ns>.svc.cluster.local` → the pod with that hostname behind the
 *   headless Service named <subdomain> (StatefulSet pods: `web-0.nginx.default.svc.cluster.local`).
 * - `<a-b-c-d>.<ns>.pod.cluster.local` → a.b.c.d.
 * - A pod's resolver tries its search path first (`<ns>.svc.cluster.local svc.cluster.local
 *   cluster.local`, ndots:5), so `myservice` and `myservice.other` resolve too.
 * - Names outside the cluster domain stand for the internet: they resolve to a stable address in
 *   a documentation range (203.0.113.0/24), so scripts fetching a public URL keep working.
 */
import type { ObjectStore } from "../api/store";
import { serviceEndpoints } from "./services";

export const CLUSTER_DOMAIN = "cluster.local";
/** The kubelet's clusterDNS: the kube-dns Service's address in a kubeadm cluster. */
export const CLUSTER_DNS_IP = "10.96.0.10";
/** resolv.conf `options ndots:5`. */
const NDOTS = 5;

export type DnsAnswer =
  | { ok: true; fqdn: string; ips: string[]; external: boolean }
  | { ok: false; tried: string[] };

/** The search domains of a pod in `namespace` (dnsPolicy ClusterFirst). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** /etc/resolv.conf of a pod with dnsPolicy ClusterFirst. */
export function resolvConf(namespace: string): string {
  return `search ${searchPath(namespace).join(" ")}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:${NDOTS}\n`;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function uniqueSorted(ips: string[]): string[] {
  return [...new Set(ips)].sort(compareIPs);
}

export function compareIPs(a: string, b: string): number {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The A records of one fully qualified name (no trailing dot), or undefined for NXDOMAIN. */
export function lookup(store: ObjectStore, fqdn: string): string[] | undefined {
  const name = fqdn.toLowerCase().replace(/\.$/, "");
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return undefined;
  const labels = name.slice(0, -suffix.length).split(".");
  // <a-b-c-d>.<ns>.pod
  if (labels.length === 3 && labels[2] === "pod") {
    const ip = labels[0]!.replace(/-/g, ".");
    return IPV4.test(ip) && store.get("Namespace", undefined, labels[1]!) ? [ip] : undefined;
  }
  if (labels[labels.length - 1] !== "svc") return undefined;
  if (labels.length === 3) {
    const svc = store.get("Service", labels[1]!, labels[0]!);
    if (!svc) return undefined;
    const ip = svc.spec?.clusterIP;
    if (svc.spec?.type === "ExternalName") return undefined;
    if (ip && ip !== "None") return [ip];
    const publishAll = svc.spec?.publishNotReadyAddresses === true;
    const ips = serviceEndpoints(store, svc).filter((e) => publishAll || e.ready).map((e) => e.ip);
    return ips.length > 0 ? uniqueSorted(ips) : undefined;
  }
  if (labels.length === 4) {
    const [host, sub, ns] = labels as [string, string, string];
    const svc = store.get("Service", ns, sub);
    if (!svc || (svc.spec?.clusterIP && svc.spec.clusterIP !== "None")) return undefined;
    const publishAll = svc.spec?.publishNotReadyAddresses === true;
    const ips = serviceEndpoints(store, svc).filter((e) => e.hostname === host && (publishAll || e.ready)).map((e) => e.ip);
    return ips.length > 0 ? uniqueSorted(ips) : undefined;
  }
  return undefined;
}

/** A stable stand-in address for an internet name. */
function externalAddress(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `203.0.113.${(h % 253) + 1}`;
}

/** Top-level domains that exist on the internet (enough for scripts' usual targets). */
const TLDS = new Set(["com", "org", "net", "io", "dev", "app", "co", "ai", "cloud", "gov", "edu", "info", "me", "sh", "kr", "jp", "cn", "de", "uk", "fr", "us", "eu", "in", "br", "ca", "au", "nl", "se", "ch", "it", "es", "ru"]);

function looksExternal(name: string): boolean {
  return name.includes(".") && TLDS.has(name.split(".").pop()!.toLowerCase());
}

/** Resolves a name as a pod in `namespace` would (search path, ndots:5). */
export function resolveName(store: ObjectStore, name: string, namespace: string): DnsAnswer {
  const n = name.trim().toLowerCase();
  if (IPV4.test(n)) return { ok: true, fqdn: n, ips: [n], external: false };
  if (n === "localhost") return { ok: true, fqdn: "localhost", ips: ["127.0.0.1"], external: false };
  const absolute = n.endsWith(".");
  const bare = n.replace(/\.$/, "");
  const dots = (bare.match(/\./g) ?? []).length;
  const searched = searchPath(namespace).map((d) => `${bare}.${d}`);
  const candidates = absolute ? [bare] : dots >= NDOTS ? [bare, ...searched] : [...searched, bare];
  for (const c of candidates) {
    const ips = lookup(store, c);
    if (ips) return { ok: true, fqdn: c, ips, external: false };
    if (c === bare && looksExternal(bare)) return { ok: true, fqdn: bare, ips: [externalAddress(bare)], external: true };
  }
  return { ok: false, tried: candidates };
}
