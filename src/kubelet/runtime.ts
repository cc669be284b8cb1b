/**
 * The container runtime as the kubelet sees it through CRI: per pod a sandbox (its network
 * namespace and IP) and container instances, each a simulated process with its own file system
 * layer and log. Instances are kept after they exit (the runtime keeps the last one per
 * container, so `lastState` and `kubectl logs --previous` have something to show).
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { Timer } from "../clock/clock";
import { Random } from "../clock/random";
import { containerSim } from "./behaviour/annotations";
import { FileSystem } from "./behaviour/fs";
import { imageConfig, imageInfo, normalizeImage } from "./behaviour/images";
import type { HttpRequest, HttpResult, Listener, NetClient, TcpResult } from "./behaviour/net-types";
import { ContainerProcess, type ExitReason } from "./behaviour/process";
import { cpuMillis, memoryBytes } from "../api/quantity";
import { resolvConf } from "../network/dns";

export type ContainerRole = "init" | "sidecar" | "app";

export interface LogLine {
  /** Virtual ms. */
  time: number;
  text: string;
}

/** Lines kept per container instance (the rest is rotated away, as the kubelet's log rotation does). */
export const MAX_LOG_LINES = 2000;

export interface ContainerInstance {
  readonly id: string;
  readonly name: string;
  readonly role: ContainerRole;
  /** The spec image (what the kubelet was asked to run). */
  readonly image: string;
  readonly imageRef: string;
  readonly imageID: string;
  /** Restart count when this instance was created. */
  readonly attempt: number;
  readonly sandbox: number;
  readonly startedAt: number;
  state: "running" | "exited";
  exitCode?: number;
  reason?: string;
  finishedAt?: number;
  readonly process: ContainerProcess;
  readonly fs: FileSystem;
  readonly log: LogLine[];
  /** Set while the kubelet is stopping the instance. */
  stopping?: { timers: Timer[] };
}

export interface PodSandbox {
  readonly attempt: number;
  readonly ip: string;
  readonly createdAt: number;
  ready: boolean;
}

export interface RuntimeEnv {
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  readonly epochMs: number;
}

/** A stable 64-hex-digit container ID. */
function hex(s: string): string {
  const r = new Random(s, "container-id");
  let out = "";
  for (let i = 0; i < 8; i++) out += r.nextUint32().toString(16).padStart(8, "0");
  return out;
}

/** One pod's containers and sandbox in the runtime. */
export class PodRuntime implements Listener {
  sandbox?: PodSandbox;
  private sandboxes = 0;
  /** Instances per container name, oldest first. */
  readonly instances = new Map<string, ContainerInstance[]>();

  constructor(readonly uid: string) {}

  createSandbox(ip: string, now: number): PodSandbox {
    this.sandbox = { attempt: this.sandboxes++, ip, createdAt: now, ready: true };
    return this.sandbox;
  }

  latest(name: string): ContainerInstance | undefined {
    const list = this.instances.get(name);
    return list?.[list.length - 1];
  }

  previous(name: string): ContainerInstance | undefined {
    const list = this.instances.get(name);
    return list && list.length > 1 ? list[list.length - 2] : undefined;
  }

  running(): ContainerInstance[] {
    const out: ContainerInstance[] = [];
    for (const list of this.instances.values()) for (const i of list) if (i.state === "running") out.push(i);
    return out;
  }

