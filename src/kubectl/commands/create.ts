/**
 * `kubectl create` (kubectl pkg/cmd/create): `-f -` (manifests on stdin, created, never updated),
 * `deployment NAME --image=IMG… [--replicas=N] [--port=P] [-- COMMAND…]`, `namespace NAME`,
 * `configmap NAME --from-literal=K=V…`, `service clusterip|nodeport|loadbalancer NAME --tcp=P[:T]…`
 * and `service externalname NAME --external-name HOST`, each building the object the upstream
 * generator builds and printing "deployment.apps/web created".
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Container, Service, ServicePort } from "kubernetes-types/core/v1";
import type { Kind, KindMap } from "../../api/types";
import { parseManifests } from "../../scenario/parse";
import { takeRepeated } from "./common";
import { num, parseFlags, str } from "./flags";
import { groupResource, objectName } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

/** NameFromCommandArgs: exactly one NAME. */
function nameArg(ctx: CommandContext, positionals: readonly string[]): { name: string } | CommandResult {
  if (positionals.length === 0) return usageError(ctx, "NAME is required");
  if (positionals.length > 1) return fail(`exactly one NAME is required, got ${positionals.length}`);
  return { name: positionals[0]! };
}

function createObject<K extends Kind>(ctx: CommandContext, kind: K, obj: KindMap[K], wrap?: (message: string) => string): CommandResult {
  const res = ctx.host.store.create(kind, obj);
  if (!res.ok) {
    // The API server names the group resource ("deployments.apps"); the store only the plural.
    const message = res.reason === "AlreadyExists" ? `${groupResource(kind)} "${obj.metadata?.name ?? ""}" already exists` : res.message;
    return fail(wrap ? wrap(message) : `Error from server (${res.reason}): ${message}`);
  }
  return { stdout: `${objectName(kind, res.object.metadata.name)} created\n`, stderr: "", exitCode: 0 };
}

/** The container name create deployment derives from an image: last path part, no tag or digest. */
function containerName(image: string, taken: Set<string>): string {
  let name = image.split("/").pop() ?? image;
  name = name.split("@")[0]!.split(":")[0]!.replace(/_/g, "-");
  let unique = name;
  for (let i = 1; taken.has(unique); i++) unique = `${name}-${i}`;
  taken.add(unique);
  return unique;
}

function createDeployment(args: readonly string[], ctx: CommandContext): CommandResult {
  const dash = args.indexOf("--");
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const images = takeRepeated(dash < 0 ? args : args.slice(0, dash), "image", { slice: true });
  if ("error" in images) return usageError(ctx, images.error);
  const parsed = parseFlags(images.rest, { replicas: { type: "int", short: "r" }, port: { type: "int" } });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  if (images.values.length === 0) return usageError(ctx, `required flag(s) "image" not set`);
  const n = nameArg(ctx, parsed.positionals);
  if (!("name" in n)) return n;
  const labels = { app: n.name };
  const taken = new Set<string>();
  const containers: Container[] = images.values.map((image) => ({
    name: containerName(image, taken), image, ...(command.length ? { command: [...command] } : {}),
  }));
  const port = num(parsed.flags, "port");
  if (port !== undefined && port >= 0 && containers[0]) containers[0].ports = [{ containerPort: port }];
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: n.name, labels, namespace: str(parsed.flags, "namespace") ?? "default" },
    spec: {
      replicas: num(parsed.flags, "replicas") ?? 1,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
  };
  return createObject(ctx, "Deployment", d, (m) => `failed to create deployment: ${m}`);
}

function createNamespace(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, {});
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const n = nameArg(ctx, parsed.positionals);
  if (!("name" in n)) return n;
  return createObject(ctx, "Namespace", { apiVersion: "v1", kind: "Namespace", metadata: { name: n.name } });
}

function createConfigMap(args: readonly string[], ctx: CommandContext): CommandResult {
  const literals = takeRepeated(args, "from-literal");
  if ("error" in literals) return usageError(ctx, literals.error);
  const parsed = parseFlags(literals.rest, {});
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const n = nameArg(ctx, parsed.positionals);
  if (!("name" in n)) return n;
  const data: Record<string, string> = {};
  for (const lit of literals.values) {
    const eq = lit.indexOf("=");
    if (eq <= 0) return fail(`invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, eq);
    if (key in data) return fail(`cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${n.name}"`);
    data[key] = lit.slice(eq + 1);
  }
  const ns = str(parsed.flags, "namespace") ?? "default";
  return createObject(ctx, "ConfigMap", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: n.name, namespace: ns }, data }, (m) => `failed to create configmap: ${m}`);
}

const SERVICE_TYPES: Record<string, NonNullable<Service["spec"]>["type"]> = {
  clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer", externalname: "ExternalName",
};

