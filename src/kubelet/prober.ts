/**
 * The prober (pkg/kubelet/prober): one worker per container and probe type, ticking every
 * periodSeconds from the moment the kubelet admitted the pod (workers start with the pod, not
 * with the container). Each tick follows worker.doProbe: a new container ID resets the result to
 * the type's initial value (liveness Success, readiness Failure, startup Unknown); nothing is
 * probed before initialDelaySeconds (whole seconds since the container started); liveness and
 * readiness wait for the startup probe; a result changes only after failureThreshold /
 * successThreshold equal results in a row; a failed liveness or startup probe puts the worker on
 * hold until the container is replaced. Every failed probe is a Warning Unhealthy event.
 */
import type { Container, Probe } from "kubernetes-types/core/v1";
import type { Recorder } from "../api/events";
import type { KObject } from "../api/types";
import type { Timer } from "../clock/clock";
import type { HttpResult } from "./behaviour/net-types";
import type { ContainerProcess } from "./behaviour/process";
import { EV, MSG } from "./reasons";

export type ProbeType = "liveness" | "readiness" | "startup";
export type ProbeResult = "Success" | "Failure" | "Unknown";

const INITIAL: Record<ProbeType, ProbeResult> = { liveness: "Success", readiness: "Failure", startup: "Unknown" };
const TITLE: Record<ProbeType, string> = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" };

/** What a worker needs to know about its container and pod at each tick. */
export interface ProbeTarget {
  containerID?: string;
  running: boolean;
  terminated: boolean;
  startedAt?: number;
  /** status.started: the startup probe succeeded (or there is none). */
  started: boolean;
  process?: ContainerProcess;
}

export interface ProbeHost {
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  recorder: Recorder;
  pod(): KObject & { spec?: { restartPolicy?: string } };
  /** Whether the pod reached a terminal phase. */
  terminal(): boolean;
  deleting(): boolean;
  target(container: string): ProbeTarget | undefined;
  podIP(): string;
  /** The pod reached on its IP (any of its containers may answer). */
  http(port: number, path: string, probe: ProbeType): HttpResult;
  tcp(port: number): "open" | "refused" | "timeout";
  grpc(port: number, service: string | undefined, probe: ProbeType): "SERVING" | "NOT_SERVING" | "refused" | "timeout";
  /** A result changed: the pod worker syncs. */
  changed(): void;
}

function portOf(c: Container, port: number | string | undefined): number {
  if (typeof port === "number") return port;
  if (port !== undefined && /^\d+$/.test(port)) return Number(port);
  for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  return -1;
}

