import { describe, expect, it } from "vitest";
import type { Stored } from "../../../src/api/types";
import { node, objects, owned, pod } from "../testing/builders";
import { clusterModel, ModelCache } from "./cluster-model";
import { ingressViews, serviceViews } from "./network";
import { nodeView } from "./nodes";
import { podView, PROBE_PULSE_SECONDS } from "./pods";
import { workloadViews } from "./workloads";

describe("podView", () => {
  it.each([
    { name: "a pending pod waits in the queue", p: pod("a"), want: { status: "Pending", tone: "progress", nodeName: "", ready: "0/1", containers: "||w" } },
    { name: "a running pod is ok", p: pod("a", { node: "n1" }), want: { status: "Running", tone: "ok", nodeName: "n1", ready: "1/1", containers: "||R" } },
    { name: "a pod the scheduler could not place", p: pod("a", { unschedulable: true }), want: { status: "Pending", unschedulable: true } },
    { name: "a pod being deleted", p: pod("a", { node: "n1", deleting: true }), want: { status: "Terminating", terminating: true } },
    { name: "restarts are counted", p: pod("a", { node: "n1", restarts: 3 }), want: { restarts: 3 } },
    { name: "a finished pod fades", p: pod("a", { node: "n1", phase: "Succeeded" }), want: { finished: true } },
    {
      name: "init containers and sidecars show their progress",
      p: pod("a", { node: "n1", phase: "Pending", initContainers: [{ name: "i1", state: "done" }, { name: "i2", state: "running" }, { name: "s", sidecar: true, state: "waiting" }] }),
      want: { status: "Init:1/3", containers: "dr|w|w" },
    },
    { name: "the controller that owns it", p: pod("a", { owner: { kind: "ReplicaSet", name: "web-1", uid: "rs" } }), want: { owner: "ReplicaSet/web-1" } },
  ])("$name", ({ p, want }) => {
    expect(podView(p, 0, undefined)).toMatchObject(want);
  });

  it.each([
    [5, 10, true],
    [5, 5 + PROBE_PULSE_SECONDS, true],
    [5, 5 + PROBE_PULSE_SECONDS + 0.1, false],
  ])("an Unhealthy event at %s s pulses at %s s: %s", (at, now, pulsing) => {
    expect(podView(pod("a", { node: "n1" }), now, at).probeFailing).toBe(pulsing);
  });

  it("reuses a pod's view until the pod object or its pulse changes", () => {
    const cache = new ModelCache();
    const p = pod("a", { node: "n1" });
    const v = cache.pod(p, 0, undefined);
    expect(cache.pod(p, 50, undefined)).toBe(v);
    expect(cache.pod(p, 51, 50)).not.toBe(v);
    expect(cache.pod({ ...p } as Stored<"Pod">, 0, undefined)).not.toBe(v);
  });
});

describe("pods on a node that stopped reporting", () => {
  const unreachable = (name: string, zone: string): Stored<"Node"> => {
    const n = node(name, zone);
    return { ...n, status: { ...n.status, conditions: [{ type: "Ready", status: "Unknown", reason: "NodeStatusUnknown" }] } } as Stored<"Node">;
  };

  it("are Unknown on the canvas, while kubectl's STATUS stays the last one reported", () => {
    const m = clusterModel(objects(unreachable("n1", "a"), node("n2", "b"), pod("a", { node: "n1" }), pod("b", { node: "n2" }), pod("c", { node: "n1", phase: "Succeeded" })), [], 0, new ModelCache());
    const on = (n: string) => (m.podsOnNode.get(n) ?? []).map((v) => `${v.name} ${v.status} ${v.tone} ${v.unknown}`);
    // A finished pod (phase Succeeded) is over whatever its node does: it keeps its own view.
    expect(on("n1")).toEqual(["a Running unknown true", "c ContainerCreating progress false"]);
    expect(on("n2")).toEqual(["b Running ok false"]);
  });

  it("keep the same view object from frame to frame", () => {
    const cache = new ModelCache();
    const objs = objects(unreachable("n1", "a"), pod("a", { node: "n1" }));
    const first = clusterModel(objs, [], 0, cache).pods.get("Pod/default/a");
    expect(clusterModel(objs, [], 1, cache).pods.get("Pod/default/a")).toBe(first);
  });
});

describe("nodeView", () => {
  it("sums the requests of its non-terminal pods against allocatable", () => {
    const v = nodeView(node("n1", "a"), [pod("x", { node: "n1", cpu: "250m", memory: "128Mi" }), pod("y", { node: "n1", cpu: "1", memory: "1Gi" }), pod("z", { node: "n1", phase: "Succeeded", cpu: "2" })]);
    expect(v.cpu).toEqual({ used: 1250, allocatable: 4000 });
    expect(v.memory).toEqual({ used: (128 + 1024) * 1024 * 1024, allocatable: 16 * 1024 ** 3 });
    expect(v.pods).toEqual({ used: 2, allocatable: 110 });
  });

  it.each([
    { n: node("n1", "a", { ready: false }), want: { ready: false, readiness: "NotReady", cordoned: false, taints: "" } },
    { n: node("n1", "a"), want: { ready: true, readiness: "Ready" } },
    { n: { ...node("n1", "a"), status: { allocatable: { cpu: "4" } } } as Stored<"Node">, want: { ready: false, readiness: "Unknown" } },
    { n: node("n1", "a", { unschedulable: true }), want: { ready: true, cordoned: true } },
    { n: node("n1", "a", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }, { key: "x", effect: "NoExecute" }] }), want: { taints: "dedicated=gpu:NoSchedule, x:NoExecute" } },
  ])("marks $want", ({ n, want }) => {
    expect(nodeView(n, [])).toMatchObject(want);
  });
});

