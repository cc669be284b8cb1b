import { describe, expect, it } from "vitest";
import type { KObject } from "../api/types";
import { applyDefaults } from "./defaults";
import { cronScheduleError } from "./cron";
import type { FieldError } from "./field";
import { lookupKind, SUPPORTED_KINDS, validateObject, validateSchema } from "./validate";
import { parseScenario } from "./parse";

// ---- builders ----
type Obj = Record<string, unknown>;
const container = (over: Obj = {}): Obj => ({ name: "web", image: "nginx:1.27", ...over });
const pod = (spec: Obj = {}, meta: Obj = {}): Obj =>
  ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", ...meta }, spec: { containers: [container()], ...spec } });
const template = (spec: Obj = {}, labels: Obj = { app: "web" }): Obj =>
  ({ metadata: { labels }, spec: { containers: [container()], ...spec } });
const workload = (kind: string, apiVersion: string, spec: Obj = {}): Obj =>
  ({ apiVersion, kind, metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: template(), ...spec } });
const deployment = (spec: Obj = {}) => workload("Deployment", "apps/v1", spec);
const job = (spec: Obj = {}): Obj =>
  ({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" }, spec: { template: { spec: { containers: [container()], restartPolicy: "Never" } }, ...spec } });
const service = (spec: Obj = {}): Obj =>
  ({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec } });

/** The loader's order: kind lookup, schema, then defaults and semantic checks. */
function check(o: Obj): FieldError[] {
  const lookup = lookupKind(o.apiVersion, o.kind);
  if (!lookup.ok) return lookup.errors;
  const schema = validateSchema(o.apiVersion as string, lookup.kind, o);
  if (schema.length > 0) return schema;
  return validateObject(lookup.kind, applyDefaults(lookup.kind, o as KObject));
}

describe("lookupKind", () => {
  it.each([
    ["v1", "Pod", true, ""],
    ["apps/v1", "Deployment", true, ""],
    ["autoscaling/v2", "HorizontalPodAutoscaler", true, ""],
    ["v1", "Foo", false, 'kind: no matches for kind "Foo" in version "v1": the playground supports Pod (v1), Node (v1)'],
    ["extensions/v1beta1", "Deployment", false, 'apiVersion: no matches for kind "Deployment" in version "extensions/v1beta1": Deployment is served as apiVersion "apps/v1"'],
    ["apps/v1", "deployment", false, 'kind: no matches for kind "deployment" in version "apps/v1": did you mean "Deployment"?'],
    [undefined, "Pod", false, "apiVersion: apiVersion not set"],
    ["v1", undefined, false, "kind: kind not set"],
    ["kubeplay.dev/v1alpha1", "Scenario", false, 'no matches for kind "Scenario"'],
  ])("%s %s → ok=%s", (apiVersion, kind, ok, expected) => {
    const r = lookupKind(apiVersion, kind);
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      const [first] = r.errors;
      expect(`${first!.path.text}: ${first!.message}`).toContain(expected);
    }
  });

  it("serves every kind the brief lists", () => {
    expect([...SUPPORTED_KINDS].sort()).toEqual([
      "ConfigMap", "CronJob", "DaemonSet", "Deployment", "EndpointSlice", "HorizontalPodAutoscaler", "Ingress", "Job",
      "Namespace", "Node", "PersistentVolumeClaim", "Pod", "PodDisruptionBudget", "PriorityClass", "ReplicaSet",
      "RuntimeClass", "Secret", "Service", "StatefulSet",
    ]);
  });
});

