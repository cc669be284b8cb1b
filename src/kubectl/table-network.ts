/**
 * `kubectl get` tables of networking kinds: services, endpoints, endpointslices, ingresses
 * (upstream printService, printEndpoints, printEndpointSlice, printIngress). The server prints
 * these with `Wide: true`, so load-balancer addresses are never clipped to 16 characters.
 */
import type { Endpoints, Service } from "kubernetes-types/core/v1";
import type { Endpoint, EndpointPort } from "kubernetes-types/discovery/v1";
import type { IngressRule } from "kubernetes-types/networking/v1";
import { ageSince } from "./age";
import { formatLabels } from "./labels";
import { ageColumn, nameColumn, wide, type TableDefs } from "./table-def";

type NetworkKind = "Service" | "Endpoints" | "EndpointSlice" | "Ingress";

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `net.JoinHostPort`: IPv6 hosts in brackets. */
const joinHostPort = (host: string, port: number): string => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** Load-balancer ingress points as a sorted set of IPs (or hostnames when no IP), comma-joined. */
function loadBalancerString(ingress: Array<{ ip?: string; hostname?: string }> | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(byCodePoint).join(",");
}

/** `getServiceExternalIP`. */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerString(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
    default:
      return "<unknown>";
  }
}

/** `makePortString`: "80/TCP", "80:30080/TCP", comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`))
    .join(",");
}

/** `formatEndpoints`: ready addresses × ports, at most 3, then "+ N more...". */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

function formatDiscoveryPorts(ports: readonly EndpointPort[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : "*");
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

function formatDiscoveryEndpoints(endpoints: readonly Endpoint[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

/** `formatHosts`: up to 3 rule hosts, "*" when none. */
function formatHosts(rules: readonly IngressRule[] | undefined): string {
  const rs = rules ?? [];
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rs) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return "*";
  const ret = list.join(",");
  return more ? `${ret} + ${rs.length - max} more...` : ret;
}

export const networkTables: TableDefs<NetworkKind> = {
  Service: {
    columns: [nameColumn, { name: "Type" }, { name: "Cluster-IP" }, { name: "External-IP" }, { name: "Port(s)" }, ageColumn,
      wide("Selector")],
    row(svc, now) {
      const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP;
      return [svc.metadata?.name ?? "", svc.spec?.type ?? "ClusterIP", clusterIP ? clusterIP : "<none>", serviceExternalIP(svc),
        servicePorts(svc) || "<none>", ageSince(svc.metadata?.creationTimestamp, now), formatLabels(svc.spec?.selector)];
    },
  },
  Endpoints: {
    columns: [nameColumn, { name: "Endpoints" }, ageColumn],
    row(ep, now) {
      return [ep.metadata?.name ?? "", formatEndpoints(ep), ageSince(ep.metadata?.creationTimestamp, now)];
    },
  },
  EndpointSlice: {
    columns: [nameColumn, { name: "AddressType" }, { name: "Ports" }, { name: "Endpoints" }, ageColumn],
    row(es, now) {
      return [es.metadata?.name ?? "", es.addressType, formatDiscoveryPorts(es.ports), formatDiscoveryEndpoints(es.endpoints),
        ageSince(es.metadata?.creationTimestamp, now)];
    },
  },
  Ingress: {
    columns: [nameColumn, { name: "Class" }, { name: "Hosts" }, { name: "Address" }, { name: "Ports" }, ageColumn],
    row(ing, now) {
      return [ing.metadata?.name ?? "", ing.spec?.ingressClassName ?? "<none>", formatHosts(ing.spec?.rules),
        loadBalancerString(ing.status?.loadBalancer?.ingress), ing.spec?.tls && ing.spec.tls.length > 0 ? "80, 443" : "80",
        ageSince(ing.metadata?.creationTimestamp, now)];
    },
  },
};
