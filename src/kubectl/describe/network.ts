/**
 * `kubectl describe` of Services, Endpoints, EndpointSlices and Ingresses (describeService,
 * describeEndpoints, describeEndpointSliceV1, describeIngressV1 and formatEndpointSlices in
 * describe.go).
 */
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import type { Endpoints, Event, Service } from "kubernetes-types/core/v1";
import type { Ingress, IngressBackend } from "kubernetes-types/networking/v1";
import { formatLabels } from "../labels";
import { describeEvents } from "./events";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from "./writer";

/** The well-known label linking an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

const joinHostPort = (host: string, port: number): string => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * formatEndpointSlices: the ready addresses (host:port for the named ports), at most three, then
 * "+ N more..."; "<none>" without slices.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], ports: ReadonlySet<string> | undefined): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false, count = 0;
  for (const s of slices) {
    if (!s.ports?.length) {
      for (const ep of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!(ep.conditions?.ready ?? true)) continue;
        if (!more) list.push(ep.addresses[0] ?? "");
        count++;
      }
      continue;
    }
    for (const port of s.ports) {
      if (ports && !ports.has(port.name ?? "")) continue;
      for (const ep of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!(ep.conditions?.ready ?? true)) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0] ?? "", port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(svc: Service, slices: readonly EndpointSlice[], events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", svc.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const lb = svc.status?.loadBalancer?.ingress ?? [];
    if (lb.length) {
      const list = lb.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ""}` : i.hostname ?? "")).join(", ");
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || "<unset>";
      const proto = sp.protocol ?? "";
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${proto}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? ""]))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describeEndpoints(ep: Endpoints, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ep.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ep.metadata?.annotations);
    w.write(LEVEL_0, "Subsets:\n");
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      if (subset.ports?.length) {
        w.write(LEVEL_1, "Ports:\n");
        w.write(LEVEL_2, "Name\tPort\tProtocol\n");
        w.write(LEVEL_2, "----\t----\t--------\n");
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? ""}\n`);
      }
      w.write(LEVEL_0, "\n");
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

export function describeEndpointSlice(eps: EndpointSlice, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", eps.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    if (!eps.ports?.length) {
      w.write(LEVEL_0, "Ports: <unset>\n");
    } else {
      w.write(LEVEL_0, "Ports:\n");
      w.write(LEVEL_1, "Name\tPort\tProtocol\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      for (const p of eps.ports) w.write(LEVEL_1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol ?? ""}\n`);
    }
    if (!eps.endpoints?.length) {
      w.write(LEVEL_0, "Endpoints: <none>\n");
    } else {
      w.write(LEVEL_0, "Endpoints:\n");
      for (const ep of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(", ") || "<none>"}\n`);
        w.write(LEVEL_2, "Conditions:\n");
        const ready = ep.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? "<unset>" : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? "<unset>"}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ""}/${ep.targetRef.name ?? ""}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? "<unset>"}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? "<unset>"}\n`);
      }
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

/** What an Ingress backend resolves to: "web:80 (10.244.1.3:8080)" (describeBackendV1). */
export type BackendLookup = (serviceName: string) => { service?: Service; slices: readonly EndpointSlice[] };

function describeBackend(b: IngressBackend | undefined, lookup: BackendLookup): string {
  if (b?.service) {
    const port = b.service.port?.number ? String(b.service.port.number) : b.service.port?.name ?? "";
    const sb = `${b.service.name}:${port}`;
    const { service, slices } = lookup(b.service.name);
    if (!service) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = "";
    for (const sp of service.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? "";
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? "";
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (b?.resource) return `APIGroup: ${b.resource.apiGroup ?? "<none>"}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return "";
}

export function describeIngress(ing: Ingress, lookup: BackendLookup, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata?.namespace ?? ""}\n`);
    const addresses = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || "").filter(Boolean))].sort();
    w.write(LEVEL_0, `Address:\t${addresses.join(",")}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ing.spec?.ingressClassName ?? "<none>"}\n`);
    const def = ing.spec?.defaultBackend ? describeBackend(ing.spec.defaultBackend, lookup) : "<default>";
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if (ing.spec?.tls?.length) {
      w.write(LEVEL_0, "TLS:\n");
      for (const t of ing.spec.tls) {
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(",")}\n` : `SNI routes ${(t.hosts ?? []).join(",")}\n`);
      }
    }
    w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    let count = 0;
    for (const rule of ing.spec?.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || "*"}\t\n`);
      for (const p of rule.http.paths) w.write(LEVEL_2, `\t${p.path ?? ""} \t${describeBackend(p.backend, lookup)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, "Annotations", ing.metadata?.annotations);
    if (events) describeEvents(w, events, nowMs);
  });
}
