/**
 * The kubelets of every node, as one component: each node's kubelet registers its node, heartbeats,
 * and runs the pods bound to it.
 *
 * This is the walking skeleton's kubelet: a bound pod goes Pending → Running with the real
 * conditions, container statuses and Events (image pull, create, start), and a deleted pod is
 * stopped and removed. Probes, restarts, init containers, termination grace and eviction belong to
 * the kubelet issue and plug in here.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import type { Stored } from "../api/types";
import type { Component, ComponentContext } from "../sim/component";
import { imageInfo, pullDurationMs } from "./behaviour/images";
import { registerNodeStatus } from "./node-status";
import { podIPFor } from "./pod-ip";

export const KUBELET = "kubelet";

export const kubeletFactory = (): Component => new Kubelets();

class Kubelets implements Component {
  readonly name = KUBELET;
  private ctx!: ComponentContext;
  /** Pods this kubelet has started working on, by uid. */
  private readonly started = new Set<string>();
  private readonly nodeIndex = new Map<string, number>();

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    ctx.store.watch("Node", (ev) => {
      if (ev.type === "ADDED") {
        const name = ev.object.metadata.name;
        this.nodeIndex.set(name, this.nodeIndex.size);
        ctx.after(0, `kubelet ${name}: register node`, () => this.registerNode(name));
      }
    });
    ctx.store.watch("Pod", (ev) => {
      if (ev.type === "DELETED") {
        this.started.delete(ev.object.metadata.uid);
        return;
      }
      const pod = ev.object;
      const node = pod.spec?.nodeName;
      if (!node) return;
      if (!this.started.has(pod.metadata.uid) && !pod.metadata.deletionTimestamp) {
        this.started.add(pod.metadata.uid);
        ctx.after(0, `kubelet ${node}: sync pod ${pod.metadata.namespace}/${pod.metadata.name}`, () => this.admit(pod.metadata.namespace!, pod.metadata.name));
      } else if (pod.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) {
        ctx.after(0, `kubelet ${node}: kill pod ${pod.metadata.namespace}/${pod.metadata.name}`, () => this.kill(pod.metadata.namespace!, pod.metadata.name));
      }
    });
  }

  private registerNode(name: string): void {
    if (!this.ctx.machines.isUp(name)) return;
    const ts = this.ctx.timestamp(this.ctx.now());
    const res = this.ctx.store.mutate("Node", undefined, name, (n) => registerNodeStatus(n, this.nodeIndex.get(name) ?? 0, ts));
    if (res.ok) this.ctx.recorder({ component: KUBELET, host: name }).event(res.object, "Normal", "NodeReady", `Node ${name} status is now: NodeReady`);
  }

  /** Pod admitted on its node: status Pending with containers being created, then pull and start each container. */
  private admit(namespace: string, name: string): void {
    const pod = this.ctx.store.get("Pod", namespace, name);
    if (!pod?.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const node = this.ctx.store.get("Node", undefined, pod.spec.nodeName);
    const ts = this.ctx.timestamp(this.ctx.now());
    const containers = pod.spec.containers ?? [];
    const res = this.ctx.store.mutate("Pod", namespace, name, (p) => {
      const st = (p.status ??= {});
      st.phase = "Pending";
      st.hostIP = node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
      if (st.hostIP) st.hostIPs = [{ ip: st.hostIP }];
      st.startTime = ts;
      st.conditions = [
        cond("PodReadyToStartContainers", "False", ts),
        cond("Initialized", "True", ts),
        cond("Ready", "False", ts, "ContainersNotReady", `containers with unready status: [${containers.map((c) => c.name).join(" ")}]`),
        cond("ContainersReady", "False", ts, "ContainersNotReady", `containers with unready status: [${containers.map((c) => c.name).join(" ")}]`),
        cond("PodScheduled", "True", ts),
      ];
      st.containerStatuses = containers.map((c) => waiting(c, "ContainerCreating"));
    });
    if (!res.ok) return;
    const rec = this.ctx.recorder({ component: KUBELET, host: pod.spec.nodeName });
    // Sandbox and network first, then each container's image pull in order, then start.
    this.ctx.after(0, `kubelet ${pod.spec.nodeName}: sandbox ${namespace}/${name}`, () => {
      const ip = podIPFor(this.ctx.store, pod.spec!.nodeName!);
      const r = this.ctx.store.mutate("Pod", namespace, name, (p) => {
        const st = p.status!;
        st.podIP = ip;
        st.podIPs = [{ ip }];
        setCond(st.conditions!, "PodReadyToStartContainers", "True", this.ctx.timestamp(this.ctx.now()));
      });
      if (!r.ok) return;
      let delay = 0;
      for (const c of containers) {
        const image = c.image ?? "";
        const d = pullDurationMs(image, pod.metadata.annotations, c.name);
        this.ctx.after(delay, `kubelet ${pod.spec!.nodeName}: pull ${image}`, () => {
          const live = this.ctx.store.get("Pod", namespace, name);
          if (!live || live.metadata.uid !== pod.metadata.uid) return;
          rec.event(live, "Normal", "Pulling", `Pulling image "${image}"`);
        });
        delay += d;
        this.ctx.after(delay, `kubelet ${pod.spec!.nodeName}: start ${namespace}/${name} ${c.name}`, () => this.startContainer(pod, c, d));
      }
    });
  }

  private startContainer(pod: Stored<"Pod">, c: Container, pullMs: number): void {
    const { namespace, name } = pod.metadata;
    const live = this.ctx.store.get("Pod", namespace, name);
    if (!live || live.metadata.uid !== pod.metadata.uid || live.metadata.deletionTimestamp) return;
    const rec = this.ctx.recorder({ component: KUBELET, host: pod.spec!.nodeName! });
    const secs = formatGoSeconds(pullMs);
    rec.event(live, "Normal", "Pulled", `Successfully pulled image "${c.image}" in ${secs} (${secs} including waiting). Image size: ${imageInfo(c.image ?? "").sizeBytes} bytes.`);
    rec.event(live, "Normal", "Created", `Created container: ${c.name}`);
    rec.event(live, "Normal", "Started", `Started container ${c.name}`);
    const ts = this.ctx.timestamp(this.ctx.now());
    this.ctx.store.mutate("Pod", namespace, name, (p) => {
      const st = p.status!;
      st.containerStatuses = (st.containerStatuses ?? []).map((cs) => cs.name !== c.name ? cs : {
        ...cs, state: { running: { startedAt: ts } }, ready: true, started: true,
        imageID: `${normalizeImage(c.image ?? "")}@sha256:${imageInfo(c.image ?? "").digest}`,
        containerID: `containerd://${p.metadata!.uid!.replace(/-/g, "")}${c.name.length.toString(16)}`,
      });
      const allRunning = st.containerStatuses.every((cs) => cs.state?.running);
      if (allRunning) {
        st.phase = "Running";
        setCond(st.conditions!, "ContainersReady", "True", ts);
        setCond(st.conditions!, "Ready", "True", ts);
      }
    });
  }

  /** Deletion: stop every container (the skeleton's containers exit on TERM at once), then remove the pod. */
  private kill(namespace: string, name: string): void {
    const pod = this.ctx.store.get("Pod", namespace, name);
    if (!pod?.metadata.deletionTimestamp) return;
    const rec = this.ctx.recorder({ component: KUBELET, host: pod.spec?.nodeName });
    for (const cs of pod.status?.containerStatuses ?? []) {
      if (cs.state?.running) rec.event(pod, "Normal", "Killing", `Stopping container ${cs.name}`);
    }
    this.ctx.store.delete("Pod", namespace, name, { gracePeriodSeconds: 0 });
  }
}