describe("schema checks", () => {
  it.each<[string, Obj, string, string]>([
    ["unknown field", deployment({ replica: 3 }), "spec.replica", 'unknown field "spec.replica"'],
    ["unknown nested field", pod({ containers: [container({ imagee: "x" })] }), "spec.containers[0].imagee", 'unknown field "spec.containers[0].imagee"'],
    ["wrong type", deployment({ replicas: "three" }), "spec.replicas",
      'spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"'],
    ["number where a string belongs", pod({}, { labels: { version: 1 } }), "metadata.labels[version]",
      'must be of type string: "integer"; quote the value ("1") to make it a string'],
    ["boolean where a string belongs (YAML 1.1 yes)", pod({ containers: [container({ env: [{ name: "A", value: true }] })] }),
      "spec.containers[0].env[0].value", 'quote the value ("true")'],
    ["required by the schema", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: template() } },
      "spec.selector", "spec.selector: Required value"],
    ["enum", pod({ restartPolicy: "always" }), "spec.restartPolicy",
      'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "Never", "OnFailure"'],
    ["int32 overflow", pod({ containers: [container({ ports: [{ containerPort: 3_000_000_000 }] })] }),
      "spec.containers[0].ports[0].containerPort", "must be a 32-bit integer"],
    ["quantity", pod({ containers: [container({ resources: { limits: { memory: "1Gb" } } })] }),
      "spec.containers[0].resources.limits[memory]",
      `Invalid value: "1Gb": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`],
    ["quantity suffix", pod({ containers: [container({ resources: { requests: { cpu: "512Gu" } } })] }),
      "spec.containers[0].resources.requests[cpu]", "unable to parse quantity's suffix"],
    ["secret data must be base64", { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { password: "hunter2" } },
      "data[password]", "illegal base64 data at input byte 4"],
    ["int-or-string refuses a boolean", deployment({ strategy: { rollingUpdate: { maxSurge: true } } }),
      "spec.strategy.rollingUpdate.maxSurge", "must be of type integer or string"],
    ["a list where an object belongs", deployment({ template: [] }), "spec.template", 'must be of type object: "array"'],
  ])("%s", (_name, o, path, message) => {
    const errs = check(o);
    expect(errs.map((e) => e.path.text)).toContain(path);
    expect(errs.find((e) => e.path.text === path)!.message).toContain(message);
  });
});