/** parsePorts: "PORT" or "PORT:TARGET" (a number or a port name). */
function servicePort(spec: string, nodePort: number): ServicePort | { error: string } {
  const [p, t] = spec.split(":");
  const port = Number(p);
  if (!/^\d+$/.test(p ?? "") || port < 1 || port > 65535) return { error: `invalid port: ${JSON.stringify(p)}` };
  let targetPort: number | string = port;
  if (t !== undefined) targetPort = /^\d+$/.test(t) ? Number(t) : t;
  return { name: spec.replace(/:/g, "-"), port, targetPort, protocol: "TCP", ...(nodePort ? { nodePort } : {}) };
}

function createService(args: readonly string[], ctx: CommandContext): CommandResult {
  const [sub, ...rest] = args;
  const type = sub === undefined ? undefined : SERVICE_TYPES[sub];
  if (!type) return sub === undefined ? fail("you must specify a service type (clusterip, externalname, loadbalancer, nodeport)") : fail(`unknown command "${sub}" for "${ctx.path}"`);
  const sctx = { ...ctx, path: `${ctx.path} ${sub}` };
  const tcp = takeRepeated(rest, "tcp", { slice: true });
  if ("error" in tcp) return usageError(sctx, tcp.error);
  const parsed = parseFlags(tcp.rest, {
    clusterip: { type: "string" }, "node-port": { type: "int" },
    "external-name": { type: "string", ...(type === "ExternalName" ? { required: true } : {}) },
  });
  if (!parsed.ok) return usageError(sctx, parsed.error);
  const n = nameArg(sctx, parsed.positionals);
  if (!("name" in n)) return n;
  const clusterIP = str(parsed.flags, "clusterip");
  if (clusterIP === "None" && type !== "ClusterIP") return fail("ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && tcp.values.length === 0 && type !== "ExternalName") return fail("at least one tcp port specifier must be provided");
  const externalName = str(parsed.flags, "external-name");
  if (type === "ExternalName" && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName ?? "")) {
    return fail(`invalid service external name ${externalName ?? ""}`);
  }
  const ports: ServicePort[] = [];
  for (const spec of tcp.values) {
    const p = servicePort(spec, num(parsed.flags, "node-port") ?? 0);
    if ("error" in p) return fail(p.error);
    ports.push(p);
  }
  const svc: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: n.name, labels: { app: n.name }, namespace: str(parsed.flags, "namespace") ?? "default" },
    spec: {
      type, selector: { app: n.name }, ports,
      ...(externalName ? { externalName } : {}),
      ...(clusterIP ? { clusterIP } : {}),
    },
  };
  return createObject(ctx, "Service", svc, (m) => `failed to create ${type} service: ${m}`);
}

/** `create -f -`: every document created; an existing one is the server's AlreadyExists. */
function createFromStdin(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, { filename: { type: "string", short: "f" } });
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const file = str(parsed.flags, "filename")!;
  if (file !== "-") return fail(`the path "${file}" does not exist`);
  const docs = parseManifests(ctx.stdin ?? "");
  if (docs.objects.length === 0 && docs.errors.length === 0) return fail("no objects passed to create");
  let stdout = "";
  const errors = docs.errors.map((e) => e.message);
  for (const o of docs.objects) {
    const res = ctx.host.store.create(o.kind, o.object as KindMap[typeof o.kind]);
    if (res.ok) stdout += `${objectName(o.kind, res.object.metadata.name)} created\n`;
    else errors.push(`Error from server (${res.reason}): error when creating "STDIN": ${res.reason === "AlreadyExists" ? `${groupResource(o.kind)} "${o.object.metadata?.name ?? ""}" already exists` : res.message}`);
  }
  return errors.length ? { ...fail(errors.join("\n")), stdout } : { stdout, stderr: "", exitCode: 0 };
}

const SUBCOMMANDS: Record<string, (args: readonly string[], ctx: CommandContext) => CommandResult> = {
  deployment: createDeployment, deploy: createDeployment,
  namespace: createNamespace, ns: createNamespace,
  configmap: createConfigMap, cm: createConfigMap,
  service: createService, svc: createService,
};

export const createCommand: KubectlCommand = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub !== undefined && SUBCOMMANDS[sub]) return SUBCOMMANDS[sub]!(rest, { ...ctx, path: `${ctx.path} ${sub}` });
    if (args.some((a) => a === "-f" || a.startsWith("-f") || a.startsWith("--filename"))) return createFromStdin(args, ctx);
    if (sub === undefined) return fail("must specify one of -f and -k");
    return usageError(ctx, `Unexpected args: [${args.filter((a) => !a.startsWith("-")).join(" ")}]`);
  },
};
