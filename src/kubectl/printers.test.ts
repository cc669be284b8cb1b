import { describe, expect, it } from "vitest";
import { KINDS, type Kind, type KObject } from "../api/types";
import { printTable, printTables, type TableOptions } from "./printers";

// Expected tables are real kubectl output where one was published (source named per case);
// objects are built to match them. Ages are relative to NOW.
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ago = (sec: number) => new Date(NOW - sec * 1000).toISOString().replace(".000Z", "Z");
const meta = (name: string, sec: number, extra: Record<string, unknown> = {}) =>
  ({ name, namespace: "default", creationTimestamp: ago(sec), ...extra });
const opts = (o: Partial<TableOptions> = {}): TableOptions => ({ nowMs: NOW, ...o });
const lines = (...ls: string[]) => `${ls.join("\n")}\n`;
/** Objects with top-level fields beyond spec/status (Endpoints, Event, ConfigMap…). */
const obj = (o: object): KObject => o as KObject;

const deployment = (name: string, sec: number, replicas: number, ready: number): KObject => ({
  kind: "Deployment", metadata: meta(name, sec, { labels: { app: "nginx" } }),
  spec: { replicas, selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2" }] } } },
  status: { replicas: ready, readyReplicas: ready, updatedReplicas: ready, availableReplicas: ready },
});
const runningPod = (name: string, sec: number, ip: string, node: string, labels: Record<string, string> = {}): KObject => ({
  kind: "Pod", metadata: meta(name, sec, { labels }),
  spec: { nodeName: node, containers: [{ name: "app", image: "nginx" }] },
  status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: "True" }],
    containerStatuses: [{ name: "app", image: "nginx", imageID: "", ready: true, restartCount: 0, started: true,
      state: { running: { startedAt: ago(sec) } } }] },
});

