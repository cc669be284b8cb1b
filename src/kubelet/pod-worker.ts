/**
 * A pod worker (pkg/kubelet/pod_workers.go + kuberuntime SyncPod): one per pod on the node.
 * A sync is level-triggered: it reads the pod from the store, sets up the sandbox and volumes,
 * computes the container actions (pod-actions.ts), starts containers one after another (image
 * pull, create, start), kills what must go, and reports the status. Container exits (the PLEG)
 * and probe result changes trigger a sync; a crash-looping container is retried exactly when its
 * back-off expires. Termination (deletion, completion, eviction) lives in pod-termination.ts.
 */
import type { Container } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import type { Timer } from "../clock/clock";
import { FileSystem } from "./behaviour/fs";
import { commandLine, containerEnv, PodVolumes } from "./container-config";
import type { NodeServices } from "./node-services";
import { computePodActions, shouldRestart, type ContainerView, type Kill } from "./pod-actions";
import { PodTermination } from "./pod-termination";
import { PodProber } from "./prober";
import { EV, formatPod, MSG, WAITING } from "./reasons";
import { containerFiles, PodRuntime, type ContainerInstance, type ContainerRole } from "./runtime";
import { generatePodStatus, isSidecar, type Waiting } from "./status";
import { stopContainer } from "./stop";

/** pod_workers.go backOffPeriod: a sync that failed (an image pull, a config error) is retried after this. */
export const WORKER_BACKOFF_MS = 10_000;
/** How long creating a pod sandbox (pause container and pod network) takes. */
export const SANDBOX_MS = 1000;
/** The volume manager's first retry of a failed mount; it doubles to 2m2s. */
const MOUNT_RETRY_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;

export class PodWorker {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  pod: Stored<"Pod">;
  readonly runtime: PodRuntime;
  readonly prober: PodProber;
  readonly reasonCache = new Map<string, Waiting>();
  readonly termination: PodTermination;
  private readonly volumes: PodVolumes;
  private queue: Array<{ container: Container; role: ContainerRole }> = [];
  private inFlight: { name: string; timer?: Timer } | undefined;
  private syncQueued = false;
  private requeue: { at: number; timer: Timer } | undefined;
  private mountRetryMs = MOUNT_RETRY_MS;
  private sandboxPending: Timer | undefined;
  /** A phase reason the kubelet set (Evicted, DeadlineExceeded). */
  statusReason: { reason: string; message: string } | undefined;

  constructor(readonly node: NodeServices, pod: Stored<"Pod">) {
    this.uid = pod.metadata.uid;
    this.namespace = pod.metadata.namespace ?? "default";
    this.name = pod.metadata.name;
    this.pod = pod;
    this.runtime = new PodRuntime(this.uid);
    this.volumes = new PodVolumes(node.store, pod, (key) => node.persistentVolume(key));
    const probed = [...(pod.spec?.initContainers ?? []).filter(isSidecar), ...(pod.spec?.containers ?? [])];
    this.prober = new PodProber(probed, {
      now: () => node.now(),
      after: (ms, label, run) => node.after(ms, `${this.label} ${label}`, run),
      recorder: node.recorder,
      pod: () => this.pod,
      terminal: () => this.termination.finished || this.pod.status?.phase === "Succeeded" || this.pod.status?.phase === "Failed",
      deleting: () => !!this.pod.metadata.deletionTimestamp,
      target: (name) => {
        const i = this.runtime.latest(name);
        if (!i) return undefined;
        return { containerID: i.id, running: i.state === "running", terminated: i.state === "exited", startedAt: i.startedAt, started: i.state === "running" && this.prober.started(name, i.id), process: i.process };
      },
      podIP: () => this.runtime.sandbox?.ip ?? "",
      http: (port, path, probe) => this.runtime.http({ port, path, probe }),
      tcp: (port) => this.runtime.tcp(port),
      grpc: (port, service, probe) => this.runtime.grpc(port, service, probe),
      changed: () => this.requestSync(),
    });
    this.termination = new PodTermination(this);
  }

  get label(): string {
    return `kubelet ${this.node.nodeName}: ${this.namespace}/${this.name}`;
  }

