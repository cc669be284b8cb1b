/**
 * Where a connection to a Service goes, as kube-proxy decides it from the objects a real cluster
 * has (Service, EndpointSlice): the ClusterIP or NodePort names the Service; the ready endpoints
 * are the backends, and only when none is ready the serving terminating ones; the iptables mode
 * picks among them at random with equal probability. Names are resolved by cluster DNS
 * (src/network/dns.ts). Nothing here writes to the store.
 */
import type { Service } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import type { Stored } from "../api/types";
import type { Random } from "../clock/random";
import { SERVICE_NAME_LABEL } from "../controllers/endpointslice";
import { CLUSTER_DOMAIN } from "./dns";

export function serviceFQDN(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** One endpoint of a Service, flattened from its EndpointSlices. */
export interface ServiceEndpoint {
  readonly ip: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly podName?: string;
  /** Port name → port, as the slice lists them. */
  readonly ports: ReadonlyArray<{ name: string; port: number; protocol: string }>;
}

export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === "None";
}

/** Every endpoint of the Service from all its EndpointSlices (ready = unset counts as ready, as consumers must). */
export function serviceEndpoints(store: ObjectStore, svc: Stored<"Service">): ServiceEndpoint[] {
  const out: ServiceEndpoint[] = [];
  for (const slice of store.list("EndpointSlice", svc.metadata.namespace)) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name) continue;
    const ports = (slice.ports ?? []).map((p) => ({ name: p.name ?? "", port: p.port ?? 0, protocol: p.protocol ?? "TCP" }));
    for (const e of slice.endpoints ?? []) {
      const c = e.conditions ?? {};
      const ready = c.ready ?? true;
      for (const ip of e.addresses) {
        out.push({
          ip, ready, serving: c.serving ?? ready, terminating: c.terminating ?? false, ports,
          ...(e.hostname ? { hostname: e.hostname } : {}),
          ...(e.nodeName ? { nodeName: e.nodeName } : {}),
          ...(e.targetRef?.name ? { podName: e.targetRef.name } : {}),
        });
      }
    }
  }
  return out;
}

/** kube-proxy's choice of backends: the ready endpoints, else the serving terminating ones. */
export function routableEndpoints(store: ObjectStore, svc: Stored<"Service">): ServiceEndpoint[] {
  const all = serviceEndpoints(store, svc);
  const ready = all.filter((e) => e.ready);
  return ready.length ? ready : all.filter((e) => e.serving && e.terminating);
}

/** The backend one connection goes to (iptables mode: uniform at random), or undefined when there is none. */
export function pickBackend(endpoints: readonly ServiceEndpoint[], rand: Random): ServiceEndpoint | undefined {
  return endpoints.length ? endpoints[rand.intn(endpoints.length)] : undefined;
}

/** The endpoint port a Service port forwards to on one endpoint (by the Service port's name). */
export function targetPortOf(svc: Service, servicePort: number, ep: ServiceEndpoint): number | undefined {
  const sp = svc.spec?.ports?.find((p) => p.port === servicePort);
  if (!sp) return undefined;
  return ep.ports.find((p) => p.name === (sp.name ?? ""))?.port;
}

/** The Service holding a ClusterIP, for connections made to the IP itself. */
export function serviceByClusterIP(store: ObjectStore, ip: string): Stored<"Service"> | undefined {
  return store.list("Service").find((s) => s.spec?.clusterIP === ip || (s.spec?.clusterIPs ?? []).includes(ip));
}

/** The Service exposing a NodePort. */
export function serviceByNodePort(store: ObjectStore, port: number): Stored<"Service"> | undefined {
  return store.list("Service").find((s) => (s.spec?.ports ?? []).some((p) => p.nodePort === port));
}
