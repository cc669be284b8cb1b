import { describe, expect, it } from "vitest";
import type { Kind, KObject } from "../api/types";
import { applyDefaults, defaultScalingRules } from "./defaults";
import { imageTag } from "./defaults-pod";
import { parseManifests } from "./parse";
import { DOCS_EXAMPLES } from "./testdata/docs-examples";

type Obj = Record<string, unknown>;
const c = (over: Obj = {}): Obj => ({ name: "web", image: "nginx:1.27", ...over });
const tpl = (spec: Obj = {}): Obj => ({ metadata: { labels: { app: "web" } }, spec: { containers: [c()], ...spec } });
const meta = { name: "web" };

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Reads a dotted path ("spec.template.spec.containers.0.imagePullPolicy") out of an object. */
function at(o: unknown, p: string): unknown {
  return p.split(".").reduce<unknown>((x, k) => (x as Obj | undefined)?.[k], o);
}

describe("applyDefaults: the API server's values", () => {
  it.each<[string, Kind, Obj, Record<string, unknown>]>([
    ["namespace default for namespaced kinds", "ConfigMap", { metadata: meta }, { "metadata.namespace": "default", data: {} }],
    ["no namespace for cluster-scoped kinds", "PriorityClass", { metadata: { name: "p", namespace: "x" }, value: 1 },
      { "metadata.namespace": undefined, preemptionPolicy: "PreemptLowerPriority" }],
    ["apiVersion and kind filled in", "Deployment", { metadata: meta, spec: { template: tpl() } }, { apiVersion: "apps/v1", kind: "Deployment" }],
    ["pod spec", "Pod", { metadata: meta, spec: { containers: [c()] } }, {
      "spec.restartPolicy": "Always", "spec.terminationGracePeriodSeconds": 30, "spec.dnsPolicy": "ClusterFirst",
      "spec.schedulerName": "default-scheduler", "spec.enableServiceLinks": true, "spec.securityContext": {},
      "spec.containers.0.imagePullPolicy": "IfNotPresent", "spec.containers.0.terminationMessagePath": "/dev/termination-log",
      "spec.containers.0.terminationMessagePolicy": "File",
    }],
    [":latest pulls Always", "Pod", { metadata: meta, spec: { containers: [c({ image: "nginx:latest" })] } }, { "spec.containers.0.imagePullPolicy": "Always" }],
    ["no tag pulls Always", "Pod", { metadata: meta, spec: { containers: [c({ image: "nginx" })] } }, { "spec.containers.0.imagePullPolicy": "Always" }],
    ["explicit pull policy kept", "Pod", { metadata: meta, spec: { containers: [c({ image: "nginx", imagePullPolicy: "Never" })] } },
      { "spec.containers.0.imagePullPolicy": "Never" }],
    ["probe defaults", "Pod", { metadata: meta, spec: { containers: [c({ livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } })] } }, {
      "spec.containers.0.livenessProbe.timeoutSeconds": 1, "spec.containers.0.livenessProbe.periodSeconds": 10,
      "spec.containers.0.livenessProbe.successThreshold": 1, "spec.containers.0.livenessProbe.failureThreshold": 3,
      "spec.containers.0.livenessProbe.httpGet.path": "/", "spec.containers.0.livenessProbe.httpGet.scheme": "HTTP",
      "spec.containers.0.readinessProbe.periodSeconds": 5,
    }],
    ["container port protocol", "Pod", { metadata: meta, spec: { containers: [c({ ports: [{ containerPort: 80 }] })] } }, { "spec.containers.0.ports.0.protocol": "TCP" }],
    ["limits copied to unset requests (Pod only)", "Pod",
      { metadata: meta, spec: { containers: [c({ resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "500m" } } })] } },
      { "spec.containers.0.resources.requests": { cpu: "500m", memory: "1Gi" } }],
    ["volumes", "Pod", { metadata: meta, spec: { containers: [c()], volumes: [{ name: "a" }, { name: "b", configMap: { name: "x" } }, { name: "c", secret: { secretName: "s" } }] } },
      { "spec.volumes.0.emptyDir": {}, "spec.volumes.1.configMap.defaultMode": 420, "spec.volumes.2.secret.defaultMode": 420 }],
    ["env fieldRef apiVersion", "Pod", { metadata: meta, spec: { containers: [c({ env: [{ name: "N", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] })] } },
      { "spec.containers.0.env.0.valueFrom.fieldRef.apiVersion": "v1" }],
    ["deployment", "Deployment", { metadata: meta, spec: { template: tpl() } }, {
      "spec.replicas": 1, "spec.strategy": { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      "spec.revisionHistoryLimit": 10, "spec.progressDeadlineSeconds": 600, "spec.minReadySeconds": 0,
      "spec.template.spec.restartPolicy": "Always", "spec.template.spec.containers.0.imagePullPolicy": "IfNotPresent",
    }],
    ["deployment Recreate gets no rollingUpdate", "Deployment", { metadata: meta, spec: { strategy: { type: "Recreate" }, template: tpl() } },
      { "spec.strategy": { type: "Recreate" } }],
    ["pod templates do not get Pod-only defaults", "Deployment",
      { metadata: meta, spec: { template: tpl({ containers: [c({ resources: { limits: { cpu: "1" } } })] }) } },
      { "spec.template.spec.enableServiceLinks": undefined, "spec.template.spec.containers.0.resources.requests": undefined }],
    ["replicaset", "ReplicaSet", { metadata: meta, spec: { template: tpl() } }, { "spec.replicas": 1, "spec.template.spec.dnsPolicy": "ClusterFirst" }],
    ["statefulset", "StatefulSet", { metadata: meta, spec: { serviceName: "web", template: tpl(),
      volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { resources: { requests: { storage: "1Gi" } } } }] } }, {
      "spec.replicas": 1, "spec.podManagementPolicy": "OrderedReady",
      "spec.updateStrategy": { type: "RollingUpdate", rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      "spec.revisionHistoryLimit": 10, "spec.persistentVolumeClaimRetentionPolicy": { whenDeleted: "Retain", whenScaled: "Retain" },
      "spec.volumeClaimTemplates.0.spec.volumeMode": "Filesystem", "spec.volumeClaimTemplates.0.status.phase": "Pending",
    }],
    ["statefulset explicit RollingUpdate without rollingUpdate gets no partition", "StatefulSet",
      { metadata: meta, spec: { serviceName: "web", template: tpl(), updateStrategy: { type: "RollingUpdate" } } },
      { "spec.updateStrategy": { type: "RollingUpdate" } }],
    ["daemonset", "DaemonSet", { metadata: meta, spec: { template: tpl() } }, {
      "spec.updateStrategy": { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, "spec.revisionHistoryLimit": 10,
    }],
    ["job: both unset → 1 and 1", "Job", { metadata: meta, spec: { template: tpl({ restartPolicy: "Never" }) } }, {
      "spec.completions": 1, "spec.parallelism": 1, "spec.backoffLimit": 6, "spec.completionMode": "NonIndexed",
      "spec.suspend": false, "spec.manualSelector": false, "spec.podReplacementPolicy": "TerminatingOrFailed",
      "metadata.labels": { app: "web" }, "spec.template.spec.restartPolicy": "Never",
    }],
    ["job: parallelism set → completions stays unset (work queue)", "Job", { metadata: meta, spec: { parallelism: 3, template: tpl({ restartPolicy: "Never" }) } },
      { "spec.completions": undefined, "spec.parallelism": 3 }],
    ["job: completions set → parallelism 1", "Job", { metadata: meta, spec: { completions: 5, template: tpl({ restartPolicy: "Never" }) } },
      { "spec.completions": 5, "spec.parallelism": 1 }],
    ["job: backoffLimitPerIndex → backoffLimit MaxInt32", "Job",
      { metadata: meta, spec: { completionMode: "Indexed", completions: 3, backoffLimitPerIndex: 1, template: tpl({ restartPolicy: "Never" }) } },
      { "spec.backoffLimit": 2147483647 }],
    ["job: podFailurePolicy → replacement Failed", "Job",
      { metadata: meta, spec: { podFailurePolicy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] }, template: tpl({ restartPolicy: "Never" }) } },
      { "spec.podReplacementPolicy": "Failed", "spec.podFailurePolicy.rules.0.onPodConditions.0.status": "True" }],
    ["job: restartPolicy untouched when set", "Job", { metadata: meta, spec: { template: tpl({ restartPolicy: "OnFailure" }) } },
      { "spec.template.spec.restartPolicy": "OnFailure" }],
    ["cronjob", "CronJob", { metadata: meta, spec: { schedule: "* * * * *", jobTemplate: { spec: { template: tpl({ restartPolicy: "OnFailure" }) } } } }, {
      "spec.concurrencyPolicy": "Allow", "spec.suspend": false, "spec.successfulJobsHistoryLimit": 3, "spec.failedJobsHistoryLimit": 1,
      "spec.jobTemplate.spec.template.spec.dnsPolicy": "ClusterFirst", "spec.jobTemplate.spec.backoffLimit": undefined,
    }],
    ["service", "Service", { metadata: meta, spec: { selector: { app: "web" }, ports: [{ port: 80 }, { port: 443, targetPort: "https" }] } }, {
      "spec.type": "ClusterIP", "spec.sessionAffinity": "None", "spec.ports.0.protocol": "TCP", "spec.ports.0.targetPort": 80,
      "spec.ports.1.targetPort": "https", "spec.internalTrafficPolicy": "Cluster", "spec.externalTrafficPolicy": undefined,
      "spec.ipFamilies": ["IPv4"], "spec.ipFamilyPolicy": "SingleStack",
    }],
    ["service NodePort", "Service", { metadata: meta, spec: { type: "NodePort", ports: [{ port: 80 }] } },
      { "spec.externalTrafficPolicy": "Cluster", "spec.internalTrafficPolicy": "Cluster" }],
    ["service LoadBalancer", "Service", { metadata: meta, spec: { type: "LoadBalancer", ports: [{ port: 80 }] } },
      { "spec.externalTrafficPolicy": "Cluster", "spec.allocateLoadBalancerNodePorts": true }],
    ["service ClientIP affinity", "Service", { metadata: meta, spec: { sessionAffinity: "ClientIP", ports: [{ port: 80 }] } },
      { "spec.sessionAffinityConfig.clientIP.timeoutSeconds": 10800 }],
    ["ExternalName gets no traffic policy or families", "Service", { metadata: meta, spec: { type: "ExternalName", externalName: "example.com" } },
      { "spec.internalTrafficPolicy": undefined, "spec.ipFamilies": undefined }],
    ["pvc", "PersistentVolumeClaim", { metadata: meta, spec: { accessModes: ["ReadWriteOnce"] } }, { "spec.volumeMode": "Filesystem", "status.phase": "Pending" }],
    ["secret", "Secret", { metadata: meta }, { type: "Opaque" }],
    ["namespace", "Namespace", { metadata: { name: "dev" } }, { "metadata.labels": { "kubernetes.io/metadata.name": "dev" }, "status.phase": "Active" }],
    ["node allocatable from capacity", "Node", { metadata: { name: "n1" }, status: { capacity: { cpu: "4", memory: "16Gi", pods: "110" } } },
      { "status.allocatable": { cpu: "4", memory: "16Gi", pods: "110" } }],
    ["hpa", "HorizontalPodAutoscaler", { metadata: meta, spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 5 } }, {
      "spec.minReplicas": 1,
      "spec.metrics": [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }],
      "spec.behavior": undefined,
    }],
    ["hpa behavior filled when present", "HorizontalPodAutoscaler",
      { metadata: meta, spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }, {
        "spec.behavior.scaleUp": { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Pods", value: 4, periodSeconds: 15 }, { type: "Percent", value: 100, periodSeconds: 15 }] },
        "spec.behavior.scaleDown": { stabilizationWindowSeconds: 60, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] },
      }],
    ["endpointslice port", "EndpointSlice", { metadata: meta, addressType: "IPv4", endpoints: [], ports: [{ port: 80 }] },
      { "ports.0.protocol": "TCP", "ports.0.name": "" }],
  ])("%s", (_name, kind, input, expected) => {
    const out = applyDefaults(kind, input as KObject);
    for (const [p, v] of Object.entries(expected)) expect(at(out, p), p).toEqual(v);
  });
});

