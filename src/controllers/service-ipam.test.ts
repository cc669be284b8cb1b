import { describe, expect, it } from "vitest";
import type { Service } from "kubernetes-types/core/v1";
import { TestEnv } from "./test-env";
import { inServiceCIDR, intToIp, ipToInt, NODE_PORT_MAX, serviceIPAMFactory, SIMULATED_LB_PROVISIONING_MS } from "./service-ipam";

function svc(name: string, spec: Partial<NonNullable<Service["spec"]>> = {}): Service {
  return { metadata: { name }, spec: { selector: { app: name }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }], ...spec } };
}

function env(): TestEnv {
  return new TestEnv().start(serviceIPAMFactory());
}

describe("service IPAM", () => {
  it("starts with the kubernetes Service at 10.96.0.1 and its endpoints", () => {
    const e = env();
    expect(e.get("Service", "kubernetes")!.spec).toMatchObject({ clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ name: "https", port: 443, targetPort: 6443 }] });
    expect(e.get("Endpoints", "kubernetes")!.subsets).toEqual([{ addresses: [{ ip: "10.0.0.1" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }]);
    expect(e.get("EndpointSlice", "kubernetes")).toBeDefined();
  });

  it("allocates distinct ClusterIPs from the upper band of 10.96.0.0/12", () => {
    const e = env();
    for (let i = 0; i < 20; i++) e.create("Service", svc(`s${i}`));
    e.runUntil(0);
    const ips = e.list("Service").filter((s) => s.metadata.name !== "kubernetes").map((s) => s.spec!.clusterIP!);
    expect(new Set(ips).size).toBe(20);
    for (const ip of ips) {
      expect(inServiceCIDR(ip)).toBe(true);
      expect(ipToInt(ip) - ipToInt("10.96.0.0")).toBeGreaterThanOrEqual(256);
    }
    expect(e.get("Service", "s0")!.spec).toMatchObject({ clusterIPs: [e.get("Service", "s0")!.spec!.clusterIP], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack" });
  });

  it("is reproducible for a seed", () => {
    const a = env(), b = env();
    a.create("Service", svc("web"));
    b.create("Service", svc("web"));
    a.runUntil(0);
    b.runUntil(0);
    expect(a.get("Service", "web")!.spec!.clusterIP).toBe(b.get("Service", "web")!.spec!.clusterIP);
  });

  it.each([
    ["headless keeps None", { clusterIP: "None" }, "None"],
    ["a chosen IP is kept", { clusterIP: "10.96.100.100" }, "10.96.100.100"],
    ["ExternalName gets none", { type: "ExternalName", externalName: "example.com", selector: undefined }, undefined],
  ])("%s", (_n, spec, want) => {
    const e = env();
    e.create("Service", svc("x", spec as Partial<NonNullable<Service["spec"]>>));
    e.runUntil(0);
    expect(e.get("Service", "x")!.spec!.clusterIP).toBe(want);
  });

  it("gives NodePort Services a port in 30086-32767 (the dynamic band)", () => {
    const e = env();
    e.create("Service", svc("np", { type: "NodePort", ports: [{ name: "http", port: 80 }, { name: "https", port: 443 }] }));
    e.create("Service", svc("fixed", { type: "NodePort", ports: [{ port: 80, nodePort: 30007 }] }));
    e.runUntil(0);
    const ports = e.get("Service", "np")!.spec!.ports!.map((p) => p.nodePort!);
    expect(new Set(ports).size).toBe(2);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(NODE_PORT_MAX);
    }
    expect(e.get("Service", "fixed")!.spec!.ports![0]!.nodePort).toBe(30007);
  });

  it("LoadBalancer: node ports, <pending> until the simulated cloud answers, then an external IP", () => {
    const e = env();
    e.create("Service", svc("lb", { type: "LoadBalancer" }));
    e.runUntil(0);
    const s = e.get("Service", "lb")!;
    expect(s.spec!.ports![0]!.nodePort).toBeGreaterThan(30000);
    expect(s.status?.loadBalancer?.ingress).toBeUndefined();
    expect(s.metadata.finalizers).toEqual(["service.kubernetes.io/load-balancer-cleanup"]);
    e.runUntil(SIMULATED_LB_PROVISIONING_MS / 1000);
    expect(e.get("Service", "lb")!.status!.loadBalancer!.ingress).toEqual([{ ip: "203.0.113.1", ipMode: "VIP" }]);
    expect(e.messages("Service", "lb")).toEqual(["EnsuringLoadBalancer: Ensuring load balancer", "EnsuredLoadBalancer: Ensured load balancer"]);
    e.store.delete("Service", "default", "lb");
    e.runUntil(6);
    expect(e.get("Service", "lb")).toBeUndefined();
    expect(e.messages("Service", "lb").slice(2)).toEqual(["DeletingLoadBalancer: Deleting load balancer", "DeletedLoadBalancer: Deleted load balancer"]);
  });

  it("allocateLoadBalancerNodePorts false skips node ports", () => {
    const e = env();
    e.create("Service", svc("lb", { type: "LoadBalancer", allocateLoadBalancerNodePorts: false }));
    e.runUntil(0);
    expect(e.get("Service", "lb")!.spec!.ports![0]!.nodePort).toBeUndefined();
  });

  it("converts IPs to and from integers", () => {
    expect(intToIp(ipToInt("10.96.12.34"))).toBe("10.96.12.34");
    expect(inServiceCIDR("10.111.255.254")).toBe(true);
    expect(inServiceCIDR("10.112.0.1")).toBe(false);
  });
});