describe("semantic checks (after defaulting)", () => {
  it.each<[string, Obj, string, string]>([
    ["missing image", pod({ containers: [{ name: "web" }] }), "spec.containers[0].image", "spec.containers[0].image: Required value"],
    ["no containers", pod({ containers: [] }), "spec.containers", "spec.containers: Required value"],
    ["uppercase name", pod({}, { name: "Web" }), "metadata.name",
      `metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    ["missing name", pod({}, { name: undefined }), "metadata.name", "metadata.name: Required value: name or generateName is required"],
    ["service name must be a DNS-1035 label", { ...service(), metadata: { name: "1web" } }, "metadata.name",
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`],
    ["duplicate container names", pod({ containers: [container(), container()] }), "spec.containers[1].name",
      'spec.containers[1].name: Duplicate value: "web"'],
    ["container name is a DNS label", pod({ containers: [container({ name: "Web_App" })] }), "spec.containers[0].name",
      "a lowercase RFC 1123 label must consist of"],
    ["label value", pod({}, { labels: { app: "my app" } }), "metadata.labels", 'metadata.labels: Invalid value: "my app": a valid label must be an empty string'],
    ["selector does not match template", deployment({ template: template({}, { app: "api" }) }), "spec.template.metadata.labels",
      'spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`'],
    ["empty selector", deployment({ selector: {} }), "spec.selector", "empty selector is invalid for deployment"],
    ["selector operator", deployment({ selector: { matchExpressions: [{ key: "app", operator: "in", values: ["web"] }] } }),
      "spec.selector.matchExpressions[0].operator", "not a valid selector operator"],
    ["negative replicas", deployment({ replicas: -1 }), "spec.replicas", "spec.replicas: Invalid value: -1: must be greater than or equal to 0"],
    ["deployment pods must restart Always", deployment({ template: template({ restartPolicy: "Never" }) }), "spec.template.spec.restartPolicy",
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ["job pods may not restart Always", job({ template: { spec: { containers: [container()] } } }), "spec.template.spec.restartPolicy",
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
    ["maxSurge and maxUnavailable both 0", deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      "spec.strategy.rollingUpdate.maxUnavailable", "may not be 0 when `maxSurge` is 0"],
    ["percent format", deployment({ strategy: { rollingUpdate: { maxSurge: "20percent" } } }), "spec.strategy.rollingUpdate.maxSurge",
      "a valid percent string must be a numeric string followed by an ending '%'"],
    ["rollingUpdate with Recreate", deployment({ strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } }), "spec.strategy.rollingUpdate",
      "Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ["container port range", pod({ containers: [container({ ports: [{ containerPort: 0 }] })] }), "spec.containers[0].ports[0].containerPort",
      "Invalid value: 0: must be between 1 and 65535, inclusive"],
    ["request above limit", pod({ containers: [container({ resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } })] }),
      "spec.containers[0].resources.requests", 'Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ["resource name", pod({ containers: [container({ resources: { limits: { cpus: "1" } } })] }), "spec.containers[0].resources.limits[cpus]",
      "must be a standard resource type or fully qualified"],
    ["probe without handler", pod({ containers: [container({ livenessProbe: { periodSeconds: 5 } })] }), "spec.containers[0].livenessProbe",
      "spec.containers[0].livenessProbe: Required value: must specify a handler type"],
    ["probe with two handlers", pod({ containers: [container({ readinessProbe: { exec: { command: ["true"] }, tcpSocket: { port: 80 } } })] }),
      "spec.containers[0].readinessProbe.tcpSocket", "may not specify more than 1 handler type"],
    ["liveness successThreshold", pod({ containers: [container({ livenessProbe: { exec: { command: ["true"] }, successThreshold: 2 } })] }),
      "spec.containers[0].livenessProbe.successThreshold", "Invalid value: 2: must be 1"],
    ["probe on a plain init container", pod({ initContainers: [container({ name: "init", readinessProbe: { exec: { command: ["true"] } } })] }),
      "spec.initContainers[0].readinessProbe", "may not be set for init containers without restartPolicy=Always"],
    ["mount of an undeclared volume", pod({ containers: [container({ volumeMounts: [{ name: "data", mountPath: "/data" }] })] }),
      "spec.containers[0].volumeMounts[0].name", 'Not found: "data"'],
    ["duplicate volume", pod({ volumes: [{ name: "a", emptyDir: {} }, { name: "a", emptyDir: {} }] }), "spec.volumes[1].name", 'Duplicate value: "a"'],
    ["toleration Exists with a value", pod({ tolerations: [{ key: "k", operator: "Exists", value: "v" }] }), "spec.tolerations[0].operator",
      "value must be empty when `operator` is 'Exists'"],
    ["cron schedule", { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c" }, spec: { schedule: "* * *", jobTemplate: { spec: job().spec } } },
      "spec.schedule", 'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]'],
    ["TZ in schedule", { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c" }, spec: { schedule: "CRON_TZ=UTC * * * * *", jobTemplate: { spec: job().spec } } },
      "spec.schedule", "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"],
    ["service without ports", service({ ports: [] }), "spec.ports", "spec.ports: Required value"],
    ["unnamed ports", service({ ports: [{ port: 80 }, { port: 443 }] }), "spec.ports[0].name", "spec.ports[0].name: Required value"],
    ["nodePort range", service({ type: "NodePort", ports: [{ port: 80, nodePort: 80 }] }), "spec.ports[0].nodePort",
      "provided port is not in the valid range. The range of valid ports is 30000-32767"],
    ["nodePort on ClusterIP", service({ ports: [{ port: 80, nodePort: 30080 }] }), "spec.ports[0].nodePort", "may not be used when `type` is 'ClusterIP'"],
    ["hpa max below min", { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" },
      spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, minReplicas: 3, maxReplicas: 2 } }, "spec.maxReplicas",
      "must be greater than or equal to `minReplicas`"],
    ["pdb with both", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "p" }, spec: { minAvailable: 1, maxUnavailable: 1 } },
      "spec", "minAvailable and maxUnavailable cannot be both set"],
    ["pvc without storage", { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "c" }, spec: { accessModes: ["ReadWriteOnce"] } },
      "spec.resources[storage]", "spec.resources[storage]: Required value"],
    ["ingress path", { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" },
      spec: { rules: [{ http: { paths: [{ path: "web", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] } },
      "spec.rules[0].http.paths[0].path", "must be an absolute path"],
    ["priority above user range", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "p" }, value: 2_000_000_000 },
      "value", "maximum allowed value of a user defined priority is 1000000000"],
    ["namespace name is a DNS label", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team.a" } }, "metadata.name", "must not contain dots"],
    ["configmap key", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "a b": "x" } }, "data[a b]", "a valid config key must consist of"],
    ["10^9 replicas", deployment({ replicas: 1_000_000_000 }), "spec.replicas",
      "spec.replicas: Invalid value: 1000000000: the playground runs at most 1000 replicas per workload"],
    ["job parallelism limit", job({ parallelism: 5000 }), "spec.parallelism", "the playground runs at most 1000 replicas per workload"],
  ])("%s", (_name, o, path, message) => {
    const errs = check(o);
    const hit = errs.find((e) => e.path.text === path && e.message.includes(message));
    expect(hit, `expected ${path}: …${message}… in ${JSON.stringify(errs.map((e) => e.message))}`).toBeDefined();
    expect(hit!.severity).toBe("error");
  });

  it.each<[string, Obj, string, string]>([
    ["fractional memory", pod({ containers: [container({ resources: { requests: { memory: "100m" } } })] }),
      "spec.containers[0].resources.requests[memory]", 'fractional byte value "100m" is invalid, must be an integer'],
    ["dots in a deployment name", { ...deployment(), metadata: { name: "web.v1" } }, "metadata.name",
      "this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"],
    ["named probe port that does not exist", pod({ containers: [container({ readinessProbe: { httpGet: { port: "http" } } })] }),
      "spec.containers[0].readinessProbe.httpGet.port", 'no port named "http"'],
  ])("warning: %s", (_name, o, path, message) => {
    const errs = check(o);
    expect(errs.filter((e) => e.severity === "error")).toEqual([]);
    const hit = errs.find((e) => e.path.text === path);
    expect(hit?.severity).toBe("warning");
    expect(hit?.message).toContain(message);
  });

  it("accepts a sidecar (init container with restartPolicy Always) with probes", () => {
    const o = pod({ initContainers: [container({ name: "proxy", restartPolicy: "Always", readinessProbe: { tcpSocket: { port: 80 } } })] });
    expect(check(o)).toEqual([]);
  });

  it("counts a StatefulSet's claim templates as volumes", () => {
    const sts = workload("StatefulSet", "apps/v1", {
      serviceName: "web",
      template: template({ containers: [container({ volumeMounts: [{ name: "data", mountPath: "/data" }] })] }),
      volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
    });
    expect(check(sts)).toEqual([]);
  });
});