  /** Starts the worker: probe workers begin ticking now (as AddPod does), then the first sync. */
  start(): void {
    this.prober.start();
    this.requestSync();
  }

  requestSync(): void {
    if (this.syncQueued || this.termination.finished) return;
    this.syncQueued = true;
    this.node.after(0, `${this.label} sync`, () => {
      this.syncQueued = false;
      this.sync();
    });
  }

  /** Syncs again at `at` (a back-off expiry), unless an earlier requeue is already set. */
  requeueAt(at: number): void {
    if (this.requeue && this.requeue.at <= at && this.requeue.at > this.node.now()) return;
    this.requeue?.timer.cancel();
    this.requeue = { at, timer: this.node.after(at - this.node.now(), `${this.label} requeue`, () => { this.requeue = undefined; this.requestSync(); }) };
  }

  /** The node's kubelet stopped (machine down): drop every timer; the store keeps whatever was last reported. */
  halt(): void {
    this.prober.stop();
    this.sandboxPending?.cancel();
    this.sandboxPending = undefined;
    this.inFlight?.timer?.cancel();
    this.inFlight = undefined;
    this.queue = [];
    this.requeue?.timer.cancel();
    this.requeue = undefined;
    this.runtime.lose(this.node.now());
  }

  /** The kubelet restarted after its machine came back: probe again and sync (the sandbox is gone). */
  resume(): void {
    if (this.termination.finished) return;
    this.prober.restart();
    this.requestSync();
  }

  private view(name: string): ContainerView {
    const latest = this.runtime.latest(name);
    const id = latest?.id;
    return {
      latest,
      starting: this.inFlight?.name === name || this.queue.some((q) => q.container.name === name),
      started: latest?.state === "running" && this.prober.started(name, id),
      livenessFailed: this.prober.failed(name, "liveness", id),
      startupFailed: this.prober.failed(name, "startup", id),
    };
  }

  sync(): void {
    if (!this.node.up() || this.termination.finished) return;
    const live = this.node.store.get("Pod", this.namespace, this.name);
    if (!live || live.metadata.uid !== this.uid) return this.termination.orphaned();
    this.pod = live;
    if (live.metadata.deletionTimestamp && !this.termination.active) {
      this.termination.begin(live.metadata.deletionGracePeriodSeconds ?? live.spec?.terminationGracePeriodSeconds ?? 30, "deleted");
    }
    if (this.termination.active) return this.termination.step();
    if (!this.ensureSandbox()) return this.writeStatus();
    const actions = computePodActions(live, this.runtime.sandbox!.attempt, (n) => this.view(n));
    if (actions.initFailed || actions.completed) {
      this.termination.begin(live.spec?.terminationGracePeriodSeconds ?? 30, "completed");
      return this.termination.step();
    }
    for (const k of actions.kill) this.kill(k);
    for (const s of actions.start) this.queue.push(s);
    this.pump();
    // After the starts were tried, so a container held back shows CrashLoopBackOff during the wait.
    this.writeStatus();
  }

  /** Volumes, then the sandbox: false while the pod cannot start containers yet. */
  private ensureSandbox(): boolean {
    const rt = this.runtime;
    const setup = this.volumes.setUp({ podIP: rt.sandbox?.ip ?? "", hostIP: this.node.hostIP() });
    if (!setup.ok) {
      this.node.recorder.event(this.pod, "Warning", EV.FailedMount, `MountVolume.SetUp failed for volume "${setup.volume}" : ${setup.message}`);
      this.requeueAt(this.node.now() + this.mountRetryMs);
      this.mountRetryMs = Math.min(this.mountRetryMs * 2, MOUNT_RETRY_MAX_MS);
      return false;
    }
    if (rt.sandbox?.ready) return true;
    if (this.sandboxPending) return false;
    if (rt.sandbox) {
      this.node.recorder.event(this.pod, "Normal", EV.SandboxChanged, MSG.sandboxChanged);
      if ((this.pod.spec?.restartPolicy ?? "Always") === "Never") {
        this.termination.begin(0, "completed");
        this.termination.step();
        return false;
      }
    }
    // RunPodSandbox: the pause container and the CNI's network setup take a moment.
    this.sandboxPending = this.node.after(SANDBOX_MS, `${this.label} sandbox`, () => {
      this.sandboxPending = undefined;
      if (this.termination.active || this.termination.finished) return;
      rt.createSandbox(this.node.allocateIP(this.uid), this.node.now());
      this.requestSync();
    });
    return false;
  }