function waiting(c: Container, reason: string): ContainerStatus {
  return { name: c.name, image: c.image ?? "", imageID: "", ready: false, restartCount: 0, started: false, state: { waiting: { reason } } };
}

function cond(type: string, status: string, ts: string, reason?: string, message?: string): PodCondition {
  return { type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: ts, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

function setCond(conds: PodCondition[], type: string, status: string, ts: string): void {
  const i = conds.findIndex((c) => c.type === type);
  const next: PodCondition = { type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: ts };
  if (i < 0) conds.push(next);
  else if (conds[i]!.status !== status) conds[i] = next;
}

/** "docker.io/library/nginx:latest" for "nginx", as containerd reports image references. */
export function normalizeImage(image: string): string {
  let ref = image;
  if (!/[:@]/.test(ref.split("/").pop() ?? "")) ref += ":latest";
  const first = ref.split("/")[0]!;
  if (!ref.includes("/")) ref = `docker.io/library/${ref}`;
  else if (!first.includes(".") && !first.includes(":") && first !== "localhost") ref = `docker.io/${ref}`;
  return ref;
}

/** Go's time.Duration String for whole milliseconds: "2s", "1.5s", "850ms", "1m2.5s". */
export function formatGoSeconds(msTotal: number): string {
  if (msTotal < 1000) return `${msTotal}ms`;
  const m = Math.floor(msTotal / 60000);
  const s = (msTotal % 60000) / 1000;
  const sec = `${Number(s.toFixed(3))}s`;
  return m > 0 ? `${m}m${sec}` : sec;
}

export type { Pod };