describe("cronScheduleError (robfig/cron ParseStandard)", () => {
  it.each([
    ["* * * * *", undefined],
    ["*/5 0-6 1,15 jan-mar MON-FRI", undefined],
    ["@hourly", undefined],
    ["@every 90s", undefined],
    ["0 0 * * 7", "end of range (7) above maximum (6): 7"],
    ["61 * * * *", "end of range (61) above maximum (59): 61"],
    ["5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["x * * * *", 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ["@fortnightly", "unrecognized descriptor: @fortnightly"],
    ["", "empty spec string"],
  ])("%j → %j", (schedule, expected) => {
    expect(cronScheduleError(schedule)).toBe(expected);
  });
});

describe("sim.kubeplay.dev annotations", () => {
  it.each([
    ["sim.kubeplay.dev/startup", "soon", 'Invalid value: "soon"'],
    ["sim.kubeplay.dev/exitt", "1", 'Unsupported value: "exitt"'],
    ["sim.kubeplay.dev/image-pull.nope", "3s", 'Not found: "nope"'],
  ])("%s: %s is an error at the annotation's line", (name, value, message) => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    ${name}: "${value}"\nspec:\n  containers: [{name: c, image: nginx}]\n`;
    const res = parseScenario(text);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ line: 6, severity: "error" });
    expect(res.errors[0]!.message).toContain(message);
  });

  it("accepts the documented vocabulary on a Deployment template", () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata:\n      labels: {a: b}\n      annotations: {sim.kubeplay.dev/startup: 45s, sim.kubeplay.dev/memory.c: 50Mi+10Mi/m}\n    spec:\n      containers: [{name: c, image: nginx}]\n`;
    expect(parseScenario(text).errors).toEqual([]);
  });
});
