import { describe, expect, it } from "vitest";
import type { HttpResult, NetClient } from "../net-types";
import { runContainer } from "../testing";

/** A network with one Service (web → 10.96.0.50) answering, one with no endpoints, one hung. */
const net: NetClient = {
  resolve: (name) => {
    const ips: Record<string, string> = { web: "10.96.0.50", empty: "10.96.0.51", hung: "10.96.0.52" };
    return ips[name] ? { ok: true, fqdn: `${name}.default.svc.cluster.local`, ips: [ips[name]!] } : { ok: false, tried: [name] };
  },
  http: (host, req) => {
    const r = net.resolve(host);
    if (!r.ok) return { result: { kind: "bad-address" } };
    const byHost: Record<string, HttpResult> = {
      web: req.path === "/missing" ? { kind: "response", status: 404, body: "not found\n" } : { kind: "response", status: 200, body: "hello\n" },
      empty: { kind: "refused" },
      hung: { kind: "timeout" },
    };
    return { result: byHost[host]!, ip: r.ips[0]! };
  },
  tcp: (host) => ({ result: host === "web" ? "open" : host === "empty" ? "refused" : "bad-address" }),
};

const run = (script: string, ms = 1000) => {
  const h = runContainer(["sh", "-c", script], { net });
  h.runFor(ms);
  return { out: h.output(), exit: h.exit() };
};

describe("network commands", () => {
  it.each([
    ["nslookup web", 0, "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: 10.96.0.50 web.default.svc.cluster.local\n"],
    ["nslookup myservice", 1, "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'myservice'\n"],
    ["wget -qO- http://web/", 0, "hello\n"],
    ["wget -q -O - web:80/missing", 1, "wget: server returned error: HTTP/1.1 404 Not Found\n"],
    ["wget -qO- empty", 1, "wget: can't connect to remote host (10.96.0.51): Connection refused\n"],
    ["wget -qO- nosuch", 1, "wget: bad address 'nosuch'\n"],
    ["curl -s web", 0, "hello\n"],
    ["curl -sf web/missing", 22, ""],
    ["curl -sS nosuch", 6, "curl: (6) Could not resolve host: nosuch\n"],
    ["curl -s -m 2 hung", 28, ""],
    ["nc -z web 80 && echo open", 0, "open\n"],
  ])("%s", (script, code, out) => {
    const r = run(script, 5000);
    expect(r.out).toBe(out);
    expect(r.exit?.code).toBe(code);
  });

  it("waits out a hung peer for the client's timeout", () => {
    expect(run("curl -s -m 2 hung", 5000).exit?.at).toBe(2000);
    expect(run("wget -q -T 3 -O- hung", 5000).exit?.at).toBe(3000);
  });

  it("an init loop waits until the name resolves", () => {
    const h = runContainer(["sh", "-c", "until nslookup web >/dev/null 2>&1; do echo waiting; sleep 2; done; echo found"], { net });
    h.runFor(100);
    expect(h.output()).toBe("found\n");
  });
});
