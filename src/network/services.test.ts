import { describe, expect, it } from "vitest";
import type { Service } from "kubernetes-types/core/v1";
import { Random } from "../clock/random";
import { Controller } from "../runtime/controller";
import { endpointSliceControllerSpec } from "../controllers/endpointslice";
import { TestEnv } from "../controllers/test-env";
import { pickBackend, routableEndpoints, serviceByClusterIP, serviceByNodePort, serviceEndpoints, serviceFQDN, targetPortOf } from "./services";

function env(): TestEnv {
  const e = new TestEnv();
  e.addNode("node-1");
  e.start(new Controller(endpointSliceControllerSpec()));
  return e;
}

function svc(name: string, spec: Partial<NonNullable<Service["spec"]>>): Service {
  return { metadata: { name }, spec: { selector: { app: name }, ports: [{ name: "http", port: 80, targetPort: 8080 }], ...spec } };
}

function runningPod(e: TestEnv, name: string, app: string, extra: { hostname?: string; subdomain?: string; ready?: boolean } = {}): string {
  e.create("Pod", {
    metadata: { name, labels: { app } },
    spec: { nodeName: "node-1", ...(extra.hostname ? { hostname: extra.hostname, subdomain: extra.subdomain } : {}), containers: [{ name: "c" }] },
  });
  e.setPodPhase(name, "Running", { ready: extra.ready ?? true });
  return e.get("Pod", name)!.status!.podIP!;
}

describe("Service addresses", () => {
  it("names the Service by its FQDN and ClusterIP", () => {
    const e = env();
    e.create("Service", svc("web", { clusterIP: "10.96.5.5" }));
    expect(serviceFQDN("web", "default")).toBe("web.default.svc.cluster.local");
    expect(serviceByClusterIP(e.store, "10.96.5.5")?.metadata.name).toBe("web");
    expect(serviceByClusterIP(e.store, "10.96.5.6")).toBeUndefined();
  });

  it("publishes StatefulSet pods' hostnames on the headless Service's endpoints", () => {
    const e = env();
    const s = e.create("Service", svc("nginx", { clusterIP: "None" }));
    const ip0 = runningPod(e, "web-0", "nginx", { hostname: "web-0", subdomain: "nginx" });
    e.runUntil(0);
    expect(serviceEndpoints(e.store, s)).toEqual([expect.objectContaining({ ip: ip0, hostname: "web-0", podName: "web-0", ready: true })]);
  });
});

describe("kube-proxy backends", () => {
  it("routes to ready endpoints only, picking uniformly at random", () => {
    const e = env();
    const s = e.create("Service", svc("web", { clusterIP: "10.96.5.5", type: "NodePort" }));
    e.store.mutate("Service", "default", "web", (x) => { x.spec!.ports![0]!.nodePort = 30080; });
    const a = runningPod(e, "a", "web");
    const b = runningPod(e, "b", "web");
    runningPod(e, "c", "web", { ready: false });
    e.runUntil(0);
    expect(serviceEndpoints(e.store, s)).toHaveLength(3);
    const backends = routableEndpoints(e.store, s);
    expect(backends.map((x) => x.ip).sort()).toEqual([a, b].sort());
    const rand = new Random(1, "test");
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(pickBackend(backends, rand)!.ip);
    expect(seen.size).toBe(2);
    expect(targetPortOf(s, 80, backends[0]!)).toBe(8080);
    expect(serviceByNodePort(e.store, 30080)?.metadata.name).toBe("web");
  });

  it("falls back to serving terminating endpoints when none is ready", () => {
    const e = env();
    const s = e.create("Service", svc("web", { clusterIP: "10.96.5.5" }));
    const a = runningPod(e, "a", "web");
    e.runUntil(0);
    e.store.delete("Pod", "default", "a");
    e.runUntil(1);
    expect(routableEndpoints(e.store, s).map((x) => x.ip)).toEqual([a]);
    expect(pickBackend([], new Random(1))).toBeUndefined();
  });
});
