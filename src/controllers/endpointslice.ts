/**
 * The EndpointSlice controller (pkg/controller/endpointslice, staging k8s.io/endpointslice
 * reconciler and utils, v1.36): for each Service with a selector, slices named
 * `<service>-<5 random>` listing every selected pod that has an IP and is not terminal, with
 * conditions ready = publishNotReadyAddresses || (pod Ready && not terminating), serving =
 * publishNotReadyAddresses || pod Ready, terminating = being deleted. Pods are grouped by the
 * ports their named targetPorts resolve to, at most 100 endpoints per slice; a Service selecting
 * nothing keeps one empty placeholder slice. Slices are owned by their Service.
 *
 * Not modelled: topology hints / trafficDistribution, the last-change-trigger-time annotation,
 * dual-stack (IPv4 only).
 */
import { equalJSON } from "../api/json";
import type { Pod, Service, ServicePort } from "kubernetes-types/core/v1";
import type { Endpoint, EndpointPort, EndpointSlice } from "kubernetes-types/discovery/v1";
import { selectorFromSet } from "../api/selector";
import type { ObjectStore } from "../api/store";
import type { Stored } from "../api/types";
import { Controller, done, keyOf, splitKey, type ControllerSpec } from "../runtime/controller";
import type { Component } from "../sim/component";
import { isPodReady, newControllerRef } from "./pod-util";

export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller";
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const MANAGED_BY = "endpointslice-controller.k8s.io";
export const HEADLESS_LABEL = "service.kubernetes.io/headless";
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** Services whose pods an endpoints controller manages: a selector, and not ExternalName. */
export function managesEndpoints(svc: Service): boolean {
  return svc.spec?.type !== "ExternalName" && Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/** The pods a Service selects, in name order. */
export function selectedPods(store: ObjectStore, svc: Stored<"Service">): Stored<"Pod">[] {
  const sel = selectorFromSet(svc.spec?.selector);
  return store.list("Pod", svc.metadata.namespace).filter((p) => sel.matches(p.metadata.labels));
}

/** ShouldPodBeInEndpoints: an IP, not terminal, and (unless asked for) not being deleted. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/** ShouldSetHostname: the pod's hostname is published when its subdomain is this Service. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return Boolean(pod.spec?.hostname) && pod.spec?.subdomain === svc.metadata?.name && pod.metadata?.namespace === svc.metadata?.namespace;
}

/** podutil.FindPort: a numeric targetPort as is (the port when unset); a named one from the pod's container ports. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP")) return p.containerPort;
    }
  }
  return undefined;
}

function endpointPorts(pod: Pod, svc: Service): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP", ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** podToEndpoint. */
function podToEndpoint(store: ObjectStore, pod: Stored<"Pod">, svc: Stored<"Service">): Endpoint {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const serving = publish || isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const node = pod.spec?.nodeName ? store.get("Node", undefined, pod.spec.nodeName) : undefined;
  const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"];
  return {
    addresses: [pod.status?.podIP ?? pod.status!.podIPs![0]!.ip!],
    conditions: { ready: publish || (serving && !terminating), serving, terminating },
    ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ...(zone ? { zone } : {}),
  };
}

/** setEndpointSliceLabels: the Service's labels, the headless mark, then ours. */
function sliceLabels(svc: Stored<"Service">): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v;
  }
  if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  return labels;
}

const portsKey = (ports: readonly EndpointPort[] | undefined): string =>
  JSON.stringify([...(ports ?? [])].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || (a.port ?? 0) - (b.port ?? 0)));

export const endpointSliceControllerFactory = (): Component => new Controller(endpointSliceControllerSpec());

