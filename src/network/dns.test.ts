import { describe, expect, it } from "vitest";
import { TestEnv } from "../controllers/test-env";
import { lookup, resolveName, resolvConf } from "./dns";

function cluster() {
  const env = new TestEnv();
  env.create("Namespace", { metadata: { name: "shop" } });
  env.create("Service", { metadata: { name: "myservice" }, spec: { clusterIP: "10.96.10.1", ports: [{ port: 80 }] } });
  env.create("Service", { metadata: { name: "db", namespace: "shop" }, spec: { clusterIP: "10.96.20.2", ports: [{ port: 5432 }] } });
  env.create("Service", { metadata: { name: "nginx" }, spec: { clusterIP: "None", ports: [{ port: 80 }] } });
  env.create("EndpointSlice", {
    metadata: { name: "nginx-abcde", labels: { "kubernetes.io/service-name": "nginx" } },
    addressType: "IPv4",
    endpoints: [
      { addresses: ["10.244.1.7"], hostname: "web-1", conditions: { ready: true } },
      { addresses: ["10.244.0.5"], hostname: "web-0", conditions: { ready: true } },
      { addresses: ["10.244.2.9"], hostname: "web-2", conditions: { ready: false } },
    ],
    ports: [{ port: 80 }],
  });
  return env.store;
}

describe("cluster DNS", () => {
  const store = cluster();
  it.each([
    ["myservice", "default", "myservice.default.svc.cluster.local", ["10.96.10.1"]],
    ["myservice.default", "shop", "myservice.default.svc.cluster.local", ["10.96.10.1"]],
    ["myservice.default.svc.cluster.local", "shop", "myservice.default.svc.cluster.local", ["10.96.10.1"]],
    ["db", "shop", "db.shop.svc.cluster.local", ["10.96.20.2"]],
    ["nginx", "default", "nginx.default.svc.cluster.local", ["10.244.0.5", "10.244.1.7"]],
    ["web-0.nginx", "default", "web-0.nginx.default.svc.cluster.local", ["10.244.0.5"]],
    ["10-244-1-7.default.pod.cluster.local", "shop", "10-244-1-7.default.pod.cluster.local", ["10.244.1.7"]],
    ["10.0.0.1", "default", "10.0.0.1", ["10.0.0.1"]],
  ])("%s from %s", (name, ns, fqdn, ips) => {
    expect(resolveName(store, name, ns)).toMatchObject({ ok: true, fqdn, ips });
  });

  it.each([
    ["db", "default"],
    ["web-2.nginx", "default"],
    ["nosuch", "default"],
  ])("%s from %s does not resolve", (name, ns) => {
    expect(resolveName(store, name, ns).ok).toBe(false);
  });

  it("tries the search path before the bare name", () => {
    expect(resolveName(store, "nosuch", "default")).toEqual({
      ok: false, tried: ["nosuch.default.svc.cluster.local", "nosuch.svc.cluster.local", "nosuch.cluster.local", "nosuch"],
    });
  });

  it("answers internet names with a stable documentation address", () => {
    const a = resolveName(store, "example.com", "default");
    expect(a).toMatchObject({ ok: true, fqdn: "example.com", external: true });
    expect(a.ok && a.ips[0]).toMatch(/^203\.0\.113\.\d+$/);
  });

  it("knows nothing of names outside the records", () => {
    expect(lookup(store, "myservice.other.svc.cluster.local")).toBeUndefined();
  });

  it("writes the pod's resolv.conf", () => {
    expect(resolvConf("shop")).toBe("search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
  });
});
