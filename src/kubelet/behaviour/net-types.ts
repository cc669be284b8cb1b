/**
 * The network as a process inside a simulated container sees it: cluster DNS with the pod's
 * search path, and connections to pods, Services and localhost. Implemented by net.ts; the shell's
 * nslookup / wget / curl / nc and the kubelet's probes use it.
 */

export type Resolution =
  | { ok: true; /** The name that answered ("myservice.default.svc.cluster.local"). */ fqdn: string; ips: string[] }
  | { ok: false; /** Every name tried along the search path. */ tried: string[] };

export interface HttpRequest {
  port: number;
  path: string;
  method?: string;
  /** Set when the kubelet probes: the process may answer its readiness endpoint differently. */
  probe?: "liveness" | "readiness" | "startup";
}

export type HttpResult =
  | { kind: "response"; status: number; body: string }
  /** Nothing listens on the port (or a Service has no ready endpoints: kube-proxy rejects). */
  | { kind: "refused" }
  /** The peer accepted but never answered (a hung process), or the address routes nowhere. */
  | { kind: "timeout" }
  /** The peer speaks another protocol (an HTTP request to Redis): its first bytes. */
  | { kind: "malformed"; text: string };

export type TcpResult = "open" | "refused" | "timeout";

/** What a listening process answers. */
export interface Listener {
  http(req: HttpRequest): HttpResult;
  /** Whether a TCP connection is accepted. */
  tcp(port: number): TcpResult;
  /** gRPC health check: SERVING, NOT_SERVING, or no answer. */
  grpc(port: number, service: string | undefined, probe?: HttpRequest["probe"]): "SERVING" | "NOT_SERVING" | "refused" | "timeout";
}

export interface NetClient {
  resolve(name: string): Resolution;
  /** An HTTP GET to host:port (host a name or an IP). `ip` is the address connected to, when resolved. */
  http(host: string, req: HttpRequest): { result: HttpResult | { kind: "bad-address" }; ip?: string };
  tcp(host: string, port: number): { result: TcpResult | "bad-address"; ip?: string };
}
