/**
 * Containers, probes, volumes and pod templates as `kubectl describe` prints them
 * (describeContainers, DescribeProbe, describeVolumes, DescribePodTemplate in describe.go).
 */
import type {
  Container, ContainerState, ContainerStatus, EnvVar, Pod, PodTemplateSpec, Probe, TopologySpreadConstraint, Volume,
} from "kubernetes-types/core/v1";
import { formatLabelSelector } from "../labels";
import {
  goBool, goList, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printBool, printLabelsMultiline,
  printTolerationsMultiline, rfc1123z, sortedResources, stringOrNone, type PrefixWriter,
} from "./writer";
import { decodeQuantity, isQuantityError, milliValue, value } from "../../api/quantity";

/** Resolves an env var's fieldRef against the pod (EnvValueRetriever); undefined for a template. */
export type EnvResolver = (e: EnvVar) => string;

const intOrString = (v: number | string | undefined): string => (v === undefined ? "" : String(v));

/** DescribeProbe: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec ${goList(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const port = intOrString(p.httpGet.port);
    const host = p.httpGet.host ?? "";
    const hostPort = port ? (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${(p.httpGet.scheme ?? "").toLowerCase()}://${hostPort}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(w: PrefixWriter, stateName: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeResources(w: PrefixWriter, resources: Container["resources"], level: number): void {
  const limits = sortedResources(resources?.limits as Record<string, string> | undefined);
  const requests = sortedResources(resources?.requests as Record<string, string> | undefined);
  if (limits.length) w.write(level, "Limits:\n");
  for (const [k, v] of limits) w.write(level + 1, `${k}:\t${v}\n`);
  if (requests.length) w.write(level, "Requests:\n");
  for (const [k, v] of requests) w.write(level + 1, `${k}:\t${v}\n`);
}

/** ExtractContainerResourceValue: the resource in units of the divisor, rounded up. */
function resourceFieldValue(c: Container, resource: string, divisor: string | number | undefined): string {
  const [kind, name] = resource.split(".") as [string, string];
  const raw = (kind === "limits" ? c.resources?.limits : c.resources?.requests)?.[name];
  const q = raw === undefined ? undefined : decodeQuantity(raw);
  const d = decodeQuantity(divisor ?? "1");
  if (!q || isQuantityError(q) || isQuantityError(d)) return "0";
  if (name === "cpu") return String(Math.ceil(milliValue(q) / Math.max(1, milliValue(d))));
  return String(Math.ceil(value(q) / Math.max(1, value(d))));
}

function describeEnv(w: PrefixWriter, c: Container, resolve: EnvResolver | undefined): void {
  if (c.envFrom?.length) {
    w.write(LEVEL_2, "Environment Variables from:\n");
    for (const e of c.envFrom) {
      const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
      const name = e.configMapRef?.name ?? e.secretRef?.name ?? "";
      const optional = !!(e.configMapRef?.optional ?? e.secretRef?.optional);
      if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
      else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
    }
  }
  w.write(LEVEL_2, `Environment:${c.env?.length ? "" : "\t<none>"}\n`);
  for (const e of c.env ?? []) {
    const vf = e.valueFrom;
    if (!vf) {
      (e.value ?? "").split("\n").forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (vf.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ""} (${vf.fieldRef.apiVersion ?? ""}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef.resource;
      let v = resourceFieldValue(c, r, vf.resourceFieldRef.divisor);
      if (v === "0" && (r === "limits.cpu" || r === "limits.memory")) v = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${v} (${r})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ""}'>\tOptional: ${!!vf.secretKeyRef.optional}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ""}'>\tOptional: ${!!vf.configMapKeyRef.optional}\n`);
    }
  }
}

/** describeContainers: one block per container, with its status when the pod has one. */
export function describeContainers(
  w: PrefixWriter, label: string, containers: readonly Container[] | undefined, statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver | undefined, space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers?.length ? "" : " <none>"}\n`);
  const nameIndent = space ? " " : "";
  for (const c of containers ?? []) {
    const st = byName.get(c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
    if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ""}`).join(", ");
    w.write(LEVEL_2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ""}`).join(", ");
    w.write(LEVEL_2, hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
    if (c.command?.length) {
      w.write(LEVEL_2, "Command:\n");
      for (const s of c.command.flatMap((x) => x.split("\n"))) w.write(LEVEL_3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, "Args:\n");
      for (const s of c.args.flatMap((x) => x.split("\n"))) w.write(LEVEL_3, `${s}\n`);
    }
    if (st) {
      describeStatus(w, "State", st.state);
      if (st.lastState?.terminated) describeStatus(w, "Last State", st.lastState);
      w.write(LEVEL_2, `Ready:\t${printBool(st.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c, resolve);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(LEVEL_2, `Mounts:${mounts.length ? "" : "\t<none>"}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw", ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
  }
}

function describeVolume(w: PrefixWriter, v: Volume): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? "<none>"}\n`);
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit !== undefined && String(v.emptyDir.sizeLimit) !== "0" ? String(v.emptyDir.sizeLimit) : "<unset>";
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ""}\n    Optional:\t${goBool(v.secret.optional)}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ""}\n    Optional:\t${goBool(v.configMap.optional)}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${goBool(v.persistentVolumeClaim.readOnly)}\n`);
  } else if (v.ephemeral) {
    w.write(LEVEL_2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ""}\n    Optional:\t${goBool(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ""}\n    Optional:\t${goBool(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${goBool(v.nfs.readOnly)}\n`);
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ""}\n    ReadOnly:\t${goBool(v.csi.readOnly)}\n`);
    w.write(LEVEL_2, "VolumeAttributes:\t");
    const attrs = Object.keys(v.csi.volumeAttributes ?? {}).sort();
    if (!attrs.length) w.writeLine("<none>");
    attrs.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, "\t");
      w.write(LEVEL_2, `${k}=${v.csi!.volumeAttributes![k]}\n`);
    });
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? " " : ""}${v.name}:\n`);
    describeVolume(w, v);
  }
}

export function describeTopologySpreadConstraints(w: PrefixWriter, tscs: readonly TopologySpreadConstraint[] | undefined, space: string): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** DescribePodTemplate: the template of a workload, indented under "Pod Template:". */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  const spec = template.spec;
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length) describeContainers(w, "Init Containers", spec.initContainers, undefined, undefined, "  ");
  describeContainers(w, "Containers", spec?.containers, undefined, undefined, "  ");
  describeVolumes(w, spec?.volumes, "  ");
  describeTopologySpreadConstraints(w, spec?.topologySpreadConstraints, "  ");
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec?.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec?.tolerations);
}

/** EnvValueRetriever: the value a fieldRef env var has in this pod. */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? "";
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (m) return (m[1] === "labels" ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]!] ?? "";
    switch (path) {
      case "metadata.name": return pod.metadata?.name ?? "";
      case "metadata.namespace": return pod.metadata?.namespace ?? "";
      case "metadata.uid": return pod.metadata?.uid ?? "";
      case "spec.nodeName": return pod.spec?.nodeName ?? "";
      case "spec.serviceAccountName": return pod.spec?.serviceAccountName ?? "";
      case "status.hostIP": return pod.status?.hostIP ?? "";
      case "status.podIP": return pod.status?.podIP ?? "";
      case "status.podIPs": return (pod.status?.podIPs ?? []).map((p) => p.ip).join(",");
      default: return "";
    }
  };
}