describe("applyDefaults: contract", () => {
  const examples = DOCS_EXAMPLES.flatMap((e) => parseManifests(e.yaml).objects);

  it("loads the docs examples", () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map((o) => [`${o.kind}/${o.object.metadata?.name}`, o] as const))("%s: idempotent and pure", (_n, o) => {
    const once = applyDefaults(o.kind, deepFreeze(structuredClone(o.object)));
    expect(applyDefaults(o.kind, deepFreeze(structuredClone(once)))).toEqual(once);
  });

  it("never modifies its input", () => {
    const input = deepFreeze({ metadata: { name: "web" }, spec: { containers: [c()] } });
    const out = applyDefaults("Pod", input as KObject);
    expect(out).not.toBe(input);
    expect(input.spec.containers[0]).toEqual(c());
  });

  it("defaults a controller-made object without apiVersion or kind", () => {
    const out = applyDefaults("ReplicaSet", { metadata: { name: "web-abc" }, spec: { template: tpl() } } as KObject);
    expect(out).toMatchObject({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { namespace: "default" }, spec: { replicas: 1 } });
  });

  it("gives the HPA controller the same rules the API server fills in", () => {
    expect(defaultScalingRules("scaleDown")).toEqual({ selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] });
    expect(defaultScalingRules("scaleUp")).not.toBe(defaultScalingRules("scaleUp"));
  });
});

describe("imageTag (parsers.ParseImageName)", () => {
  it.each([
    ["nginx", "latest"],
    ["nginx:latest", "latest"],
    ["nginx:1.27", "1.27"],
    ["registry.k8s.io/busybox:1.27.2", "1.27.2"],
    ["localhost:5000/app", "latest"],
    ["localhost:5000/app:v2", "v2"],
    ["nginx@sha256:0d0385b0bea406ff659154fa34a6dda34e1de62d7dd559076d5abcf0d39c553e", ""],
    ["nginx:1.27@sha256:0d0385b0bea406ff659154fa34a6dda34e1de62d7dd559076d5abcf0d39c553e", "1.27"],
    ["Nginx", ""],
    ["", ""],
  ])("%s → %j", (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});
