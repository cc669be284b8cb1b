/**
 * The API server's proxy to the kubelets, as kubectl logs / exec / top reach it: logs from the
 * kubelet component's log API, exec into the running instance of a container (its shell, its file
 * system: `exec web -- rm /tmp/healthy` really removes the file the liveness probe reads), and the
 * metrics API (pod and node usage, from the kubelets' resource stats).
 */
import type { ObjectStore } from "../../api/store";
import type { Kubelets } from "../../kubelet/kubelet";
import type { Component } from "../../sim/component";
import type { ExecRequest, ExecResult, NodeProxy } from "./types";

/** Virtual time an exec'd command may spend sleeping before it is cut off (the cluster clock does not move meanwhile). */
export const EXEC_BUDGET_MS = 10 * 60_000;

/** The kubelet port the API server dials for exec and logs. */
const KUBELET_PORT = 10250;

/** A NodeProxy over the kubelets component; undefined when the simulation runs none. */
export function kubeletProxy(component: Component | undefined, store: ObjectStore): NodeProxy | undefined {
  if (!component || !("nodes" in component) || !("logs" in component)) return undefined;
  const kubelets = component as unknown as Kubelets;
  return {
    logs: (req) => kubelets.logs(req),
    exec(req: ExecRequest): ExecResult {
      const pod = store.get("Pod", req.namespace, req.pod);
      const nodeName = pod?.spec?.nodeName;
      if (!pod || !nodeName) return { ok: false, message: `Error from server (BadRequest): pod ${req.pod} does not have a host assigned` };
      const node = kubelets.nodes.get(nodeName);
      if (!node?.up()) {
        return { ok: false, message: `Error from server: error dialing backend: dial tcp ${pod.status?.hostIP ?? nodeName}:${KUBELET_PORT}: i/o timeout` };
      }
      const inst = node.workers.get(pod.metadata.uid)?.runtime.latest(req.container);
      if (!inst || inst.state !== "running") {
        return { ok: false, message: `error: unable to upgrade connection: container not found ("${req.container}")` };
      }
      const r = inst.process.exec([...req.argv], EXEC_BUDGET_MS);
      return { ok: true, exitCode: r.code, output: r.output, timedOut: r.timedOut };
    },
    usage: (ns, name) => kubelets.usage(ns, name),
    nodeUsage: (name) => kubelets.nodeUsage(name),
  };
}