describe("printTable", () => {
  it("deployments (kubernetes.io docs, concepts/workloads/controllers/deployment)", () => {
    expect(printTable("Deployment", [deployment("nginx-deployment", 18, 3, 3)], opts())).toEqual({
      stdout: lines(
        "NAME               READY   UP-TO-DATE   AVAILABLE   AGE",
        "nginx-deployment   3/3     3            3           18s"),
      stderr: "",
    });
  });

  it("deployments -o wide", () => {
    expect(printTable("Deployment", [deployment("nginx-deployment", 18, 3, 0)], opts({ wide: true })).stdout).toBe(lines(
      "NAME               READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES         SELECTOR",
      "nginx-deployment   0/3     0            0           18s   nginx        nginx:1.14.2   app=nginx"));
  });

  it("replicasets (same docs page)", () => {
    const rs: KObject = { kind: "ReplicaSet", metadata: meta("nginx-deployment-75675f5897", 18),
      spec: { replicas: 3, selector: { matchLabels: { app: "nginx" } }, template: { spec: { containers: [] } } },
      status: { replicas: 3, readyReplicas: 3 } };
    expect(printTable("ReplicaSet", [rs], opts()).stdout).toBe(lines(
      "NAME                          DESIRED   CURRENT   READY   AGE",
      "nginx-deployment-75675f5897   3         3         3       18s"));
  });

  it("pods -o wide, sorted by name (observed kubectl output)", () => {
    const pods = [
      runningPod("snack-rs-trdgg", 28, "10.244.1.10", "lab-worker"),
      runningPod("snack-rs-6s8m9", 28, "10.244.3.3", "lab-worker2"),
    ];
    expect(printTable("Pod", pods, opts({ wide: true })).stdout).toBe(lines(
      "NAME             READY   STATUS    RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES",
      "snack-rs-6s8m9   1/1     Running   0          28s   10.244.3.3    lab-worker2   <none>           <none>",
      "snack-rs-trdgg   1/1     Running   0          28s   10.244.1.10   lab-worker    <none>           <none>"));
  });

  it("pods -A --show-labels", () => {
    const a = runningPod("web-0", 90, "10.244.1.5", "n1", { app: "web", tier: "front" });
    const b = { ...runningPod("coredns-1", 3600, "10.244.0.2", "n1"), metadata: { ...meta("coredns-1", 3600), namespace: "kube-system" } };
    expect(printTable("Pod", [b, a], opts({ allNamespaces: true, showLabels: true })).stdout).toBe(lines(
      "NAMESPACE     NAME        READY   STATUS    RESTARTS   AGE   LABELS",
      "default       web-0       1/1     Running   0          90s   app=web,tier=front",
      "kube-system   coredns-1   1/1     Running   0          60m   <none>"));
  });

  it("services (observed kubectl output: LoadBalancer pending, ClusterIP)", () => {
    const svcs: KObject[] = [
      { kind: "Service", metadata: meta("kubernetes", 31 * 60), spec: { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"],
        ports: [{ port: 443, protocol: "TCP", targetPort: 6443 }] } },
      { kind: "Service", metadata: meta("boot-demo", 34), spec: { type: "LoadBalancer", clusterIP: "10.110.132.65",
        ports: [{ port: 8080, nodePort: 31097, protocol: "TCP" }], selector: { app: "boot-demo" } }, status: { loadBalancer: {} } },
    ];
    expect(printTable("Service", svcs, opts()).stdout).toBe(lines(
      "NAME         TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE",
      "boot-demo    LoadBalancer   10.110.132.65   <pending>     8080:31097/TCP   34s",
      "kubernetes   ClusterIP      10.96.0.1       <none>        443/TCP          31m"));
  });

  it("services: headless, ExternalName, load balancer IPs, -o wide selector", () => {
    const svcs: KObject[] = [
      { kind: "Service", metadata: meta("db", 60), spec: { clusterIP: "None", ports: [{ port: 5432 }], selector: { app: "db" } } },
      { kind: "Service", metadata: meta("ext", 60), spec: { type: "ExternalName", externalName: "example.com" } },
      { kind: "Service", metadata: meta("lb", 60), spec: { type: "LoadBalancer", clusterIP: "10.0.0.9",
        ports: [{ port: 80, nodePort: 30080 }, { port: 443, nodePort: 30443, protocol: "TCP" }] },
        status: { loadBalancer: { ingress: [{ ip: "203.0.113.20" }, { ip: "203.0.113.10" }] } } },
    ];
    expect(printTable("Service", svcs, opts({ wide: true })).stdout).toBe(lines(
      "NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                 PORT(S)                      AGE   SELECTOR",
      "db     ClusterIP      None         <none>                      5432/TCP                     60s   app=db",
      "ext    ExternalName   <none>       example.com                 <none>                       60s   <none>",
      "lb     LoadBalancer   10.0.0.9     203.0.113.10,203.0.113.20   80:30080/TCP,443:30443/TCP   60s   <none>"));
  });

  it("endpoints, with the API's deprecation warning (observed kubectl v1.33+ output)", () => {
    const ep = obj({ kind: "Endpoints", metadata: meta("web-service", 14),
      subsets: [{ addresses: [{ ip: "10.244.0.62" }, { ip: "10.244.0.63" }], ports: [{ port: 80 }] }] });
    expect(printTable("Endpoints", [ep], opts())).toEqual({
      stdout: lines(
        "NAME          ENDPOINTS                       AGE",
        "web-service   10.244.0.62:80,10.244.0.63:80   14s"),
      stderr: "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n",
    });
  });

  it("endpoints: more than three, none", () => {
    const eps: KObject[] = [
      obj({ kind: "Endpoints", metadata: meta("web", 5), subsets: [
        { addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.3" }], ports: [{ port: 80 }] },
        { addresses: [{ ip: "10.244.3.7" }, { ip: "10.244.4.1" }], ports: [{ port: 80 }] }] }),
      { kind: "Endpoints", metadata: meta("empty", 5) },
    ];
    expect(printTable("Endpoints", eps, opts()).stdout).toBe(lines(
      "NAME    ENDPOINTS                                               AGE",
      "empty   <none>                                                  5s",
      "web     10.244.1.5:80,10.244.2.3:80,10.244.3.7:80 + 1 more...   5s"));
  });

  it("nodes: Ready, NotReady, cordoned, Unknown; roles", () => {
    const node = (name: string, ready: string | undefined, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}): KObject => ({
      kind: "Node", metadata: { name, creationTimestamp: ago(9 * 86400), labels },
      spec: extra, status: { conditions: ready ? [{ type: "Ready", status: ready }] : [],
        nodeInfo: { kubeletVersion: "v1.36.0", osImage: "Ubuntu 24.04 LTS", kernelVersion: "6.8.0", containerRuntimeVersion: "containerd://2.1.0",
          architecture: "amd64", bootID: "", machineID: "", operatingSystem: "linux", kubeProxyVersion: "", systemUUID: "" },
        addresses: [{ type: "InternalIP", address: `10.0.0.${name.length}` }] },
    });
    const nodes = [
      node("cp", "True", {}, { "node-role.kubernetes.io/control-plane": "" }),
      node("worker-1", "True", { unschedulable: true }),
      node("worker-2", "Unknown"),
      node("worker-3", undefined, {}, { "kubernetes.io/role": "infra" }),
    ];
    expect(printTable("Node", nodes, opts()).stdout).toBe(lines(
      "NAME       STATUS                     ROLES           AGE   VERSION",
      "cp         Ready                      control-plane   9d    v1.36.0",
      "worker-1   Ready,SchedulingDisabled   <none>          9d    v1.36.0",
      "worker-2   NotReady                   <none>          9d    v1.36.0",
      "worker-3   Unknown                    infra           9d    v1.36.0"));
    expect(printTable("Node", [nodes[0]!], opts({ wide: true, allNamespaces: true })).stdout).toBe(lines(
      "NAME   STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE           KERNEL-VERSION   CONTAINER-RUNTIME",
      "cp     Ready    control-plane   9d    v1.36.0   10.0.0.2      <none>        Ubuntu 24.04 LTS   6.8.0            containerd://2.1.0"));
  });

  it("jobs (observed kubectl output) and the STATUS column", () => {
    const job = (name: string, conds: Array<[string, string]>, start?: number, end?: number, extra: Record<string, unknown> = {}): KObject => ({
      kind: "Job", metadata: meta(name, 136, extra),
      spec: { completions: 1, parallelism: 1, template: { spec: { containers: [{ name: "hello", image: "busybox:1.28" }] } } },
      status: { succeeded: conds.some(([t]) => t === "Complete") ? 1 : 0, conditions: conds.map(([type, status]) => ({ type, status })),
        ...(start !== undefined ? { startTime: ago(start) } : {}), ...(end !== undefined ? { completionTime: ago(end) } : {}) },
    });
    const jobs = [
      job("hello-29288750", [["SuccessCriteriaMet", "True"], ["Complete", "True"]], 136, 130),
      job("hello-29288751", [], 76),
      job("hello-29288752", [["FailureTarget", "True"], ["Failed", "True"]], 100, 40),
      job("hello-29288753", [["Suspended", "True"]]),
      job("hello-29288754", [], 10, undefined, { deletionTimestamp: ago(1) }),
      job("hello-29288755", [["FailureTarget", "True"]], 20),
    ];
    expect(printTable("Job", jobs, opts()).stdout).toBe(lines(
      "NAME             STATUS          COMPLETIONS   DURATION   AGE",
      "hello-29288750   Complete        1/1           6s         2m16s",
      "hello-29288751   Running         0/1           76s        2m16s",
      "hello-29288752   Failed          0/1           60s        2m16s",
      "hello-29288753   Suspended       0/1                      2m16s",
      "hello-29288754   Terminating     0/1           10s        2m16s",
      "hello-29288755   FailureTarget   0/1           20s        2m16s"));
  });

  it("job completions without spec.completions", () => {
    const j = (name: string, parallelism?: number): KObject => ({ kind: "Job", metadata: meta(name, 5),
      spec: { ...(parallelism ? { parallelism } : {}), template: { spec: { containers: [] } } }, status: { succeeded: 2 } });
    expect(printTable("Job", [j("a", 5), j("b")], opts()).stdout).toBe(lines(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE",
      "a      Running   2/1 of 5                 5s",
      "b      Running   2/1                      5s"));
  });

  it("cronjobs -o wide (observed kubectl output)", () => {
    const cj: KObject = { kind: "CronJob", metadata: meta("hello", 112),
      spec: { schedule: "* * * * *", suspend: false, jobTemplate: { spec: { template: { spec: {
        containers: [{ name: "hello", image: "busybox:1.28" }], restartPolicy: "OnFailure" } } } } },
      status: { lastScheduleTime: ago(55) } };
    expect(printTable("CronJob", [cj], opts({ wide: true })).stdout).toBe(lines(
      "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE    CONTAINERS   IMAGES         SELECTOR",
      "hello   * * * * *   <none>     False     0        55s             112s   hello        busybox:1.28   <none>"));
  });

  it("events (observed kubectl output), in name order", () => {
    const ev = (name: string, pod: string): KObject => obj({ kind: "Event", metadata: { name, namespace: "default" },
      involvedObject: { kind: "ReplicaSet", name: "snack-rs", namespace: "default" }, reason: "SuccessfulDelete",
      message: `Deleted pod: ${pod}`, type: "Normal", count: 1, firstTimestamp: ago(18), lastTimestamp: ago(18),
      source: { component: "replicaset-controller" } });
    const evs = [ev("snack-rs.1880a0000000000c", "snack-rs-zsdq7"), ev("snack-rs.1880a0000000000a", "snack-rs-ldzjc"),
      ev("snack-rs.1880a0000000000b", "snack-rs-m259n")];
    expect(printTable("Event", evs, opts()).stdout).toBe(lines(
      "LAST SEEN   TYPE     REASON             OBJECT                MESSAGE",
      "18s         Normal   SuccessfulDelete   replicaset/snack-rs   Deleted pod: snack-rs-ldzjc",
      "18s         Normal   SuccessfulDelete   replicaset/snack-rs   Deleted pod: snack-rs-m259n",
      "18s         Normal   SuccessfulDelete   replicaset/snack-rs   Deleted pod: snack-rs-zsdq7"));
  });

  it("events -o wide: subobject, source, first seen, count, name; multi-line message cut", () => {
    const e = obj({ kind: "Event", metadata: { name: "web-0.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web-0", fieldPath: "spec.containers{app}" }, reason: "BackOff", type: "Warning",
      message: "Back-off restarting failed container\nsecond line", count: 5, firstTimestamp: ago(300), lastTimestamp: ago(12),
      source: { component: "kubelet", host: "node-1" } });
    expect(printTable("Event", [e], opts({ wide: true })).stdout).toBe(lines(
      "LAST SEEN   TYPE      REASON    OBJECT      SUBOBJECT              SOURCE            MESSAGE                                   FIRST SEEN   COUNT   NAME",
      "12s         Warning   BackOff   pod/web-0   spec.containers{app}   kubelet, node-1   Back-off restarting failed container...   5m           5       web-0.1"));
  });

  it("statefulsets, daemonsets, hpa, pdb", () => {
    const sts: KObject = { kind: "StatefulSet", metadata: meta("web", 60), spec: { replicas: 2, serviceName: "nginx", selector: {},
      template: { spec: { containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.24" }] } } }, status: { replicas: 2, readyReplicas: 1 } };
    expect(printTable("StatefulSet", [sts], opts({ wide: true })).stdout).toBe(lines(
      "NAME   READY   AGE   CONTAINERS   IMAGES",
      "web    1/2     60s   nginx        registry.k8s.io/nginx-slim:0.24"));
    const ds: KObject = { kind: "DaemonSet", metadata: meta("fluentd", 600), spec: { selector: { matchLabels: { name: "fluentd" } },
      template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [] } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 } };
    expect(printTable("DaemonSet", [ds], opts()).stdout).toBe(lines(
      "NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE",
      "fluentd   3         3         2       3            2           kubernetes.io/os=linux   10m"));
    const hpa: KObject = { kind: "HorizontalPodAutoscaler", metadata: meta("php-apache", 60),
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" }, minReplicas: 1, maxReplicas: 10,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
      status: { currentReplicas: 1, desiredReplicas: 1,
        currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 0, averageValue: "1m" } } }] } };
    const fresh: KObject = { kind: "HorizontalPodAutoscaler", metadata: meta("web", 5),
      spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 5 }, status: { desiredReplicas: 0 } };
    expect(printTable("HorizontalPodAutoscaler", [hpa, fresh], opts()).stdout).toBe(lines(
      "NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE",
      "php-apache   Deployment/php-apache   cpu: 0%/50%          1         10        1          60s",
      "web          Deployment/web          cpu: <unknown>/80%   1         5         0          5s"));
    const pdb: KObject = { kind: "PodDisruptionBudget", metadata: meta("zk-pdb", 60), spec: { maxUnavailable: 1 },
      status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } };
    const pdb2: KObject = { kind: "PodDisruptionBudget", metadata: meta("web-pdb", 60), spec: { minAvailable: "50%" },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } };
    expect(printTable("PodDisruptionBudget", [pdb, pdb2], opts()).stdout).toBe(lines(
      "NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE",
      "web-pdb   50%             N/A               0                     60s",
      "zk-pdb    N/A             1                 1                     60s"));
  });

  it("ingress, pvc, configmap, secret, namespace, priorityclass, endpointslice", () => {
    const ing: KObject = { kind: "Ingress", metadata: meta("example", 60), spec: { ingressClassName: "nginx",
      rules: [{ host: "hello-world.example" }], tls: [{ hosts: ["hello-world.example"] }] },
      status: { loadBalancer: { ingress: [{ ip: "172.17.0.15" }] } } };
    expect(printTable("Ingress", [ing], opts()).stdout).toBe(lines(
      "NAME      CLASS   HOSTS                 ADDRESS       PORTS     AGE",
      "example   nginx   hello-world.example   172.17.0.15   80, 443   60s"));
    const pvcs: KObject[] = [
      { kind: "PersistentVolumeClaim", metadata: meta("data", 60), spec: { storageClassName: "standard", volumeName: "pvc-1" },
        status: { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] } },
      { kind: "PersistentVolumeClaim", metadata: meta("pending", 60), spec: { storageClassName: "standard" }, status: { phase: "Pending" } },
    ];
    expect(printTable("PersistentVolumeClaim", pvcs, opts()).stdout).toBe(lines(
      "NAME      STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE",
      "data      Bound     pvc-1    1Gi        RWO            standard       <unset>                 60s",
      `pending   Pending   ${" ".repeat(9 + 11 + 15)}standard       <unset>                 60s`));
    expect(printTable("ConfigMap", [obj({ kind: "ConfigMap", metadata: meta("kube-root-ca.crt", 86400), data: { "ca.crt": "x" } })], opts()).stdout)
      .toBe(lines("NAME               DATA   AGE", "kube-root-ca.crt   1      24h"));
    expect(printTable("Secret", [obj({ kind: "Secret", metadata: meta("db", 60), stringData: { user: "u", password: "p" } })], opts()).stdout)
      .toBe(lines("NAME   TYPE     DATA   AGE", "db     Opaque   2      60s"));
    expect(printTable("Namespace", [{ kind: "Namespace", metadata: { name: "default", creationTimestamp: ago(86400 * 3) } }], opts()).stdout)
      .toBe(lines("NAME      STATUS   AGE", "default   Active   3d"));
    const pc = obj({ kind: "PriorityClass", metadata: { name: "high-priority", creationTimestamp: ago(60) }, value: 1000000, globalDefault: false });
    expect(printTable("PriorityClass", [pc], opts()).stdout).toBe(lines(
      "NAME            VALUE     GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY",
      "high-priority   1000000   false            60s   PreemptLowerPriority"));
    const es = obj({ kind: "EndpointSlice", metadata: meta("myservice-7l2dz", 60), addressType: "IPv4",
      ports: [{ name: "https", port: 443, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.1.2.3"] }, { addresses: ["10.1.2.4"] }, { addresses: ["10.1.2.5"] }, { addresses: ["10.1.2.6"] }] });
    expect(printTable("EndpointSlice", [es], opts()).stdout).toBe(lines(
      `NAME              ADDRESSTYPE   PORTS   ${"ENDPOINTS".padEnd(41)}AGE`,
      "myservice-7l2dz   IPv4          443     10.1.2.3,10.1.2.4,10.1.2.5 + 1 more...   60s"));
  });

  it("nothing to list goes to stderr", () => {
    expect(printTable("Pod", [], opts())).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n" });
    expect(printTable("Pod", [], opts({ namespace: "prod" })).stderr).toBe("No resources found in prod namespace.\n");
    expect(printTable("Pod", [], opts({ allNamespaces: true })).stderr).toBe("No resources found\n");
  });
});

describe("printTables", () => {
  it("prefixes kind.group when several kinds are listed, blank line between tables (observed `kubectl get all`)", () => {
    const svc: KObject = { kind: "Service", metadata: meta("nginx-service", 53), spec: { type: "NodePort", clusterIP: "10.96.86.197",
      ports: [{ port: 80, nodePort: 30008, protocol: "TCP" }] } };
    const out = printTables([
      { kind: "Service", objects: [svc] },
      { kind: "Pod", objects: [] },
      { kind: "Deployment", objects: [deployment("nginx-deployment", 53, 3, 3)] },
    ], opts());
    expect(out).toEqual({
      stdout: lines(
        "NAME                    TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE",
        "service/nginx-service   NodePort   10.96.86.197   <none>        80:30008/TCP   53s",
        "",
        "NAME                               READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/nginx-deployment   3/3     3            3           53s"),
      stderr: "",
    });
  });

  it("a single kind with objects is not prefixed unless asked", () => {
    const groups = [{ kind: "Deployment" as const, objects: [deployment("web", 5, 1, 1)] }, { kind: "Pod" as const, objects: [] }];
    expect(printTables(groups, opts()).stdout.split("\n")[1]).toBe("web    1/1     1            1           5s");
    expect(printTables(groups, opts({ prefixKind: true })).stdout.split("\n")[1]).toBe("deployment.apps/web   1/1     1            1           5s");
  });

  it("all empty: one message", () => {
    expect(printTables([{ kind: "Deployment", objects: [] }, { kind: "Pod", objects: [] }], opts()))
      .toEqual({ stdout: "", stderr: "No resources found in default namespace.\n" });
  });
});

describe("every kind", () => {
  it.each(Object.keys(KINDS) as Kind[])("%s prints a bare object without throwing", (kind) => {
    const out = printTable(kind, [{ kind, metadata: { name: "x", namespace: "default" } }], opts({ wide: true, allNamespaces: true, showLabels: true }));
    expect(out.stdout.split("\n")).toHaveLength(3);
    expect(out.stdout).toMatch(/LABELS\n/);
  });
});
