/**
 * API-server defaulting (k8s pkg/apis/{core,apps,batch,autoscaling,scheduling,discovery}/v1*
 * defaults.go, Kubernetes 1.36 with its default feature gates), for the fields the engine reads.
 * Runs on every object written to the store, including those controllers create, so it is pure
 * (a new object; the input is never touched), idempotent and cheap.
 */
import type { KObject, Kind } from "../api/types";
import { KINDS } from "../api/types";
import type { PodSpec } from "kubernetes-types/core/v1";
import type { HPAScalingRules } from "kubernetes-types/autoscaling/v2";
import { podOnlyDefaults, podSpecDefaults } from "./defaults-pod";

// Loose views of the objects: defaulting must cope with whatever passed the schema.
type Obj = Record<string, unknown>;
const obj = (parent: Obj, key: string): Obj => {
  const v = parent[key];
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Obj;
  const created: Obj = {};
  parent[key] = created;
  return created;
};
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === "object" && x !== null) : []);
const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined) o[key] = value;
};

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const CLIENT_IP_AFFINITY_SECONDS = 10800;
/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80;
/** math.MaxInt32: backoffLimit when backoffLimitPerIndex is set. */
const MAX_INT32 = 2147483647;

/**
 * The HPA behavior defaults (autoscaling/v2 defaults.go) for one direction. The API server fills
 * them only when `spec.behavior` is set; the HPA controller uses the same values when it is not.
 * Scale-down stabilization is left unset here as upstream does: the controller's
 * --horizontal-pod-autoscaler-downscale-stabilization (300 s) applies.
 */
export function defaultScalingRules(direction: "scaleUp" | "scaleDown"): HPAScalingRules {
  return direction === "scaleUp"
    ? { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Pods", value: 4, periodSeconds: 15 }, { type: "Percent", value: 100, periodSeconds: 15 }] }
    : { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };
}

function scalingRules(given: unknown, direction: "scaleUp" | "scaleDown"): Obj {
  const out = defaultScalingRules(direction) as Obj;
  if (typeof given === "object" && given !== null) {
    for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k] = v;
  }
  return out;
}

function templateDefaults(spec: Obj): void {
  const template = spec.template;
  if (typeof template === "object" && template !== null) podSpecDefaults(obj(template as Obj, "spec") as unknown as PodSpec);
}

/** SetDefaults_PersistentVolumeClaim(+Spec): also applied to StatefulSet claim templates. */
function pvcDefaults(pvc: Obj): void {
  setIfUnset(obj(pvc, "spec"), "volumeMode", "Filesystem");
  setIfUnset(obj(pvc, "status"), "phase", "Pending");
}