  /** Creates and starts an instance; `exited` is told when its process ends. */
  start(opts: {
    env: RuntimeEnv; pod: Pod; container: Container; role: ContainerRole; attempt: number;
    processEnv: Record<string, string>; argv: string[]; fs: FileSystem; net: NetClient;
    exited: (inst: ContainerInstance) => void;
  }): ContainerInstance {
    const { env, pod, container: c } = opts;
    const sandbox = this.sandbox!;
    const id = hex(`${this.uid}/${c.name}/${opts.attempt}/${sandbox.attempt}`);
    const log: LogLine[] = [];
    let partial = "";
    const write = (text: string) => {
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const l of lines) log.push({ time: env.now(), text: l });
      if (log.length > MAX_LOG_LINES) log.splice(0, log.length - MAX_LOG_LINES);
    };
    const limit = c.resources?.limits?.memory;
    const cpuLimit = cpuMillis(c.resources?.limits?.cpu);
    const info = imageInfo(c.image ?? "");
    let inst!: ContainerInstance;
    const process = new ContainerProcess({
      argv: opts.argv,
      env: opts.processEnv,
      hostname: pod.spec?.hostname ?? pod.metadata?.name ?? "",
      podIP: sandbox.ip,
      declaredPorts: (c.ports ?? []).map((p) => p.containerPort),
      sim: containerSim(pod.metadata?.annotations, c.name),
      ...(limit !== undefined ? { memoryLimit: memoryBytes(limit) } : {}),
      ...(cpuLimit > 0 ? { cpuLimitMilli: cpuLimit } : {}),
      imageKnown: imageConfig(c.image ?? "").cmd[0] !== "/app",
    }, {
      now: () => env.now(),
      after: (ms, label, run) => env.after(ms, label, run),
      epochMs: env.epochMs,
      fs: opts.fs,
      net: opts.net,
      write,
      exited: (code: number, reason: ExitReason) => {
        if (partial) { log.push({ time: env.now(), text: partial }); partial = ""; }
        this.finish(inst, code, reason, env.now());
        opts.exited(inst);
      },
      peerOpen: (port) => this.othersTcp(c.name, port) === "open",
      peerGrpc: (port) => this.othersGrpc(c.name, port),
    });
    inst = {
      id, name: c.name, role: opts.role, image: c.image ?? "", imageRef: normalizeImage(c.image ?? ""),
      imageID: `${normalizeImage(c.image ?? "").replace(/:[^:/@]+$/, "")}@sha256:${info.digest}`,
      attempt: opts.attempt, sandbox: sandbox.attempt, startedAt: env.now(), state: "running", process, fs: opts.fs, log,
    };
    const list = this.instances.get(c.name) ?? [];
    list.push(inst);
    // The runtime keeps the current and the previous instance of each container.
    if (list.length > 2) list.splice(0, list.length - 2);
    this.instances.set(c.name, list);
    process.start();
    return inst;
  }

  private finish(inst: ContainerInstance, code: number, reason: ExitReason, now: number): void {
    if (inst.state === "exited") return;
    inst.state = "exited";
    inst.exitCode = code;
    inst.reason = reason;
    inst.finishedAt = now;
    for (const t of inst.stopping?.timers ?? []) t.cancel();
  }

  /** The machine went down: every process is gone; containerd will report them exited, status unknown. */
  lose(now: number): void {
    for (const inst of this.running()) {
      inst.state = "exited";
      inst.exitCode = 255;
      inst.reason = "Unknown";
      inst.finishedAt = now;
      for (const t of inst.stopping?.timers ?? []) t.cancel();
      inst.process.signal("KILL");
    }
    if (this.sandbox) this.sandbox.ready = false;
  }

  private othersTcp(except: string, port: number): TcpResult {
    for (const i of this.running()) if (i.name !== except && i.process.tcp(port) === "open") return "open";
    return "refused";
  }

  private othersGrpc(except: string, port: number): boolean {
    return this.running().some((i) => i.name !== except && i.process.grpc(port, undefined) === "SERVING");
  }

  /** The pod as reached on its IP: whichever running container listens on the port answers. */
  http(req: HttpRequest): HttpResult {
    let best: HttpResult = { kind: "refused" };
    for (const i of this.running()) {
      const r = i.process.http(req);
      if (r.kind !== "refused") return r;
      best = r;
    }
    return best;
  }

  tcp(port: number): TcpResult {
    for (const i of this.running()) if (i.process.tcp(port) === "open") return "open";
    return "refused";
  }

  grpc(port: number, service: string | undefined, probe?: HttpRequest["probe"]): "SERVING" | "NOT_SERVING" | "refused" | "timeout" {
    let best: "SERVING" | "NOT_SERVING" | "refused" | "timeout" = "refused";
    for (const i of this.running()) {
      const r = i.process.grpc(port, service, probe);
      if (r !== "refused") return r;
      best = r;
    }
    return best;
  }

  /** Memory held by the pod's running containers. */
  memoryBytes(): number {
    return this.running().reduce((sum, i) => sum + i.process.memoryBytes(), 0);
  }
}

/** The files every container finds: hostname, hosts, resolv.conf, and what its image ships. */
export function containerFiles(pod: Pod, image: string, podIP: string): Record<string, string> {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? "";
  const ns = pod.metadata?.namespace ?? "default";
  const fqdn = pod.spec?.subdomain ? `${hostname}.${pod.spec.subdomain}.${ns}.svc.cluster.local\t` : "";
  // The service account volume (kube-api-access-*) every pod gets unless it opts out.
  const sa: Record<string, string> = pod.spec?.automountServiceAccountToken === false ? {} : {
    "/var/run/secrets/kubernetes.io/serviceaccount/namespace": ns,
    "/var/run/secrets/kubernetes.io/serviceaccount/token": "eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVwbGF5In0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2ltdWxhdGVk",
    "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt": "-----BEGIN CERTIFICATE-----\nkubeplay simulated cluster CA\n-----END CERTIFICATE-----\n",
  };
  return {
    ...sa,
    "/etc/hostname": `${hostname}\n`,
    "/etc/hosts": `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${podIP}\t${fqdn}${hostname}\n`,
    "/etc/resolv.conf": resolvConf(ns),
    ...imageConfig(image).files,
  };
}
