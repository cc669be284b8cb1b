import { describe, expect, it } from "vitest";
import type { Container, Probe } from "kubernetes-types/core/v1";
import { VirtualClock } from "../clock/clock";
import type { HttpResult } from "./behaviour/net-types";
import { runProbe, type ProbeHost, type ProbeTarget } from "./prober";
import { runContainer } from "./behaviour/testing";

const container: Container = { name: "app", ports: [{ name: "http", containerPort: 8080 }] };

function host(http: HttpResult, tcp: "open" | "refused" | "timeout" = "open", grpc: ReturnType<ProbeHost["grpc"]> = "SERVING"): ProbeHost {
  const clock = new VirtualClock();
  return {
    now: () => clock.now, after: (ms, l, r) => clock.after(ms, l, r), recorder: { event: () => { throw new Error("no events here"); } },
    pod: () => ({ spec: {} }), terminal: () => false, deleting: () => false, target: () => undefined,
    podIP: () => "10.244.1.5", http: () => http, tcp: () => tcp, grpc: () => grpc, changed: () => {},
  };
}

const target: ProbeTarget = { containerID: "x", running: true, terminated: false, started: true };

describe("probe handlers and their failure output", () => {
  it.each<[string, Probe, ProbeHost, { result: string; output: string }]>([
    ["HTTP 200", { httpGet: { path: "/healthz", port: "http" } }, host({ kind: "response", status: 200, body: "" }), { result: "Success", output: "" }],
    ["HTTP 302 counts as success", { httpGet: { path: "/", port: 8080 } }, host({ kind: "response", status: 302, body: "" }), { result: "Success", output: "" }],
    ["HTTP 500", { httpGet: { path: "/healthz", port: 8080 } }, host({ kind: "response", status: 500, body: "" }), { result: "Failure", output: "HTTP probe failed with statuscode: 500" }],
    ["HTTP refused", { httpGet: { path: "/healthz", port: "http" } }, host({ kind: "refused" }),
      { result: "Failure", output: 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused' }],
    ["HTTP hung", { httpGet: { path: "/", port: 8080 } }, host({ kind: "timeout" }),
      { result: "Failure", output: 'Get "http://10.244.1.5:8080/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' }],
    ["TCP refused", { tcpSocket: { port: 8080 } }, host({ kind: "refused" }, "refused"), { result: "Failure", output: "dial tcp 10.244.1.5:8080: connect: connection refused" }],
    ["TCP open", { tcpSocket: { port: "http" } }, host({ kind: "refused" }, "open"), { result: "Success", output: "" }],
    ["gRPC NOT_SERVING", { grpc: { port: 2379 } }, host({ kind: "refused" }, "open", "NOT_SERVING"), { result: "Failure", output: 'service unhealthy (responded with "NOT_SERVING")' }],
    ["gRPC refused", { grpc: { port: 2379 }, timeoutSeconds: 1 }, host({ kind: "refused" }, "open", "refused"),
      { result: "Failure", output: 'timeout: failed to connect service "10.244.1.5:2379" within 1s: context deadline exceeded' }],
  ])("%s", (_name, probe, h, want) => {
    expect(runProbe(probe, container, "liveness", target, h)).toEqual(want);
  });

  it("runs exec probes in the container, with busybox's output, and times them out", () => {
    const h = runContainer(["sh", "-c", "sleep 600"]);
    const t = { ...target, process: h.proc };
    expect(runProbe({ exec: { command: ["cat", "/tmp/healthy"] } }, container, "liveness", t, host({ kind: "refused" }))).toEqual({
      result: "Failure", output: "cat: can't open '/tmp/healthy': No such file or directory",
    });
    expect(runProbe({ exec: { command: ["sleep", "5"] }, timeoutSeconds: 1 }, container, "liveness", t, host({ kind: "refused" }))).toEqual({
      result: "Failure", output: 'command "sleep 5" timed out',
    });
    expect(runProbe({ exec: { command: ["true"] } }, container, "readiness", t, host({ kind: "refused" })).result).toBe("Success");
  });
});
