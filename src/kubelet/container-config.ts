/**
 * What the kubelet prepares before a container can be created: its environment (env, envFrom,
 * downward API, ConfigMap and Secret keys — a missing reference is CreateContainerConfigError),
 * its command line (command/args over the image's ENTRYPOINT/CMD), and the pod's volumes (a
 * missing ConfigMap or Secret volume blocks the pod in ContainerCreating with FailedMount).
 */
import type { Container, EnvVar, Pod, Volume as PodVolume } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import { imageConfig } from "./behaviour/images";
import { Volume, type Mount } from "./behaviour/fs";

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function decode(b64: string): string {
  try { return atob(b64); } catch { return b64; }
}

function secretData(store: ObjectStore, ns: string, name: string): Record<string, string> | undefined {
  const s = store.get("Secret", ns, name);
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = decode(v);
  for (const [k, v] of Object.entries(s.stringData ?? {})) out[k] = v;
  return out;
}

/** The value of a downward API field path ("metadata.name", "metadata.labels['app']", "status.podIP"). */
export function fieldValue(pod: Pod, path: string, ips: { podIP?: string; hostIP?: string }): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === "labels" ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]!] ?? "";
  switch (path) {
    case "metadata.name": return pod.metadata?.name ?? "";
    case "metadata.namespace": return pod.metadata?.namespace ?? "";
    case "metadata.uid": return pod.metadata?.uid ?? "";
    case "metadata.labels": return Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join("\n");
    case "metadata.annotations": return Object.entries(pod.metadata?.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join("\n");
    case "spec.nodeName": return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName": return pod.spec?.serviceAccountName ?? "default";
    case "status.hostIP": case "status.hostIPs": return ips.hostIP ?? "";
    case "status.podIP": case "status.podIPs": return ips.podIP ?? "";
    default: return "";
  }
}

/** $(VAR) references to earlier variables, as the kubelet expands them ($$ escapes). */
function expandRefs(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => (m === "$$" ? "$" : env[name!] ?? m));
}

export function containerEnv(store: ObjectStore, pod: Pod, c: Container, ips: { podIP?: string; hostIP?: string }): EnvResult {
  const ns = pod.metadata?.namespace ?? "default";
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? "";
  const env: Record<string, string> = { PATH, HOSTNAME: hostname, HOME: "/root" };
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    if (from.configMapRef) {
      const cm = store.get("ConfigMap", ns, from.configMapRef.name ?? "");
      if (!cm) { if (from.configMapRef.optional) continue; return { ok: false, message: `configmap "${from.configMapRef.name}" not found` }; }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    }
    if (from.secretRef) {
      const data = secretData(store, ns, from.secretRef.name ?? "");
      if (!data) { if (from.secretRef.optional) continue; return { ok: false, message: `secret "${from.secretRef.name}" not found` }; }
      for (const [k, v] of Object.entries(data)) env[prefix + k] = v;
    }
  }
  for (const e of c.env ?? []) {
    const v = envValue(store, pod, ns, e, env, ips);
    if (typeof v === "object") {
      if (v.skip) continue;
      return { ok: false, message: v.message };
    }
    env[e.name] = v;
  }
  return { ok: true, env };
}

function envValue(store: ObjectStore, pod: Pod, ns: string, e: EnvVar, env: Record<string, string>, ips: { podIP?: string; hostIP?: string }): string | { skip: boolean; message: string } {
  if (e.value !== undefined || !e.valueFrom) return expandRefs(e.value ?? "", env);
  const f = e.valueFrom;
  if (f.fieldRef) return fieldValue(pod, f.fieldRef.fieldPath, ips);
  if (f.resourceFieldRef) return "0";
  if (f.configMapKeyRef) {
    const ref = f.configMapKeyRef;
    const cm = store.get("ConfigMap", ns, ref.name ?? "");
    if (!cm) return { skip: ref.optional === true, message: `configmap "${ref.name}" not found` };
    const v = cm.data?.[ref.key];
    if (v === undefined) return { skip: ref.optional === true, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` };
    return v;
  }
  if (f.secretKeyRef) {
    const ref = f.secretKeyRef;
    const data = secretData(store, ns, ref.name ?? "");
    if (!data) return { skip: ref.optional === true, message: `secret "${ref.name}" not found` };
    const v = data[ref.key];
    if (v === undefined) return { skip: ref.optional === true, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` };
    return v;
  }
  return "";
}

