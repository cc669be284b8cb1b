import { describe, expect, it } from "vitest";
import type { Pod, Service } from "kubernetes-types/core/v1";
import { Controller } from "../runtime/controller";
import { endpointSliceControllerSpec, findPort } from "./endpointslice";
import { endpointsControllerSpec } from "./endpoints";
import { TestEnv } from "./test-env";

function svc(name: string, spec: Partial<NonNullable<Service["spec"]>> = {}): Service {
  return { metadata: { name, labels: { tier: "front" } }, spec: { clusterIP: "10.96.10.10", selector: { app: "web" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }], ...spec } };
}

function pod(name: string, extra: Partial<NonNullable<Pod["spec"]>> = {}): Pod {
  return {
    metadata: { name, labels: { app: "web" } },
    spec: { nodeName: "node-1", containers: [{ name: "nginx", ports: [{ name: "web", containerPort: 8080 }] }], ...extra },
  };
}

function env(): TestEnv {
  const e = new TestEnv();
  e.addNode("node-1", { metadata: { name: "node-1", labels: { "topology.kubernetes.io/zone": "zone-a" } } });
  e.start(new Controller(endpointSliceControllerSpec()), new Controller(endpointsControllerSpec()));
  return e;
}

const slices = (e: TestEnv, svcName = "web") => e.list("EndpointSlice").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svcName);

describe("EndpointSlice and Endpoints controllers", () => {
  it("a Service selecting nothing has one placeholder slice and empty Endpoints", () => {
    const e = env();
    e.create("Service", svc("web"));
    e.runUntil(0);
    const [s, ...rest] = slices(e);
    expect(rest).toHaveLength(0);
    expect(s!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s!.metadata.labels).toEqual({ tier: "front", "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(s!.metadata.ownerReferences![0]).toMatchObject({ kind: "Service", name: "web", controller: true });
    expect(s!.endpoints).toBeUndefined();
    expect(s!.ports).toBeUndefined();
    expect(e.get("Endpoints", "web")).toMatchObject({ metadata: { labels: { tier: "front" } } });
    expect(e.get("Endpoints", "web")!.subsets).toBeUndefined();
  });

  it("lists ready pods as ready, resolving named target ports; not-ready pods stay with ready=false", () => {
    const e = env();
    e.create("Service", svc("web"));
    for (const n of ["web-a", "web-b"]) e.create("Pod", pod(n));
    e.setPodPhase("web-a", "Running");
    e.setPodPhase("web-b", "Running", { ready: false });
    e.runUntil(0);
    const [s] = slices(e);
    expect(s!.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    const a = e.get("Pod", "web-a")!, b = e.get("Pod", "web-b")!;
    expect(s!.endpoints).toEqual([
      { addresses: [a.status!.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node-1", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid }, zone: "zone-a" },
      { addresses: [b.status!.podIP], conditions: { ready: false, serving: false, terminating: false }, nodeName: "node-1", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid }, zone: "zone-a" },
    ]);
    expect(e.get("Endpoints", "web")!.subsets).toEqual([{
      addresses: [{ ip: a.status!.podIP, nodeName: "node-1", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid } }],
      notReadyAddresses: [{ ip: b.status!.podIP, nodeName: "node-1", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid } }],
      ports: [{ name: "http", port: 8080, protocol: "TCP" }],
    }]);
  });

  it("a failing readiness probe takes the pod out of rotation, and recovery puts it back; the slice keeps its name", () => {
    const e = env();
    e.create("Service", svc("web"));
    e.create("Pod", pod("web-a"));
    e.setPodPhase("web-a", "Running");
    e.runUntil(0);
    const name = slices(e)[0]!.metadata.name;
    e.setPodReady("web-a", false);
    e.runUntil(1);
    expect(slices(e)[0]!.endpoints![0]!.conditions!.ready).toBe(false);
    expect(e.get("Endpoints", "web")!.subsets![0]!.addresses).toBeUndefined();
    e.setPodReady("web-a", true);
    e.runUntil(2);
    expect(slices(e)[0]!.endpoints![0]!.conditions!.ready).toBe(true);
    expect(slices(e)[0]!.metadata.name).toBe(name);
  });

  it("a terminating pod: ready=false, serving kept, terminating=true; left out of Endpoints", () => {
    const e = env();
    e.create("Service", svc("web"));
    e.create("Pod", pod("web-a"));
    e.setPodPhase("web-a", "Running");
    e.runUntil(0);
    e.store.delete("Pod", "default", "web-a");
    e.runUntil(1);
    expect(slices(e)[0]!.endpoints![0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(e.get("Endpoints", "web")!.subsets).toBeUndefined();
  });

  it("publishNotReadyAddresses makes every endpoint ready", () => {
    const e = env();
    e.create("Service", svc("web", { publishNotReadyAddresses: true, clusterIP: "None" }));
    e.create("Pod", pod("web-0", { hostname: "web-0", subdomain: "web" }));
    e.setPodPhase("web-0", "Running", { ready: false });
    e.runUntil(0);
    const ep = slices(e)[0]!.endpoints![0]!;
    expect(ep.conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect(ep.hostname).toBe("web-0");
    expect(slices(e)[0]!.metadata.labels!["service.kubernetes.io/headless"]).toBe("");
    expect(e.get("Endpoints", "web")!.subsets![0]!.addresses![0]!.hostname).toBe("web-0");
  });

  it("pods without an IP, terminal pods and unmatched labels are left out", () => {
    const e = env();
    e.create("Service", svc("web"));
    e.create("Pod", pod("no-ip"));
    e.create("Pod", pod("done"));
    e.setPodPhase("done", "Succeeded");
    e.create("Pod", { ...pod("other"), metadata: { name: "other", labels: { app: "db" } } });
    e.setPodPhase("other", "Running");
    e.runUntil(0);
    expect(slices(e)[0]!.endpoints).toBeUndefined();
  });

  it("ExternalName and selector-less Services get no managed slices", () => {
    const e = env();
    e.create("Service", svc("ext", { type: "ExternalName", externalName: "example.com", selector: undefined, clusterIP: undefined }));
    e.create("Service", svc("manual", { selector: undefined }));
    e.runUntil(0);
    expect(slices(e, "ext")).toHaveLength(0);
    expect(slices(e, "manual")).toHaveLength(0);
    expect(e.get("Endpoints", "manual")).toBeUndefined();
  });

  it("deleting the Service deletes its Endpoints", () => {
    const e = env();
    e.create("Service", svc("web"));
    e.runUntil(0);
    e.store.delete("Service", "default", "web");
    e.runUntil(1);
    expect(e.get("Endpoints", "web")).toBeUndefined();
  });

  it.each<[string, string | number | undefined, number | undefined]>([
    ["numeric targetPort", 9090, 9090],
    ["unset targetPort means the port", undefined, 80],
    ["named targetPort", "web", 8080],
    ["unknown name", "nope", undefined],
  ])("findPort: %s", (_n, target, want) => {
    expect(findPort(pod("p"), { port: 80, ...(target !== undefined ? { targetPort: target } : {}) })).toBe(want);
  });
});
