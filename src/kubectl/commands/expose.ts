/**
 * `kubectl expose (TYPE NAME | TYPE/NAME) [--port=P] [--target-port=T] [--name=N] [--type=T]
 * [--protocol=TCP] [--selector=K=V,…]` (kubectl pkg/cmd/expose): a Service selecting what the
 * object selects (a Deployment's or ReplicaSet's matchLabels, a Service's selector, a Pod's
 * labels), on the given port or the ports its containers declare, printing "service/web exposed".
 */
import type { Container, PodSpec, Service, ServicePort } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { Kind, KObject } from "../../api/types";
import { groupKind } from "../printers";
import { parseFlags, str } from "./flags";
import { resolveTargets } from "./resources";
import { podSpecOf } from "./set";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

const EXPOSABLE: ReadonlySet<Kind> = new Set<Kind>(["Pod", "Service", "Deployment", "ReplicaSet"]);

/** MapBasedSelectorForObject: the selector as a label map. */
function selectorOf(kind: Kind, o: KObject): Record<string, string> | { error: string } {
  if (kind === "Pod") {
    const labels = o.metadata?.labels ?? {};
    if (Object.keys(labels).length === 0) return { error: "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed" };
    return { ...labels };
  }
  if (kind === "Service") {
    const sel = (o.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!sel || Object.keys(sel).length === 0) return { error: `couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set` };
    return { ...sel };
  }
  const sel = (o.spec as { selector?: LabelSelector } | undefined)?.selector;
  if (sel?.matchExpressions?.length) return { error: `couldn't retrieve selectors via --selector flag or introspection: ${groupKind(kind)} has expressions and cannot be exposed` };
  return { ...(sel?.matchLabels ?? {}) };
}

/** PortsForObject / ProtocolsForObject: every container port the object's pods declare. */
function containerPorts(kind: Kind, o: KObject): Array<{ port: number; protocol: string }> {
  if (kind === "Service") return ((o.spec as Service["spec"])?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
  const spec: PodSpec | undefined = podSpecOf(kind, o);
  return (spec?.containers ?? []).flatMap((c: Container) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "TCP" })));
}

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, {
    port: { type: "string" },
    "target-port": { type: "string" },
    name: { type: "string" },
    type: { type: "string" },
    protocol: { type: "string" },
    selector: { type: "string" },
    labels: { type: "string", short: "l" },
  });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const ns = str(f, "namespace") ?? "default";
  if (parsed.positionals.length === 0) return usageError(ctx, "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const t = resolveTargets(ctx.host.store, parsed.positionals, ns);
  if (!t.ok) return fail(t.error);
  if (t.notFound.length) return fail(t.notFound.join("\n"));
  let stdout = "";
  for (const target of t.targets) {
    if (!EXPOSABLE.has(target.kind)) {
      const gk = groupKind(target.kind).split(".");
      return { ...fail(`cannot expose a ${target.kind}${gk.length > 1 ? `.${gk.slice(1).join(".")}` : ""}`), stdout };
    }
    const o = ctx.host.store.get(target.kind, target.namespace, target.name) as KObject;
    let selector: Record<string, string>;
    const selText = str(f, "selector");
    if (selText !== undefined) {
      selector = {};
      for (const pair of selText.split(",")) {
        const eq = pair.indexOf("=");
        if (eq < 0) return { ...fail(`invalid selector: ${selText}`), stdout };
        selector[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
    } else {
      const s = selectorOf(target.kind, o);
      if ("error" in s) return { ...fail(s.error), stdout };
      selector = s;
    }
    const protocol = str(f, "protocol") ?? "TCP";
    const portFlag = str(f, "port");
    let ports: ServicePort[];
    const target_ = str(f, "target-port");
    const targetPort = target_ === undefined ? undefined : /^\d+$/.test(target_) ? Number(target_) : target_;
    if (portFlag !== undefined) {
      ports = portFlag.split(",").map((p, i, all) => ({
        ...(all.length > 1 ? { name: `port-${i + 1}` } : {}), port: Number(p), protocol, targetPort: targetPort ?? Number(p),
      }));
    } else {
      const found = containerPorts(target.kind, o);
      if (found.length === 0) return { ...fail("couldn't find port via --port flag or introspection"), stdout };
      ports = found.map((p, i) => ({
        ...(found.length > 1 ? { name: `port-${i + 1}` } : {}), port: p.port, protocol: str(f, "protocol") ?? p.protocol, targetPort: targetPort ?? p.port,
      }));
    }
    const labels: Record<string, string> = {};
    const labelText = str(f, "labels");
    if (labelText !== undefined) {
      for (const pair of labelText.split(",")) {
        const eq = pair.indexOf("=");
        if (eq >= 0) labels[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
    } else Object.assign(labels, o.metadata?.labels ?? {});
    const svc: Service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: str(f, "name") ?? target.name, namespace: target.namespace ?? ns, ...(Object.keys(labels).length ? { labels } : {}) },
      spec: { ports, selector, ...(str(f, "type") ? { type: str(f, "type") } : {}) },
    };
    const res = ctx.host.store.create("Service", svc);
    if (!res.ok) return { ...fail(`Error from server (${res.reason}): ${res.message}`), stdout };
    stdout += `service/${res.object.metadata.name} exposed\n`;
  }
  return { stdout, stderr: "", exitCode: 0 };
}

export const exposeCommand: KubectlCommand = {
  name: "expose",
  short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  run,
};
