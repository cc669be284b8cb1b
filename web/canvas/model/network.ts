/**
 * Services and Ingresses on the canvas: a Service with edges to its ready endpoints (read from its
 * EndpointSlices, as kube-proxy does: endpoints whose `conditions.ready` is not false), an Ingress
 * with edges to the Services its rules and default backend name.
 */
import type { Kind, ObjectKey, Stored } from "../../../src/api/types";
import { podId } from "./pods";

/** The label tying an EndpointSlice to its Service (discovery.k8s.io LabelServiceName). */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

export type ServiceView = {
  id: string;
  name: string;
  namespace: string;
  /** ClusterIP, NodePort, LoadBalancer, ExternalName. */
  type: string;
  /** "80/TCP, 443/TCP" as `kubectl get svc` prints PORT(S) (with node ports as "80:30080/TCP"). */
  ports: string;
  /** Canvas ids of the pods that are ready endpoints, sorted. */
  endpoints: readonly string[];
};

export type IngressView = {
  id: string;
  name: string;
  namespace: string;
  hosts: string;
  /** Canvas ids of the backend Services, sorted. */
  backends: readonly string[];
};

export function serviceId(namespace: string | undefined, name: string): string {
  return `Service/${namespace ?? "default"}/${name}`;
}

function portsText(svc: Stored<"Service">): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return "<none>";
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`).join(",");
}

type Objects = ReadonlyMap<ObjectKey, Stored<Kind>>;

export function serviceViews(objects: Objects): ServiceView[] {
  const ready = new Map<string, Set<string>>();
  for (const o of objects.values()) {
    if (o.kind !== "EndpointSlice") continue;
    const slice = o as Stored<"EndpointSlice">;
    const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const id = serviceId(slice.metadata.namespace, svc);
    const set = ready.get(id) ?? new Set<string>();
    for (const e of slice.endpoints ?? []) {
      if (e.conditions?.ready === false || e.targetRef?.kind !== "Pod" || !e.targetRef.name) continue;
      set.add(podId(e.targetRef.namespace ?? slice.metadata.namespace, e.targetRef.name));
    }
    ready.set(id, set);
  }
  const out: ServiceView[] = [];
  for (const o of objects.values()) {
    if (o.kind !== "Service") continue;
    const svc = o as Stored<"Service">;
    const id = serviceId(svc.metadata.namespace, svc.metadata.name);
    out.push({
      id,
      name: svc.metadata.name,
      namespace: svc.metadata.namespace ?? "default",
      type: svc.spec?.type ?? "ClusterIP",
      ports: portsText(svc),
      endpoints: [...(ready.get(id) ?? [])].sort(),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ingressViews(objects: Objects): IngressView[] {
  const out: IngressView[] = [];
  for (const o of objects.values()) {
    if (o.kind !== "Ingress") continue;
    const ing = o as Stored<"Ingress">;
    const ns = ing.metadata.namespace;
    const backends = new Set<string>();
    const def = ing.spec?.defaultBackend?.service?.name;
    if (def) backends.add(serviceId(ns, def));
    const hosts: string[] = [];
    for (const rule of ing.spec?.rules ?? []) {
      if (rule.host) hosts.push(rule.host);
      for (const p of rule.http?.paths ?? []) if (p.backend.service?.name) backends.add(serviceId(ns, p.backend.service.name));
    }
    out.push({
      id: `Ingress/${ns ?? "default"}/${ing.metadata.name}`,
      name: ing.metadata.name,
      namespace: ns ?? "default",
      hosts: hosts.length > 0 ? hosts.join(",") : "*",
      backends: [...backends].sort(),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