describe("clusterModel", () => {
  it("groups nodes by zone (unlabelled last) and pods by node; unbound pods and pods on a missing node queue", () => {
    const bare = node("z", "");
    delete (bare.metadata.labels as Record<string, string>)["topology.kubernetes.io/zone"];
    const m = clusterModel(objects(node("b1", "b"), node("a1", "a"), node("a2", "a"), bare, pod("p2", { node: "a1" }), pod("p1", { node: "a1" }), pod("q"), pod("lost", { node: "gone" })), [], 0, new ModelCache());
    expect(m.zones.map((z) => [z.name, z.nodes.map((n) => n.name)])).toEqual([["a", ["a1", "a2"]], ["b", ["b1"]], ["", ["z"]]]);
    expect(m.podsOnNode.get("a1")!.map((p) => p.name)).toEqual(["p1", "p2"]);
    expect(m.queue.map((p) => p.name)).toEqual(["lost", "q"]);
  });
});

describe("network views", () => {
  const slice = (name: string, svc: string, endpoints: Array<{ pod: string; ready: boolean }>) => ({
    kind: "EndpointSlice", apiVersion: "discovery.k8s.io/v1", addressType: "IPv4",
    metadata: { name, namespace: "default", labels: { "kubernetes.io/service-name": svc } },
    endpoints: endpoints.map((e) => ({ addresses: ["10.0.0.1"], conditions: { ready: e.ready }, targetRef: { kind: "Pod", namespace: "default", name: e.pod } })),
  }) as unknown as Stored<"EndpointSlice">;
  const svc = { kind: "Service", apiVersion: "v1", metadata: { name: "web", namespace: "default" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }] } } as unknown as Stored<"Service">;

  it("a Service's ready endpoints come from its EndpointSlices", () => {
    const [v] = serviceViews(objects(svc, slice("web-abc", "web", [{ pod: "b", ready: true }, { pod: "a", ready: true }, { pod: "c", ready: false }]), slice("other-x", "other", [{ pod: "d", ready: true }])));
    expect(v).toMatchObject({ name: "web", type: "NodePort", ports: "80:30080/TCP", endpoints: ["Pod/default/a", "Pod/default/b"] });
  });

  it("an Ingress names its backend Services", () => {
    const ing = {
      kind: "Ingress", apiVersion: "networking.k8s.io/v1", metadata: { name: "site", namespace: "default" },
      spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } }, rules: [{ host: "shop.example", http: { paths: [{ path: "/api", pathType: "Prefix", backend: { service: { name: "api", port: { number: 80 } } } }] } }] },
    } as unknown as Stored<"Ingress">;
    expect(ingressViews(objects(ing))[0]).toMatchObject({ hosts: "shop.example", backends: ["Service/default/api", "Service/default/web"] });
  });
});

describe("workloadViews", () => {
  it("draws Deployment → ReplicaSets (newest revision first) → Pods, then the pods with no controller", () => {
    const d = owned("Deployment", "web", { replicas: 3 }, { readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 });
    const dep = { kind: "Deployment", name: "web", uid: "uid-web" };
    const old = owned("ReplicaSet", "web-old", { replicas: 1 }, { readyReplicas: 1 }, dep, { "deployment.kubernetes.io/revision": "1" });
    const cur = owned("ReplicaSet", "web-new", { replicas: 2 }, { readyReplicas: 1 }, dep, { "deployment.kubernetes.io/revision": "2" });
    const sts = owned("StatefulSet", "db", { replicas: 1 }, { readyReplicas: 1 });
    const w = workloadViews(objects(
      d, old, cur, sts,
      pod("web-new-b", { owner: { kind: "ReplicaSet", name: "web-new", uid: "uid-web-new" } }),
      pod("web-new-a", { owner: { kind: "ReplicaSet", name: "web-new", uid: "uid-web-new" } }),
      pod("web-old-a", { owner: { kind: "ReplicaSet", name: "web-old", uid: "uid-web-old" } }),
      pod("db-0", { owner: { kind: "StatefulSet", name: "db", uid: "uid-db" } }),
      pod("orphan", { owner: { kind: "ReplicaSet", name: "gone", uid: "uid-gone" } }),
      pod("lone"),
    ));
    expect(w.map((x) => x.id)).toEqual(["Deployment/default/web", "StatefulSet/default/db", "Pod/*"]);
    expect(w[0]!.children.map((c) => [c.name, c.detail, c.pods])).toEqual([
      ["web-new", "revision 2", ["Pod/default/web-new-a", "Pod/default/web-new-b"]],
      ["web-old", "revision 1", ["Pod/default/web-old-a"]],
    ]);
    expect(w[0]).toMatchObject({ ready: 2, desired: 3 });
    expect(w[1]!.pods).toEqual(["Pod/default/db-0"]);
    expect(w[2]!.pods).toEqual(["Pod/default/lone", "Pod/default/orphan"]);
  });
});