/** The process's argv: command/args replace the image's ENTRYPOINT/CMD as the container runtime does. */
export function commandLine(c: Container, env: Record<string, string>): string[] {
  const img = imageConfig(c.image ?? "");
  const entry = c.command ?? img.entrypoint;
  const args = c.args ?? (c.command ? [] : img.cmd);
  let argv = [...entry, ...args].map((a) => expandRefs(a, env));
  // The official images' docker-entrypoint scripts exec their arguments, or the server with
  // those arguments when the first one is an option ("redis-server --maxmemory 100mb").
  const base = (argv[0] ?? "").split("/").pop() ?? "";
  if (!c.command && (base === "docker-entrypoint.sh" || base === "entrypoint.sh")) {
    argv = argv.slice(1);
    if (argv.length === 0 || argv[0]!.startsWith("-")) argv = [...img.cmd, ...argv];
  }
  return argv;
}

export type VolumeSetup = { ok: true } | { ok: false; volume: string; message: string };

/**
 * The pod's volumes, shared by its containers: emptyDirs live as long as the pod; ConfigMap,
 * Secret and downward API volumes are projected when the pod starts; PVC and hostPath data
 * outlive the pod (kept by the node or the cluster, see `persistent`).
 */
export class PodVolumes {
  private readonly volumes = new Map<string, Volume>();

  constructor(
    private readonly store: ObjectStore,
    private readonly pod: Pod,
    private readonly persistent: (key: string) => Volume,
  ) {}

  /** Mounts every volume; the first that cannot be mounted is reported as the kubelet's volume manager would. */
  setUp(ips: { podIP?: string; hostIP?: string }): VolumeSetup {
    const ns = this.pod.metadata?.namespace ?? "default";
    for (const v of this.pod.spec?.volumes ?? []) {
      if (this.volumes.has(v.name)) continue;
      const r = this.build(v, ns, ips);
      if ("message" in r) return { ok: false, volume: v.name, message: r.message };
      this.volumes.set(v.name, r);
    }
    return { ok: true };
  }

  private build(v: PodVolume, ns: string, ips: { podIP?: string; hostIP?: string }): Volume | { message: string } {
    const files = (data: Record<string, string>, items: Array<{ key: string; path: string }> | undefined): Volume | { message: string } => {
      const vol = new Volume(true);
      const pairs = items?.length ? items.map((i) => [i.path, data[i.key]] as const) : Object.entries(data);
      for (const [path, content] of pairs) {
        if (content === undefined) return { message: `configmap references non-existent config key: ${path}` };
        addFile(vol, path, content);
      }
      return vol;
    };
    if (v.configMap) {
      const cm = this.store.get("ConfigMap", ns, v.configMap.name ?? "");
      if (!cm) return v.configMap.optional ? new Volume(true) : { message: `configmap "${v.configMap.name}" not found` };
      return files(cm.data ?? {}, v.configMap.items);
    }
    if (v.secret) {
      const data = secretData(this.store, ns, v.secret.secretName ?? "");
      if (!data) return v.secret.optional ? new Volume(true) : { message: `secret "${v.secret.secretName}" not found` };
      return files(data, v.secret.items);
    }
    if (v.downwardAPI) {
      const vol = new Volume(true);
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) addFile(vol, item.path, fieldValue(this.pod, item.fieldRef.fieldPath, ips));
      }
      return vol;
    }
    if (v.persistentVolumeClaim) {
      const claim = v.persistentVolumeClaim.claimName;
      if (!this.store.get("PersistentVolumeClaim", ns, claim)) return { message: `persistentvolumeclaim "${claim}" not found` };
      return this.persistent(`pvc/${ns}/${claim}`);
    }
    if (v.hostPath) return this.persistent(`host/${this.pod.spec?.nodeName ?? ""}${v.hostPath.path}`);
    return new Volume();
  }

  /** A container's mounts (volumeMounts with subPath and readOnly). */
  mounts(c: Container): Mount[] {
    const out: Mount[] = [];
    for (const m of c.volumeMounts ?? []) {
      const vol = this.volumes.get(m.name);
      if (!vol) continue;
      out.push({ path: m.mountPath.replace(/\/+$/, "") || "/", volume: m.subPath ? subVolume(vol, m.subPath) : vol, readOnly: m.readOnly === true });
    }
    return out;
  }
}

function addFile(vol: Volume, path: string, content: string): void {
  const parts = path.split("/").filter(Boolean);
  for (let i = 1; i < parts.length; i++) vol.dirs.add(parts.slice(0, i).join("/"));
  vol.files.set(parts.join("/"), content);
}

/** A subPath mount sees a directory of the volume as its root (a view sharing the same maps would need prefixes; a copy keeps it simple). */
function subVolume(vol: Volume, sub: string): Volume {
  const view = new Volume(vol.readOnly);
  const prefix = `${sub.replace(/^\/+|\/+$/g, "")}/`;
  for (const [k, v] of vol.files) if (k.startsWith(prefix)) view.files.set(k.slice(prefix.length), v);
  for (const d of vol.dirs) if (d.startsWith(prefix)) view.dirs.add(d.slice(prefix.length));
  const single = vol.files.get(prefix.slice(0, -1));
  if (single !== undefined) view.files.set("", single);
  return view;
}
