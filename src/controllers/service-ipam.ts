/**
 * What the API server and the cloud provider give a Service, as one component:
 *
 * - ClusterIPs from the service CIDR 10.96.0.0/12 (kubeadm's default): random, from the upper
 *   band (above the static band of min(max(16, size/16), 256) addresses kept for user-chosen
 *   IPs, KEP-3070); 10.96.0.1 is the `kubernetes` Service the API server creates at start.
 * - NodePorts from 30000-32767, random from the dynamic band above the static
 *   min(max(16, size/32), 128) ports; LoadBalancer Services get them too unless
 *   allocateLoadBalancerNodePorts is false, and a healthCheckNodePort with
 *   externalTrafficPolicy Local.
 * - LoadBalancer: a simulated cloud provider (service-controller) announces "Ensuring load
 *   balancer", and SIMULATED_LB_PROVISIONING_MS later writes an external IP from the
 *   documentation range 203.0.113.0/24; until then EXTERNAL-IP shows <pending>.
 *
 * A real API server allocates during the create request; here the allocation lands in the same
 * virtual instant, right after the Service is stored.
 */
import type { Service, ServicePort } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import type { Random } from "../clock/random";
import type { Component, ComponentContext } from "../sim/component";

export const SERVICE_CIDR = "10.96.0.0/12";
export const KUBERNETES_SERVICE_IP = "10.96.0.1";
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** The simulated API server's address, behind the `kubernetes` Service (port 6443 as kubeadm). */
export const APISERVER_ENDPOINT = { ip: "10.0.0.1", port: 6443 } as const;
/** How long the simulated cloud takes to provision a load balancer (not a Kubernetes constant). */
export const SIMULATED_LB_PROVISIONING_MS = 5_000;
const LB_FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
const SERVICE_CONTROLLER = "service-controller";

const CIDR_BASE = ipToInt("10.96.0.0");
const CIDR_SIZE = 2 ** 20;
/** Usable offsets exclude the network and broadcast addresses. */
const STATIC_IP_BAND = Math.min(Math.max(16, Math.floor(CIDR_SIZE / 16)), 256);
const NODE_PORT_RANGE = NODE_PORT_MAX - NODE_PORT_MIN + 1;
const STATIC_PORT_BAND = Math.min(Math.max(16, Math.floor(NODE_PORT_RANGE / 32)), 128);

