/**
 * The legacy Endpoints controller (pkg/controller/endpoint/endpoints_controller.go; the v1
 * Endpoints API is deprecated since v1.33 but still maintained, and `kubectl get endpoints` reads
 * it): one Endpoints object named like its Service, with ready pods under `addresses` and
 * not-ready ones under `notReadyAddresses` (publishNotReadyAddresses puts every pod under
 * addresses, terminating ones included; otherwise terminating pods are left out), repacked into
 * one subset per set of ports. It is deleted with its Service.
 */
import { equalJSON } from "../api/json";
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import { Controller, done, splitKey, type ControllerSpec } from "../runtime/controller";
import type { Component } from "../sim/component";
import { findPort, HEADLESS_LABEL, managesEndpoints, selectedPods, shouldPodBeInEndpoints, shouldSetHostname, watchServicesAndPods } from "./endpointslice";
import { isPodReady } from "./pod-util";

export const ENDPOINTS_CONTROLLER = "endpoints-controller";

export const endpointsControllerFactory = (): Component => new Controller(endpointsControllerSpec());

interface Group {
  ports: EndpointPort[];
  ready: Map<string, EndpointAddress>;
  notReady: Map<string, EndpointAddress>;
}

/** RepackSubsets + SortSubsets: one subset per port set, addresses by IP, ready winning over not ready. */
export function repackSubsets(entries: ReadonlyArray<{ address: EndpointAddress; ready: boolean; ports: EndpointPort[] }>): EndpointSubset[] {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const ports = [...e.ports].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.port - b.port);
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, ready: new Map(), notReady: new Map() };
    const ip = e.address.ip;
    if (e.ready) {
      g.ready.set(ip, e.address);
      g.notReady.delete(ip);
    } else if (!g.ready.has(ip)) {
      g.notReady.set(ip, e.address);
    }
    groups.set(key, g);
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => ({
    ...(g.ready.size ? { addresses: [...g.ready.values()].sort(byIP) } : {}),
    ...(g.notReady.size ? { notReadyAddresses: [...g.notReady.values()].sort(byIP) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

function desiredSubsets(svc: Stored<"Service">, pods: ReadonlyArray<Stored<"Pod">>): EndpointSubset[] {
  const tolerate = svc.spec?.publishNotReadyAddresses === true;
  const entries: Array<{ address: EndpointAddress; ready: boolean; ports: EndpointPort[] }> = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const address: EndpointAddress = {
      ip: pod.status?.podIP ?? pod.status!.podIPs![0]!.ip!,
      ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    const ready = tolerate || isPodReady(pod);
    const svcPorts = svc.spec?.ports ?? [];
    if (svcPorts.length === 0) {
      if (svc.spec?.clusterIP === "None") entries.push({ address, ready, ports: [] });
      continue;
    }
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const epp: EndpointPort = { port, protocol: sp.protocol ?? "TCP", ...(sp.name ? { name: sp.name } : {}), ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
      entries.push({ address, ready, ports: [epp] });
    }
  }
  return repackSubsets(entries);
}

export function endpointsControllerSpec(): ControllerSpec {
  return {
    name: ENDPOINTS_CONTROLLER,
    watch(ctx, enqueue) {
      watchServicesAndPods(ctx.store, enqueue);
    },
    reconcile(ctx, key) {
      const { namespace, name } = splitKey(key);
      const { store } = ctx;
      const svc = store.get("Service", namespace, name);
      const cur = store.get("Endpoints", namespace, name);
      if (!svc) {
        // The Service is gone: so are its endpoints (the API server's own `kubernetes` ones are not ours).
        if (cur && name !== "kubernetes") store.delete("Endpoints", namespace, name);
        return done;
      }
      if (!managesEndpoints(svc)) return done;
      const labels: Record<string, string> = { ...svc.metadata.labels };
      if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
      else delete labels[HEADLESS_LABEL];
      const subsets = desiredSubsets(svc, selectedPods(store, svc));
      const next: Endpoints = {
        metadata: { name, namespace, ...(Object.keys(labels).length ? { labels } : {}) },
        ...(subsets.length ? { subsets } : {}),
      };
      if (!cur) {
        store.create("Endpoints", next);
        return done;
      }
      // Most pod changes do not move an address: compare before copying a thousand of them.
      if (equalJSON(cur.subsets, next.subsets) && equalJSON(cur.metadata.labels, next.metadata!.labels)) return done;
      store.mutate("Endpoints", namespace, name, (e) => {
        if (next.metadata!.labels) e.metadata.labels = next.metadata!.labels;
        else delete e.metadata.labels;
        if (next.subsets) e.subsets = next.subsets;
        else delete e.subsets;
      });
      return done;
    },
  };
}