  kill(k: Kill): void {
    const inst = this.runtime.latest(k.name);
    const c = this.spec(k.name);
    if (!inst || !c || inst.state !== "running" || inst.stopping) return;
    const spec = this.pod.spec;
    let grace = this.pod.metadata.deletionGracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
    if (this.pod.metadata.deletionGracePeriodSeconds === undefined) {
      if (k.reason === "liveness" && c.livenessProbe?.terminationGracePeriodSeconds !== undefined) grace = c.livenessProbe.terminationGracePeriodSeconds;
      if (k.reason === "startup" && c.startupProbe?.terminationGracePeriodSeconds !== undefined) grace = c.startupProbe.terminationGracePeriodSeconds;
    }
    stopContainer(inst, c, grace, k.message, this.stopEnv());
  }

  stopEnv() {
    return {
      now: () => this.node.now(),
      after: (ms: number, label: string, run: () => void) => this.node.after(ms, `${this.label} ${label}`, run),
      recorder: this.node.recorder,
      pod: this.pod,
      http: (port: number, path: string) => { this.runtime.http({ port, path }); },
    };
  }

  spec(name: string): Container | undefined {
    return [...(this.pod.spec?.initContainers ?? []), ...(this.pod.spec?.containers ?? [])].find((c) => c.name === name);
  }

  /** Cancels every start still queued or pulling (termination). */
  cancelStarts(): void {
    this.queue = [];
    this.sandboxPending?.cancel();
    this.sandboxPending = undefined;
    this.inFlight?.timer?.cancel();
    this.inFlight = undefined;
    this.requeue?.timer.cancel();
    this.requeue = undefined;
  }

  /** Starts queued containers one after another, as SyncPod does. */
  private pump(): void {
    while (!this.inFlight && this.queue.length > 0 && !this.termination.active) {
      const { container: c, role } = this.queue.shift()!;
      if (this.inBackOff(c)) continue;
      this.inFlight = { name: c.name };
      const flight = this.inFlight;
      const timer = this.node.images.ensure(this.pod, c, (r) => {
        if (this.inFlight !== flight) return;
        this.inFlight = undefined;
        if (!r.ok) {
          this.reasonCache.set(c.name, { reason: r.reason, message: r.message });
          this.node.recorder.event(this.pod, "Warning", EV.Failed, MSG.error(r.reason));
          this.requeueAt(this.node.now() + WORKER_BACKOFF_MS);
        } else this.create(c, role);
        this.writeStatus();
        this.pump();
      });
      if (this.inFlight === flight && timer) flight.timer = timer;
    }
  }

  /** doBackOff: an exited container restarts only once its back-off (counted from its exit) has passed. */
  private inBackOff(c: Container): boolean {
    const latest = this.runtime.latest(c.name);
    if (!latest || latest.state !== "exited") return false;
    const key = `${this.name}_${this.namespace}_${this.uid}_${c.name}_${JSON.stringify(c)}`;
    const backoff = this.node.crashBackoff;
    const finished = latest.finishedAt ?? this.node.now();
    if (backoff.isInBackOffSince(key, finished, this.node.now())) {
      this.node.recorder.event(this.pod, "Warning", EV.BackOff, MSG.backOffRestart(c.name, formatPod(this.pod)));
      this.reasonCache.set(c.name, { reason: WAITING.CrashLoopBackOff, message: MSG.crashLoopWaiting(backoff.get(key), c.name, formatPod(this.pod)) });
      this.requeueAt(backoff.expiresAt(key, finished));
      return true;
    }
    backoff.next(key, finished, this.node.now());
    return false;
  }