export function ipToInt(ip: string): number {
  return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function inServiceCIDR(ip: string): boolean {
  const n = ipToInt(ip);
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}

/** Picks a free value in [lo, hi] from a random start, probing upwards (the bitmap allocator's AllocateNext). */
function pickFree(rand: Random, lo: number, hi: number, used: (v: number) => boolean): number | undefined {
  const span = hi - lo + 1;
  const start = rand.intn(span);
  for (let i = 0; i < span; i++) {
    const v = lo + ((start + i) % span);
    if (!used(v)) return v;
  }
  return undefined;
}

export const serviceIPAMFactory = (): Component => new ServiceIPAM();

/** Wants a ClusterIP: not ExternalName, not headless, none assigned yet. */
const needsClusterIP = (svc: Service): boolean => svc.spec?.type !== "ExternalName" && !svc.spec?.clusterIP;

function needsNodePorts(svc: Service): boolean {
  const type = svc.spec?.type;
  if (type === "NodePort") return true;
  return type === "LoadBalancer" && svc.spec?.allocateLoadBalancerNodePorts !== false;
}

class ServiceIPAM implements Component {
  readonly name = "service-ipam";
  private ctx!: ComponentContext;
  private ipRand!: Random;
  private portRand!: Random;
  private lbNext = 1;

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.ipRand = ctx.random("cluster-ip");
    this.portRand = ctx.random("node-port");
    ctx.store.watch("Service", (ev) => {
      if (ev.type === "DELETED") return;
      const { namespace, name } = ev.object.metadata;
      ctx.after(0, `service-ipam ${namespace}/${name}`, () => this.sync(namespace!, name));
    });
    this.bootstrapKubernetesService();
  }

  /** The API server's `kubernetes` Service in default, with its endpoints: the API server itself. */
  private bootstrapKubernetesService(): void {
    const { store } = this.ctx;
    if (store.get("Service", "default", "kubernetes")) return;
    const labels = { component: "apiserver", provider: "kubernetes" };
    store.create("Service", {
      metadata: { name: "kubernetes", namespace: "default", labels },
      spec: {
        type: "ClusterIP", clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP],
        ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", sessionAffinity: "None", internalTrafficPolicy: "Cluster",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: APISERVER_ENDPOINT.port }],
      },
    });
    store.create("Endpoints", {
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip: APISERVER_ENDPOINT.ip }], ports: [{ name: "https", port: APISERVER_ENDPOINT.port, protocol: "TCP" }] }],
    });
    store.create("EndpointSlice", {
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [APISERVER_ENDPOINT.ip], conditions: { ready: true } }],
      ports: [{ name: "https", port: APISERVER_ENDPOINT.port, protocol: "TCP" }],
    });
  }

  private sync(namespace: string, name: string): void {
    const svc = this.ctx.store.get("Service", namespace, name);
    if (!svc) return;
    if (svc.metadata.deletionTimestamp) {
      this.releaseLoadBalancer(svc);
      return;
    }
    const all = this.ctx.store.list("Service");
    const usedIPs = new Set(all.flatMap((s) => s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])));
    const usedPorts = new Set(all.flatMap((s) => [...(s.spec?.ports ?? []).map((p) => p.nodePort ?? 0), s.spec?.healthCheckNodePort ?? 0]));

    let ip: string | undefined;
    if (needsClusterIP(svc)) {
      const off = pickFree(this.ipRand, STATIC_IP_BAND, CIDR_SIZE - 2, (o) => usedIPs.has(intToIp(CIDR_BASE + o)))
        ?? pickFree(this.ipRand, 1, STATIC_IP_BAND - 1, (o) => usedIPs.has(intToIp(CIDR_BASE + o)));
      if (off !== undefined) ip = intToIp(CIDR_BASE + off);
    }
    const ports: ServicePort[] = (svc.spec?.ports ?? []).map((p) => ({ ...p }));
    let changedPorts = false;
    if (needsNodePorts(svc)) {
      for (const p of ports) {
        if (p.nodePort) continue;
        const port = this.allocatePort(usedPorts);
        if (port === undefined) break;
        p.nodePort = port;
        usedPorts.add(port);
        changedPorts = true;
      }
    } else if (svc.spec?.type === "ClusterIP" && ports.some((p) => p.nodePort)) {
      // Changing the type back to ClusterIP releases the node ports.
      for (const p of ports) delete p.nodePort;
      changedPorts = true;
    }
    let healthCheck: number | undefined;
    if (svc.spec?.type === "LoadBalancer" && svc.spec.externalTrafficPolicy === "Local" && !svc.spec.healthCheckNodePort) {
      healthCheck = this.allocatePort(usedPorts);
    }
    if (ip || changedPorts || healthCheck) {
      this.ctx.store.mutate("Service", namespace, name, (s) => {
        const spec = s.spec!;
        if (ip) {
          spec.clusterIP = ip;
          spec.clusterIPs = [ip];
          spec.ipFamilies ??= ["IPv4"];
          spec.ipFamilyPolicy ??= "SingleStack";
        }
        if (changedPorts) spec.ports = ports;
        if (healthCheck) spec.healthCheckNodePort = healthCheck;
      });
    }
    if (svc.spec?.type === "LoadBalancer") this.ensureLoadBalancer(svc);
    else this.releaseLoadBalancer(svc);
  }

  private allocatePort(used: Set<number>): number | undefined {
    const hit = (v: number) => used.has(v);
    return pickFree(this.portRand, NODE_PORT_MIN + STATIC_PORT_BAND, NODE_PORT_MAX, hit) ?? pickFree(this.portRand, NODE_PORT_MIN, NODE_PORT_MIN + STATIC_PORT_BAND - 1, hit);
  }

  /** The service controller: finalizer and event now, the external IP once the simulated cloud is done. */
  private ensureLoadBalancer(svc: Stored<"Service">): void {
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0 || svc.metadata.finalizers?.includes(LB_FINALIZER)) return;
    const { namespace, name, uid } = svc.metadata;
    const rec = this.ctx.recorder({ component: SERVICE_CONTROLLER });
    this.ctx.store.mutate("Service", namespace, name, (s) => {
      s.metadata.finalizers = [...(s.metadata.finalizers ?? []), LB_FINALIZER];
    });
    rec.event(svc, "Normal", "EnsuringLoadBalancer", "Ensuring load balancer");
    const ip = `203.0.113.${this.lbNext++}`;
    this.ctx.after(SIMULATED_LB_PROVISIONING_MS, `service-controller ensure ${namespace}/${name}`, () => {
      const cur = this.ctx.store.get("Service", namespace, name);
      if (!cur || cur.metadata.uid !== uid || cur.spec?.type !== "LoadBalancer" || cur.metadata.deletionTimestamp) return;
      const res = this.ctx.store.mutate("Service", namespace, name, (s) => {
        s.status = { ...s.status, loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } };
      });
      if (res.ok) rec.event(res.object, "Normal", "EnsuredLoadBalancer", "Ensured load balancer");
    });
  }

  private releaseLoadBalancer(svc: Stored<"Service">): void {
    if (!svc.metadata.finalizers?.includes(LB_FINALIZER)) return;
    const rec = this.ctx.recorder({ component: SERVICE_CONTROLLER });
    rec.event(svc, "Normal", "DeletingLoadBalancer", "Deleting load balancer");
    const res = this.ctx.store.mutate("Service", svc.metadata.namespace, svc.metadata.name, (s) => {
      const rest = (s.metadata.finalizers ?? []).filter((f) => f !== LB_FINALIZER);
      if (rest.length) s.metadata.finalizers = rest;
      else delete s.metadata.finalizers;
      if (s.status?.loadBalancer) s.status = { ...s.status, loadBalancer: {} };
    });
    rec.event(res.ok ? res.object : svc, "Normal", "DeletedLoadBalancer", "Deleted load balancer");
  }
}
