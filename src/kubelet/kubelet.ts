/**
 * The kubelets of every node, as one component: a NodeKubelet per Node object, started when the
 * node appears (and its machine is up), stopped when the machine goes down, restarted when it
 * comes back. Also what the kubelets share: data that outlives pods (PVC and hostPath volumes),
 * the pod network with kube-proxy's choice of Service endpoints, container logs
 * (`kubectl logs`, `--previous`), and the resource metrics metrics-server scrapes (`kubectl top`).
 */
import type { Stored } from "../api/types";
import type { Component, ComponentContext } from "../sim/component";
import { Volume } from "./behaviour/fs";
import { networkClient } from "./behaviour/net";
import type { Listener } from "./behaviour/net-types";
import { containerLogs, type LogRequest, type LogResult, type LogSource } from "./logs";
import { KUBELET, NodeKubelet } from "./node-kubelet";
import type { ContainerStats, NodeStats } from "./stats";

export { KUBELET };

export const kubeletFactory = (): Component => new Kubelets();

export class Kubelets implements Component, LogSource {
  readonly name = KUBELET;
  private ctx!: ComponentContext;
  readonly nodes = new Map<string, NodeKubelet>();
  private readonly persistent = new Map<string, Volume>();
  private indexes = 0;

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    const random = ctx.random("kube-proxy");
    const cluster = {
      persistentVolume: (key: string) => {
        let v = this.persistent.get(key);
        if (!v) this.persistent.set(key, (v = new Volume()));
        return v;
      },
      network: (namespace: string, self: Listener) => networkClient({ store: ctx.store, namespace, self, podAt: (ip) => this.podAt(ip), random }),
    };
    ctx.store.watch("Node", (ev) => {
      const name = ev.object.metadata.name;
      if (ev.type === "ADDED") {
        const k = new NodeKubelet(ctx, name, this.indexes++, cluster);
        this.nodes.set(name, k);
        ctx.after(0, `kubelet ${name}: start`, () => k.boot());
      } else if (ev.type === "DELETED") {
        this.nodes.get(name)?.shutdown();
        this.nodes.delete(name);
      }
    });
    ctx.store.watch("Pod", (ev) => {
      const pod = ev.object as Stored<"Pod">;
      const node = pod.spec?.nodeName;
      if (ev.type === "DELETED") {
        for (const k of this.nodes.values()) if (k.workers.has(pod.metadata.uid)) k.podRemoved(pod.metadata.uid);
        return;
      }
      // The kubelet's pod config ignores updates that only change the status (its own writes).
      if (ev.type === "MODIFIED" && ev.old && !differsSemantically(ev.old as Stored<"Pod">, pod)) return;
      if (node) this.nodes.get(node)?.podEvent(pod);
    });
    ctx.machines.onChange((node, state) => {
      ctx.after(0, `machine ${node} ${state}`, () => {
        const k = this.nodes.get(node);
        if (!k) return;
        if (state === "Down") k.shutdown();
        else k.boot();
      });
    });
  }

  /** The pod running at an IP, on any node whose kubelet is up. */
  private podAt(ip: string): Listener | undefined {
    for (const k of this.nodes.values()) {
      if (!k.up()) continue;
      for (const w of k.workers.values()) {
        if (w.runtime.sandbox?.ip === ip && w.runtime.sandbox.ready) return w.runtime;
      }
    }
    return undefined;
  }

  /** `kubectl logs`: a container's log lines, or kubectl's error. */
  logs(req: LogRequest): LogResult {
    const pod = this.ctx.store.get("Pod", req.namespace, req.pod);
    const worker = pod?.spec?.nodeName ? this.nodes.get(pod.spec.nodeName)?.workers.get(pod.metadata.uid) : undefined;
    return containerLogs(pod, worker?.runtime, req);
  }

  /**
   * The metrics API for a pod (metrics.k8s.io PodMetrics): its running containers' usage, read from
   * its node's kubelet. Undefined when the pod is not bound, its kubelet is down (metrics-server
   * cannot scrape it) or the kubelet does not run it.
   */
  usage(namespace: string, pod: string): ContainerStats[] | undefined {
    const p = this.ctx.store.get("Pod", namespace, pod);
    const node = p?.spec?.nodeName ? this.nodes.get(p.spec.nodeName) : undefined;
    return p && node ? node.podStats(p.metadata.uid) : undefined;
  }

  /** The metrics API for a node (NodeMetrics); undefined when its kubelet is down. */
  nodeUsage(node: string): NodeStats | undefined {
    return this.nodes.get(node)?.nodeStats();
  }
}

/** config.go podsDifferSemantically: spec, labels, annotations, deletion timestamps. */
function differsSemantically(a: Stored<"Pod">, b: Stored<"Pod">): boolean {
  const pick = (p: Stored<"Pod">) => JSON.stringify([p.spec, p.metadata.labels, p.metadata.annotations, p.metadata.deletionTimestamp, p.metadata.deletionGracePeriodSeconds, p.metadata.uid]);
  return pick(a) !== pick(b);
}
