import { describe, expect, it } from "vitest";
import { Simulation } from "../../sim/simulation";
import { podsForDeletion } from "./drain";

const owned = (kind: string, name: string) => `ownerReferences: [{apiVersion: apps/v1, kind: ${kind}, name: ${name}, uid: u-${name}, controller: true}]`;

const CLUSTER = `
apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: a, image: busybox}]}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web}, ${owned("ReplicaSet", "web-abc")}}
spec: {nodeName: n1, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, labels: {app: web}, ${owned("ReplicaSet", "web-abc")}}
spec: {nodeName: n2, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: agent-x, labels: {app: agent}, ${owned("DaemonSet", "agent")}}
spec: {nodeName: n1, containers: [{name: a, image: busybox}]}
`;

const BARE = `
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {nodeName: n1, containers: [{name: c, image: busybox}]}
`;

const SCRATCH = `
apiVersion: v1
kind: Pod
metadata: {name: cache, ${owned("ReplicaSet", "cache-abc")}}
spec: {nodeName: n1, volumes: [{name: tmp, emptyDir: {}}], containers: [{name: c, image: busybox}]}
`;

const PDB = `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
`;

function cluster(...extra: string[]): Simulation {
  const { sim, errors } = Simulation.load([CLUSTER, ...extra].join("---\n"), { components: [] });
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  for (const p of sim.store.list("Pod")) {
    sim.store.mutate("Pod", "default", p.metadata.name, (d) => { d.status = { phase: "Running", conditions: [{ type: "Ready", status: "True" }] }; });
  }
  return sim;
}

const run = (sim: Simulation, line: string) => {
  const r = sim.kubectl(line);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe("kubectl drain", () => {
  it("refuses DaemonSet pods without --ignore-daemonsets, after cordoning", () => {
    const sim = cluster();
    expect(run(sim, "drain n1")).toEqual([
      "node/n1 cordoned\n",
      `error: unable to drain node "n1" due to error:cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x, continuing command...\n`
        + "error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x\n",
      1,
    ]);
    expect(sim.store.get("Node", undefined, "n1")!.spec?.unschedulable).toBe(true);
    expect(sim.store.get("Pod", "default", "web-1")!.metadata.deletionTimestamp).toBeUndefined();
  });

  it("evicts the rest with --ignore-daemonsets: DisruptionTarget, graceful deletion, kubectl's lines", () => {
    const sim = cluster();
    expect(run(sim, "drain n1 --ignore-daemonsets")).toEqual([
      "node/n1 cordoned\nevicting pod default/web-1\npod/web-1 evicted\nnode/n1 drained\n",
      "Warning: ignoring DaemonSet-managed Pods: default/agent-x\n",
      0,
    ]);
    const web1 = sim.store.get("Pod", "default", "web-1")!;
    expect(web1.metadata.deletionTimestamp).toBeDefined();
    expect(web1.status?.conditions).toContainEqual(expect.objectContaining({ type: "DisruptionTarget", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting" }));
    expect(sim.store.get("Pod", "default", "agent-x")!.metadata.deletionTimestamp).toBeUndefined();
  });

  it("lists every blocking category, and --force / --delete-emptydir-data let them go", () => {
    const sim = cluster(BARE, SCRATCH);
    const [, err, code] = run(sim, "drain n1 --ignore-daemonsets");
    expect(code).toBe(1);
    expect(err).toContain("cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache");
    expect(err).toContain("cannot delete Pods that declare no controller (use --force to override): default/bare");
    // Both errors: the aggregate is printed in brackets.
    expect(err).toMatch(/\nerror: \[cannot delete .*, cannot delete .*\]\n$/);
    const [out, warn, ok] = run(sim, "drain n1 --ignore-daemonsets --force --delete-emptydir-data");
    expect(ok).toBe(0);
    expect(out).toBe("node/n1 already cordoned\nevicting pod default/bare\npod/bare evicted\nevicting pod default/cache\npod/cache evicted\nevicting pod default/web-1\npod/web-1 evicted\nnode/n1 drained\n");
    // The local-storage warning is dropped by the later unreplicated filter, as upstream's is.
    expect(warn).toBe("Warning: ignoring DaemonSet-managed Pods: default/agent-x; deleting Pods that declare no controller: default/bare\n");
  });

  it("honours a PodDisruptionBudget through the Eviction API (429), leaving the node cordoned and retrying in the cluster's time", () => {
    const sim = cluster(PDB);
    const [out, err, code] = run(sim, "drain n1 --ignore-daemonsets");
    expect(out).toBe("node/n1 cordoned\nevicting pod default/web-1\n");
    expect(err).toBe("Warning: ignoring DaemonSet-managed Pods: default/agent-x\n"
      + `error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`
      + "kubeplay: the refused evictions are retried every 5s in the cluster's time; node/n1 is drained once its pods are gone\n");
    expect(code).toBe(1);
    expect(sim.store.get("Pod", "default", "web-1")!.metadata.deletionTimestamp).toBeUndefined();
  });

  it("--pod-selector narrows the pods; --disable-eviction deletes", () => {
    const sim = cluster(BARE);
    expect(run(sim, "drain n1 --ignore-daemonsets --pod-selector app=web --disable-eviction")).toEqual([
      "node/n1 cordoned\npod/web-1 deleted\nnode/n1 drained\n", "", 0,
    ]);
    expect(run(sim, "drain nope")).toEqual(["", `Error from server (NotFound): nodes "nope" not found\n`, 1]);
    expect(run(sim, "drain")).toEqual(["", "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n", 1]);
  });

  it("podsForDeletion skips mirror pods and lets finished pods go", () => {
    const sim = cluster(`
apiVersion: v1
kind: Pod
metadata: {name: static, annotations: {kubernetes.io/config.mirror: abc}}
spec: {nodeName: n1, containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec: {nodeName: n1, containers: [{name: c, image: busybox}]}
`);
    sim.store.mutate("Pod", "default", "done", (p) => { p.status = { phase: "Succeeded" }; });
    const list = podsForDeletion(sim.store, "n1", { ignoreDaemonSets: true }, sim.epochMs);
    expect("error" in list ? list : list.pods.map((p) => p.metadata.name)).toEqual(["done", "web-1"]);
  });
});