  private create(c: Container, role: ContainerRole): void {
    const rt = this.runtime;
    const ips = { podIP: rt.sandbox!.ip, hostIP: this.node.hostIP() };
    const env = containerEnv(this.node.store, this.pod, c, ips);
    if (!env.ok) {
      this.reasonCache.set(c.name, { reason: WAITING.CreateContainerConfigError, message: env.message });
      this.node.recorder.event(this.pod, "Warning", EV.Failed, MSG.error(env.message));
      this.requeueAt(this.node.now() + WORKER_BACKOFF_MS);
      return;
    }
    const latest = rt.latest(c.name);
    const fs = new FileSystem(this.volumes.mounts(c), containerFiles(this.pod, c.image ?? "", ips.podIP));
    const inst = rt.start({
      env: { now: () => this.node.now(), after: (ms, label, run) => this.node.after(ms, `${this.label} ${c.name} ${label}`, run), epochMs: this.node.epochMs },
      pod: this.pod, container: c, role, attempt: latest ? latest.attempt + 1 : 0,
      processEnv: env.env, argv: commandLine(c, env.env), fs, net: this.node.network(this.namespace, rt),
      exited: () => this.exited(),
    });
    this.reasonCache.delete(c.name);
    // The PLEG sees the new container: the next sync may start what waited for it (a sidecar's followers).
    this.requestSync();
    this.node.recorder.event(this.pod, "Normal", EV.Created, MSG.created(c.name));
    this.node.recorder.event(this.pod, "Normal", EV.Started, MSG.started(c.name));
    const postStart = c.lifecycle?.postStart;
    if (postStart && inst.state === "running") {
      const r = inst.process.exec(postStart.exec?.command ?? ["true"], (this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
      if (postStart.exec && (r.timedOut || r.code !== 0)) {
        this.node.recorder.event(this.pod, "Warning", EV.FailedPostStartHook, MSG.postStartFailed);
        stopContainer(inst, c, this.pod.spec?.terminationGracePeriodSeconds ?? 30, "FailedPostStartHook", this.stopEnv());
      }
    }
  }

  /** The PLEG saw a container exit. */
  private exited(): void {
    if (!this.node.up()) return;
    if (this.termination.active) this.termination.containerExited();
    this.requestSync();
  }

  /** Whether a container will be started again by a coming sync (for the Waiting state). */
  willRestart(c: Container, inst: ContainerInstance | undefined): boolean {
    if (this.termination.active || this.termination.finished) return false;
    const role = (this.pod.spec?.initContainers ?? []).includes(c) ? (isSidecar(c) ? "sidecar" : "init") : "app";
    if (role === "sidecar") return true;
    if (role === "init") return !inst || (inst.exitCode !== 0 && (this.pod.spec?.restartPolicy ?? "Always") !== "Never");
    return shouldRestart(this.pod, inst);
  }

  /** Reports the status (the store write is skipped when nothing changed). */
  writeStatus(podIsTerminal = false): void {
    const pod = this.node.store.get("Pod", this.namespace, this.name);
    if (!pod || pod.metadata.uid !== this.uid) return;
    this.pod = pod;
    const status = generatePodStatus({
      pod, runtime: this.runtime, prober: this.prober, reasonCache: this.reasonCache,
      willRestart: (c, i) => this.willRestart(c, i), hostIP: this.node.hostIP(), ts: (ms) => this.node.timestamp(ms),
      now: this.node.now(), podIsTerminal, ...(this.statusReason ? { reason: this.statusReason } : {}),
    });
    if (this.statusReason) status.phase = "Failed";
    if (podIsTerminal && this.statusReason?.reason === "Evicted") {
      // The status manager's TerminatePod: containers removed with the evicted pod are reported
      // as ContainerStatusUnknown, as `kubectl get pods` shows evicted pods.
      for (const cs of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
        if (!this.termination.killed.has(cs.name)) continue;
        cs.state = { terminated: { exitCode: 137, reason: "ContainerStatusUnknown", message: "The container could not be located when the pod was terminated" } };
      }
    }
    this.node.store.mutate("Pod", this.namespace, this.name, (p) => {
      if (p.metadata.uid !== this.uid) return false;
      p.status = status;
    });
  }
}