const DEFAULTERS: Partial<Record<Kind, (o: Obj) => void>> = {
  Pod(o) {
    const spec = obj(o, "spec") as unknown as PodSpec;
    podSpecDefaults(spec);
    podOnlyDefaults(spec);
  },
  Deployment(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "replicas", 1);
    const strategy = obj(spec, "strategy");
    setIfUnset(strategy, "type", "RollingUpdate");
    if (strategy.type === "RollingUpdate") {
      const ru = obj(strategy, "rollingUpdate");
      setIfUnset(ru, "maxUnavailable", "25%");
      setIfUnset(ru, "maxSurge", "25%");
    }
    setIfUnset(spec, "revisionHistoryLimit", 10);
    setIfUnset(spec, "progressDeadlineSeconds", 600);
    // Not defaulted upstream (a plain int32 that is 0 when absent); set for readers' convenience.
    setIfUnset(spec, "minReadySeconds", 0);
    templateDefaults(spec);
  },
  ReplicaSet(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "replicas", 1);
    templateDefaults(spec);
  },
  StatefulSet(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "podManagementPolicy", "OrderedReady");
    const us = obj(spec, "updateStrategy");
    if (us.type === undefined) {
      us.type = "RollingUpdate";
      obj(us, "rollingUpdate");
    }
    // As upstream: an explicit RollingUpdate without rollingUpdate gets no partition.
    if (us.type === "RollingUpdate" && typeof us.rollingUpdate === "object" && us.rollingUpdate !== null) {
      const ru = us.rollingUpdate as Obj;
      setIfUnset(ru, "partition", 0);
      setIfUnset(ru, "maxUnavailable", 1); // MaxUnavailableStatefulSet: beta, on since 1.35
    }
    const retention = obj(spec, "persistentVolumeClaimRetentionPolicy");
    setIfUnset(retention, "whenDeleted", "Retain");
    setIfUnset(retention, "whenScaled", "Retain");
    setIfUnset(spec, "replicas", 1);
    setIfUnset(spec, "revisionHistoryLimit", 10);
    templateDefaults(spec);
    for (const claim of list(spec.volumeClaimTemplates)) pvcDefaults(claim);
  },
  DaemonSet(o) {
    const spec = obj(o, "spec");
    const us = obj(spec, "updateStrategy");
    setIfUnset(us, "type", "RollingUpdate");
    if (us.type === "RollingUpdate") {
      const ru = obj(us, "rollingUpdate");
      setIfUnset(ru, "maxUnavailable", 1);
      setIfUnset(ru, "maxSurge", 0);
    }
    setIfUnset(spec, "revisionHistoryLimit", 10);
    templateDefaults(spec);
  },
  Job(o) {
    const spec = obj(o, "spec");
    if (spec.completions === undefined && spec.parallelism === undefined) {
      spec.completions = 1;
      spec.parallelism = 1;
    }
    setIfUnset(spec, "parallelism", 1);
    setIfUnset(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6);
    const meta = obj(o, "metadata");
    const templateLabels = (spec.template as { metadata?: { labels?: Obj } } | undefined)?.metadata?.labels;
    if (templateLabels && Object.keys((meta.labels as Obj | undefined) ?? {}).length === 0) meta.labels = { ...templateLabels };
    setIfUnset(spec, "completionMode", "NonIndexed");
    setIfUnset(spec, "suspend", false);
    setIfUnset(spec, "podReplacementPolicy", spec.podFailurePolicy !== undefined ? "Failed" : "TerminatingOrFailed");
    setIfUnset(spec, "manualSelector", false);
    for (const rule of list((spec.podFailurePolicy as Obj | undefined)?.rules)) {
      for (const pattern of list(rule.onPodConditions)) setIfUnset(pattern, "status", "True");
    }
    templateDefaults(spec);
  },
  CronJob(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "concurrencyPolicy", "Allow");
    setIfUnset(spec, "suspend", false);
    setIfUnset(spec, "successfulJobsHistoryLimit", 3);
    setIfUnset(spec, "failedJobsHistoryLimit", 1);
    // The job template's pod spec is defaulted; Job-level defaults apply when the Job is created.
    templateDefaults(obj(obj(spec, "jobTemplate"), "spec"));
  },
  Service(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "sessionAffinity", "None");
    if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
    if (spec.sessionAffinity === "ClientIP") {
      const clientIP = obj(obj(spec, "sessionAffinityConfig"), "clientIP");
      setIfUnset(clientIP, "timeoutSeconds", CLIENT_IP_AFFINITY_SECONDS);
    }
    setIfUnset(spec, "type", "ClusterIP");
    for (const port of list(spec.ports)) {
      setIfUnset(port, "protocol", "TCP");
      if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
    }
    const type = spec.type;
    const externallyAccessible = type === "NodePort" || type === "LoadBalancer"
      || (type === "ClusterIP" && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
    if (externallyAccessible) setIfUnset(spec, "externalTrafficPolicy", "Cluster");
    if (type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP") setIfUnset(spec, "internalTrafficPolicy", "Cluster");
    if (type === "LoadBalancer") setIfUnset(spec, "allocateLoadBalancerNodePorts", true);
    // IP families are assigned at creation by the service registry; the playground's cluster is
    // single-stack IPv4, so every service that gets a cluster IP is SingleStack / [IPv4].
    if (type !== "ExternalName") {
      setIfUnset(spec, "ipFamilyPolicy", "SingleStack");
      setIfUnset(spec, "ipFamilies", ["IPv4"]);
    }
  },
  PersistentVolumeClaim: pvcDefaults,
  Secret(o) {
    setIfUnset(o, "type", "Opaque");
  },
  ConfigMap(o) {
    setIfUnset(o, "data", {});
  },
  Namespace(o) {
    const meta = obj(o, "metadata");
    if (typeof meta.name === "string" && meta.name !== "") obj(meta, "labels")["kubernetes.io/metadata.name"] = meta.name;
    setIfUnset(obj(o, "status"), "phase", "Active");
  },
  Node(o) {
    const status = o.status as Obj | undefined;
    if (status && status.allocatable === undefined && typeof status.capacity === "object" && status.capacity !== null) {
      status.allocatable = { ...(status.capacity as Obj) };
    }
  },
  PriorityClass(o) {
    setIfUnset(o, "preemptionPolicy", "PreemptLowerPriority");
  },
  HorizontalPodAutoscaler(o) {
    const spec = obj(o, "spec");
    setIfUnset(spec, "minReplicas", 1);
    if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
      spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
    }
    if (typeof spec.behavior === "object" && spec.behavior !== null) {
      const behavior = spec.behavior as Obj;
      behavior.scaleUp = scalingRules(behavior.scaleUp, "scaleUp");
      behavior.scaleDown = scalingRules(behavior.scaleDown, "scaleDown");
    }
  },
  EndpointSlice(o) {
    for (const port of list(o.ports)) {
      setIfUnset(port, "name", "");
      setIfUnset(port, "protocol", "TCP");
    }
  },
};

/**
 * The object as the API server would store it: defaults filled in, `metadata.namespace` "default"
 * for namespaced kinds when unset (removed for cluster-scoped kinds), apiVersion and kind set.
 */
export function applyDefaults(kind: Kind, input: KObject): KObject {
  const out = structuredClone(input) as Obj;
  const info = KINDS[kind];
  out.apiVersion ??= info.apiVersion;
  out.kind ??= kind;
  const meta = obj(out, "metadata");
  if (info.namespaced) {
    if (!meta.namespace) meta.namespace = "default";
  } else delete meta.namespace;
  DEFAULTERS[kind]?.(out);
  return out as KObject;
}
