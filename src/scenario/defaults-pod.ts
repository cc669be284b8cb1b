/**
 * API-server defaulting of pod specs (k8s pkg/apis/core/v1/defaults.go and the generated
 * SetObjectDefaults_* walks): what every PodSpec gets, wherever it sits (Pod, workload template,
 * CronJob job template), and the extra defaults only a Pod object gets.
 *
 * Functions here mutate the object they are given: callers pass a private copy.
 * Not here, on purpose: the default tolerations for not-ready / unreachable nodes
 * (DefaultTolerationSeconds admission), priority from the PriorityClass (Priority admission) and
 * the service-account volume: those are admission plugins, not defaulting.
 */
import type { Container, HTTPGetAction, PodSpec, Probe, Volume } from "kubernetes-types/core/v1";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** v1.DefaultTerminationGracePeriodSeconds. */
const TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** v1.TerminationMessagePathDefault. */
const TERMINATION_MESSAGE_PATH = "/dev/termination-log";
/** ConfigMap/Secret/DownwardAPI/Projected volume default mode 0644. */
const VOLUME_DEFAULT_MODE = 0o644;
/** SetDefaults_ServiceAccountTokenProjection: one hour. */
const TOKEN_EXPIRATION_SECONDS = 3600;

/**
 * The tag parsers.ParseImageName finds ("latest" when the reference has neither tag nor digest;
 * empty when it has only a digest or does not parse).
 */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  const tag = colon > lastSlash ? name.slice(colon + 1) : "";
  const repo = colon > lastSlash ? name.slice(0, colon) : name;
  // The first component is a registry when it has a '.' or ':' or is "localhost"; the path after
  // it must be lower case (docker reference grammar), or the reference does not parse.
  const parts = repo.split("/");
  const pathParts = parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === "localhost") ? parts.slice(1) : parts;
  if (repo === "" || pathParts.some((p) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return "";
  if (tag !== "" && !/^\w[\w.-]{0,127}$/.test(tag)) return "";
  return tag === "" && at < 0 ? "latest" : tag;
}

/** SetDefaults_Probe (and SetDefaults_HTTPGetAction on its handler). */
function probeDefaults(p: Mutable<Probe>): void {
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet) httpGetDefaults(p.httpGet);
}

function httpGetDefaults(h: Mutable<HTTPGetAction>): void {
  if (!h.path) h.path = "/";
  if (!h.scheme) h.scheme = "HTTP";
}

/** SetDefaults_Container plus the defaults of everything a container holds. */
function containerDefaults(c: Mutable<Container>): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? "") === "latest" ? "Always" : "IfNotPresent";
  if (!c.terminationMessagePath) c.terminationMessagePath = TERMINATION_MESSAGE_PATH;
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = "File";
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = "TCP";
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) probeDefaults(probe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (handler?.httpGet) httpGetDefaults(handler.httpGet);
  for (const env of c.env ?? []) {
    const ref = env.valueFrom?.fieldRef;
    if (ref && !ref.apiVersion) ref.apiVersion = "v1";
  }
}

/** SetDefaults_Volume and the defaults of each volume source. */
function volumeDefaults(v: Mutable<Volume>): void {
  const sources = Object.keys(v).filter((k) => k !== "name");
  if (sources.length === 0) v.emptyDir = {};
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = VOLUME_DEFAULT_MODE;
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = VOLUME_DEFAULT_MODE;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = VOLUME_DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = "v1";
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = VOLUME_DEFAULT_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken && s.serviceAccountToken.expirationSeconds === undefined) {
        s.serviceAccountToken.expirationSeconds = TOKEN_EXPIRATION_SECONDS;
      }
      for (const item of s.downwardAPI?.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = "v1";
    }
  }
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = "";
}

/** SetDefaults_PodSpec and the walk over its containers and volumes: every PodSpec gets these. */
export function podSpecDefaults(spec: Mutable<PodSpec>): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = TERMINATION_GRACE_PERIOD_SECONDS;
  if (!spec.schedulerName) spec.schedulerName = "default-scheduler";
  for (const c of spec.initContainers ?? []) containerDefaults(c);
  for (const c of spec.containers ?? []) containerDefaults(c);
  for (const c of spec.ephemeralContainers ?? []) containerDefaults(c as Container);
  for (const v of spec.volumes ?? []) volumeDefaults(v);
}

/**
 * SetDefaults_Pod: only a Pod object gets these, not a pod template (upstream keeps them out of
 * templates on purpose), so a workload's pods get them when the controller creates them.
 */
export function podOnlyDefaults(spec: Mutable<PodSpec>): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
  }
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of c.ports ?? []) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
}
