/**
 * Connections from inside a pod: localhost reaches the pod's own containers; a pod IP reaches
 * that pod; a Service's ClusterIP reaches one of its ready endpoints, picked at random as
 * kube-proxy's iptables rules do (network/services.ts); a Service with no endpoint rejects the
 * connection. Names resolve through cluster DNS (network/dns.ts).
 */
import type { ObjectStore } from "../../api/store";
import type { Random } from "../../clock/random";
import { resolveName } from "../../network/dns";
import { pickBackend, routableEndpoints, serviceByClusterIP, targetPortOf } from "../../network/services";
import type { HttpRequest, HttpResult, Listener, NetClient, Resolution, TcpResult } from "./net-types";

export interface NetworkEnv {
  store: ObjectStore;
  /** The namespace of the pod making the connection (its DNS search path). */
  namespace: string;
  /** The pod's own containers, reached on localhost. */
  self: Listener;
  /** The pod at an IP, if one runs there. */
  podAt(ip: string): Listener | undefined;
  /** kube-proxy's generator for picking an endpoint. */
  random: Random;
}

const INTERNET = /^203\.0\.113\.\d+$/;

type Route = { kind: "listener"; listener: Listener; port: number } | { kind: "refused" } | { kind: "timeout" } | { kind: "internet" };

function route(env: NetworkEnv, ip: string, port: number): Route {
  if (ip === "127.0.0.1") return { kind: "listener", listener: env.self, port };
  if (INTERNET.test(ip)) return { kind: "internet" };
  const svc = serviceByClusterIP(env.store, ip);
  if (svc) {
    if (!svc.spec?.ports?.some((p) => p.port === port)) return { kind: "timeout" };
    const ep = pickBackend(routableEndpoints(env.store, svc), env.random);
    if (!ep) return { kind: "refused" };
    const target = targetPortOf(svc, port, ep);
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