export function endpointSliceControllerSpec(): ControllerSpec {
  return {
    name: ENDPOINTSLICE_CONTROLLER,
    watch(ctx, enqueue) {
      watchServicesAndPods(ctx.store, enqueue);
      ctx.store.watch("EndpointSlice", (ev) => {
        const svc = ev.object.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc && ev.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY) enqueue(`${ev.object.metadata.namespace}/${svc}`);
      });
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const { store } = ctx;
      const svc = store.get("Service", namespace, name);
      const existing = store.list("EndpointSlice", namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
      if (!svc || !managesEndpoints(svc) || svc.metadata.deletionTimestamp) {
        // Slices of a Service that is gone are its owner's garbage; a selector removed leaves them to their owner.
        if (svc && !svc.metadata.deletionTimestamp && !managesEndpoints(svc)) for (const s of existing) store.delete("EndpointSlice", namespace, s.metadata.name);
        return done;
      }
      // Group the endpoints by their resolved ports.
      const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
      for (const pod of selectedPods(store, svc)) {
        if (!shouldPodBeInEndpoints(pod, true)) continue;
        const ports = endpointPorts(pod, svc);
        const k = portsKey(ports);
        const g = groups.get(k) ?? { ports, endpoints: [] };
        g.endpoints.push(podToEndpoint(store, pod, svc));
        groups.set(k, g);
      }
      const wanted: Array<{ ports: EndpointPort[] | undefined; endpoints: Endpoint[] | undefined; key: string }> = [];
      for (const [k, g] of groups) {
        for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) wanted.push({ key: k, ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
      }
      // A Service with no endpoints keeps one placeholder slice with neither endpoints nor ports.
      if (wanted.length === 0) wanted.push({ key: portsKey(undefined), ports: undefined, endpoints: undefined });
      const labels = sliceLabels(svc);
      const unused = [...existing];
      for (const w of wanted) {
        // Reuse a slice with the same ports, else any leftover one, so names stay stable.
        let i = unused.findIndex((s) => portsKey(s.ports) === w.key);
        if (i < 0 && unused.length) i = 0;
        if (i >= 0) {
          const cur = unused.splice(i, 1)[0]!;
          // Most pod changes touch one slice of many: leave the others unwritten.
          const same = equalJSON(cur.metadata.labels, labels) && cur.addressType === "IPv4" && equalJSON(cur.endpoints, w.endpoints) && equalJSON(cur.ports, w.ports);
          if (same) continue;
          store.mutate("EndpointSlice", namespace, cur.metadata.name, (s) => {
            s.metadata.labels = labels;
            s.addressType = "IPv4";
            setOrDelete(s, "endpoints", w.endpoints);
            setOrDelete(s, "ports", w.ports);
          });
        } else {
          store.create("EndpointSlice", {
            metadata: { generateName: `${svc.metadata.name}-`, namespace, labels, ownerReferences: [newControllerRef(svc)] },
            addressType: "IPv4",
            ...(w.endpoints ? { endpoints: w.endpoints } : {}),
            ...(w.ports ? { ports: w.ports } : {}),
          } as EndpointSlice);
        }
      }
      for (const s of unused) store.delete("EndpointSlice", namespace, s.metadata.name);
      return done;
    },
  };
}

/** Sets a field, or removes it when there is no value (the placeholder slice has neither endpoints nor ports). */
function setOrDelete<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}

/**
 * The watches both endpoints controllers share: a Service change syncs it; a pod change syncs every
 * Service selecting the pod before or after (labels may have moved it).
 */
export function watchServicesAndPods(store: ObjectStore, enqueue: (key: string) => void): void {
  store.watch("Service", (ev) => enqueue(keyOf(ev.object)));
  store.watch("Pod", (ev) => {
    const ns = ev.object.metadata.namespace;
    for (const svc of store.list("Service", ns)) {
      if (!managesEndpoints(svc)) continue;
      const sel = selectorFromSet(svc.spec?.selector);
      if (sel.matches(ev.object.metadata.labels) || (ev.old && sel.matches(ev.old.metadata.labels))) enqueue(keyOf(svc));
    }
  });
}