/** Runs one probe; the output is what the Unhealthy event reports. */
export function runProbe(probe: Probe, c: Container, type: ProbeType, target: ProbeTarget, host: ProbeHost): { result: ProbeResult; output: string } {
  const timeoutS = probe.timeoutSeconds ?? 1;
  const ip = host.podIP();
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const r = target.process?.exec(argv, timeoutS * 1000);
    if (!r) return { result: "Unknown", output: "" };
    if (r.timedOut) return { result: "Failure", output: `command "${argv.join(" ")}" timed out` };
    const blocked = type === "readiness" && target.process?.readinessBlocked();
    if (blocked) return { result: "Failure", output: "" };
    return { result: r.code === 0 ? "Success" : "Failure", output: r.output.replace(/\s+$/, "") };
  }
  if (probe.httpGet) {
    const port = portOf(c, probe.httpGet.port);
    const path = probe.httpGet.path || "/";
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const url = `${scheme}://${ip}:${port}${path.startsWith("/") ? path : `/${path}`}`;
    const r = host.http(port, path, type);
    switch (r.kind) {
      case "response":
        if (r.status >= 200 && r.status < 400) return { result: "Success", output: "" };
        return { result: "Failure", output: `HTTP probe failed with statuscode: ${r.status}` };
      case "refused": return { result: "Failure", output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
      case "timeout": return { result: "Failure", output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
      case "malformed": return { result: "Failure", output: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response ${JSON.stringify(r.text)}` };
    }
  }
  if (probe.tcpSocket) {
    const port = portOf(c, probe.tcpSocket.port);
    const r = host.tcp(port);
    const blocked = type === "readiness" && target.process?.readinessBlocked();
    if (r === "open" && !blocked) return { result: "Success", output: "" };
    return { result: "Failure", output: r === "timeout" ? `dial tcp ${ip}:${port}: i/o timeout` : `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    const r = host.grpc(port, probe.grpc.service, type);
    switch (r) {
      case "SERVING": return { result: "Success", output: "" };
      case "NOT_SERVING": return { result: "Failure", output: 'service unhealthy (responded with "NOT_SERVING")' };
      case "refused": return { result: "Failure", output: `timeout: failed to connect service "${ip}:${port}" within ${timeoutS}s: context deadline exceeded` };
      case "timeout": return { result: "Failure", output: `timeout: health rpc did not complete within ${timeoutS}s` };
    }
  }
  return { result: "Unknown", output: "" };
}

class Worker {
  containerID: string | undefined;
  result: ProbeResult | undefined;
  private onHold = false;
  private lastResult: ProbeResult | undefined;
  private resultRun = 0;
  private timer: Timer | undefined;
  private stopped = false;
  private triggeredFor: string | undefined;

  constructor(readonly container: Container, readonly type: ProbeType, readonly spec: Probe, private readonly host: ProbeHost) {}

  /** worker.run: probe at once, then every periodSeconds. */
  start(): void {
    this.stopped = false;
    this.timer?.cancel();
    const period = Math.max(1, this.spec.periodSeconds ?? 10) * 1000;
    const tick = () => {
      if (this.stopped) return;
      if (!this.doProbe()) { this.stopped = true; return; }
      this.timer = this.host.after(period, `probe ${this.type} ${this.container.name}`, tick);
    };
    tick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** The manual trigger prober_manager sends when a started container has no readiness result yet (once per container). */
  trigger(containerID: string): void {
    if (this.stopped || this.triggeredFor === containerID) return;
    this.triggeredFor = containerID;
    this.host.after(0, `probe ${this.type} ${this.container.name} (triggered)`, () => { if (!this.stopped && !this.doProbe()) this.stop(); });
  }

  private set(result: ProbeResult): void {
    if (this.result === result) return;
    this.result = result;
    this.host.changed();
  }

  /** One pass of worker.doProbe; false ends the worker. */
  private doProbe(): boolean {
    const h = this.host;
    if (h.terminal()) return false;
    const t = h.target(this.container.name);
    if (!t || !t.containerID) return true;
    if (this.containerID !== t.containerID) {
      this.containerID = t.containerID;
      this.result = INITIAL[this.type];
      this.onHold = false;
      this.lastResult = undefined;
      this.resultRun = 0;
    }
    if (this.onHold) return true;
    if (!t.running) {
      this.set("Failure");
      return !t.terminated || h.pod().spec?.restartPolicy !== "Never";
    }
    if (h.deleting() && (this.type === "liveness" || this.type === "startup")) {
      this.set("Success");
      return false;
    }
    if (Math.trunc((h.now() - (t.startedAt ?? 0)) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (t.started ? this.type === "startup" : this.type !== "startup") return true;
    const { result, output } = runProbe(this.spec, this.container, this.type, t, h);
    if (result === "Failure") h.recorder.event(h.pod(), "Warning", EV.Unhealthy, MSG.probeFailed(TITLE[this.type], output));
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    if ((result === "Failure" && this.resultRun < (this.spec.failureThreshold ?? 3)) || (result === "Success" && this.resultRun < (this.spec.successThreshold ?? 1))) return true;
    this.set(result);
    if ((this.type === "liveness" || this.type === "startup") && result === "Failure") {
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}

/** The probe workers of one pod. */
export class PodProber {
  private readonly workers = new Map<string, Worker>();

  constructor(containers: readonly Container[], host: ProbeHost) {
    for (const c of containers) {
      for (const type of ["startup", "liveness", "readiness"] as const) {
        const spec = type === "startup" ? c.startupProbe : type === "liveness" ? c.livenessProbe : c.readinessProbe;
        if (spec) this.workers.set(`${c.name}/${type}`, new Worker(c, type, spec, host));
      }
    }
  }

  start(): void {
    for (const w of this.workers.values()) w.start();
  }

  stop(): void {
    for (const w of this.workers.values()) w.stop();
  }

  /** New workers' ticks from now (a restarted kubelet). */
  restart(): void {
    for (const w of this.workers.values()) w.start();
  }

  has(container: string, type: ProbeType): boolean {
    return this.workers.has(`${container}/${type}`);
  }

  /** The worker's result for this container instance; undefined when none is known yet. */
  result(container: string, type: ProbeType, containerID: string | undefined): ProbeResult | undefined {
    const w = this.workers.get(`${container}/${type}`);
    return w && w.containerID === containerID ? w.result : undefined;
  }

  triggerReadiness(container: string, containerID: string): void {
    this.workers.get(`${container}/readiness`)?.trigger(containerID);
  }

  /** prober_manager: started = startup probe succeeded, or the container has none. */
  started(container: string, containerID: string | undefined): boolean {
    if (!this.has(container, "startup")) return true;
    return this.result(container, "startup", containerID) === "Success";
  }

  /** Ready = readiness probe succeeded, or the container has none. */
  ready(container: string, containerID: string | undefined): boolean {
    if (!this.has(container, "readiness")) return true;
    return this.result(container, "readiness", containerID) === "Success";
  }

  failed(container: string, type: "liveness" | "startup", containerID: string | undefined): boolean {
    return this.result(container, type, containerID) === "Failure";
  }
}
