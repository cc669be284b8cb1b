import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { TestEnv } from "../controllers/test-env";
import { drainNode } from "./drain";

const owner = (kind: string, name: string) => [{ apiVersion: "apps/v1", kind, name, uid: `${name}-uid`, controller: true }];

function cluster(extra: Pod[] = []) {
  const env = new TestEnv();
  env.addNode("n1");
  const ready = { conditions: [{ type: "Ready", status: "True" }] };
  env.create("Pod", { metadata: { name: "web-1", labels: { app: "web" }, ownerReferences: owner("ReplicaSet", "web") }, spec: { nodeName: "n1", containers: [{ name: "c" }] }, status: ready });
  for (const p of extra) env.create("Pod", p);
  return env;
}

describe("kubectl drain", () => {
  it("cordons the node and evicts its pods", () => {
    const env = cluster();
    const r = drainNode(env.store, "n1", "2026-01-01T00:00:00Z");
    expect(r).toEqual({ ok: true, stdout: "node/n1 cordoned\npod/web-1 evicted\nnode/n1 drained\n", stderr: "evicting pod default/web-1\n" });
    expect(env.store.get("Node", undefined, "n1")?.spec?.unschedulable).toBe(true);
    const pod = env.get("Pod", "web-1")!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.status?.conditions).toContainEqual(expect.objectContaining({ type: "DisruptionTarget", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting" }));
  });

  it("refuses DaemonSet pods, emptyDir pods and bare pods, as kubectl does without flags", () => {
    const env = cluster([
      { metadata: { name: "agent", namespace: "kube-system", ownerReferences: owner("DaemonSet", "agent") }, spec: { nodeName: "n1", containers: [{ name: "c" }] } },
      { metadata: { name: "bare" }, spec: { nodeName: "n1", containers: [{ name: "c" }] } },
    ]);
    const r = drainNode(env.store, "n1", "t");
    expect(r.ok).toBe(false);
    expect(r.stderr).toBe(
      'error: unable to drain node "n1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent, ' +
      "cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n" +
      "There are pending nodes to be drained:\n n1\n" +
      "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent\n" +
      "cannot delete Pods that declare no controller (use --force to override): default/bare\n",
    );
    expect(env.get("Pod", "web-1")?.metadata.deletionTimestamp).toBeUndefined();
    const forced = drainNode(env.store, "n1", "t", { ignoreDaemonSets: true, force: true });
    expect(forced.ok).toBe(true);
    expect(forced.stderr).toContain("Warning: ignoring DaemonSet-managed Pods: kube-system/agent\n");
    expect(forced.stdout).toBe("node/n1 already cordoned\npod/bare evicted\npod/web-1 evicted\nnode/n1 drained\n");
  });

  it("respects a PodDisruptionBudget", () => {
    const env = cluster();
    env.create("PodDisruptionBudget", { metadata: { name: "web" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } } });
    const r = drainNode(env.store, "n1", "t");
    expect(r.ok).toBe(false);
    expect(r.stderr).toContain('error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.');
  });
});
