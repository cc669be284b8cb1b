/**
 * Connections from inside a pod: localhost reaches the pod's own containers; a pod IP reaches
 * that pod; a Service's ClusterIP reaches one of its ready endpoints, picked at random as
 * kube-proxy's iptables rules do, on the targetPort (named ports resolved on the endpoint's
 * pod); a Service with no ready endpoint rejects the connection. Names resolve through cluster
 * DNS (network/dns.ts).
 */
import type { Service } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../../api/store";
import { resolveName, serviceEndpoints } from "../../network/dns";
import type { HttpRequest, HttpResult, Listener, NetClient, Resolution, TcpResult } from "./net-types";

export interface NetworkEnv {
  store: ObjectStore;
  /** The namespace of the pod making the connection (its DNS search path). */
  namespace: string;
  /** The pod's own containers, reached on localhost. */
  self: Listener;
  /** The pod at an IP, if one runs there. */
  podAt(ip: string): Listener | undefined;
  /** A random index in [0, n) for picking an endpoint. */
  pick(n: number): number;
}

const INTERNET = /^203\.0\.113\.\d+$/;

function serviceByIP(store: ObjectStore, ip: string): Service | undefined {
  return store.list("Service").find((s) => s.spec?.clusterIP === ip || s.spec?.clusterIPs?.includes(ip));
}

/** The container port a Service's targetPort names on a given pod. */
function targetPortOn(store: ObjectStore, namespace: string, podName: string | undefined, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  const pod = podName ? store.get("Pod", namespace, podName) : undefined;
  for (const c of pod?.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  }
  return undefined;
}

type Route = { kind: "listener"; listener: Listener; port: number } | { kind: "refused" } | { kind: "timeout" } | { kind: "internet" };

function route(env: NetworkEnv, ip: string, port: number): Route {
  if (ip === "127.0.0.1") return { kind: "listener", listener: env.self, port };
  if (INTERNET.test(ip)) return { kind: "internet" };
  const svc = serviceByIP(env.store, ip);
  if (svc) {
    const sp = svc.spec?.ports?.find((p) => p.port === port);
    if (!sp) return { kind: "timeout" };
    const ready = serviceEndpoints(env.store, svc).filter((e) => e.ready);
    if (ready.length === 0) return { kind: "refused" };
    const ep = ready[env.pick(ready.length)]!;
    const target = targetPortOn(env.store, svc.metadata?.namespace ?? "default", ep.pod, sp.targetPort, sp.port);
    const listener = env.podAt(ep.ip);
    if (target === undefined || !listener) return { kind: "refused" };
    return { kind: "listener", listener, port: target };
  }
  const pod = env.podAt(ip);
  return pod ? { kind: "listener", listener: pod, port } : { kind: "timeout" };
}

export function networkClient(env: NetworkEnv): NetClient {
  const resolve = (name: string): Resolution => {
    const r = resolveName(env.store, name, env.namespace);
    return r.ok ? { ok: true, fqdn: r.fqdn, ips: r.ips } : { ok: false, tried: r.tried };
  };
  return {
    resolve,
    http(host: string, req: HttpRequest) {
      const r = resolve(host);
      if (!r.ok) return { result: { kind: "bad-address" } };
      const ip = r.ips[0]!;
      const rt = route(env, ip, req.port);
      let result: HttpResult;
      switch (rt.kind) {
        case "listener": result = rt.listener.http({ ...req, port: rt.port }); break;
        case "internet": result = { kind: "response", status: 200, body: "<!doctype html>\n<html><body><h1>Example Domain</h1></body></html>\n" }; break;
        default: result = rt;
      }
      return { result, ip };
    },
    tcp(host: string, port: number) {
      const r = resolve(host);
      if (!r.ok) return { result: "bad-address" };
      const ip = r.ips[0]!;
      const rt = route(env, ip, port);
      const result: TcpResult = rt.kind === "listener" ? rt.listener.tcp(rt.port) : rt.kind === "internet" ? "open" : rt.kind;
      return { result, ip };
    },
  };
}
