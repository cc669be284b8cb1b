import { describe, expect, it } from "vitest";
import type { Component, ComponentContext } from "../sim/component";
import { TestEnv } from "./test-env";
import { nodeLifecycleControllerFactory } from "./node-lifecycle";

/** Posts Ready with a fresh heartbeat every 10 s for the nodes that are up. */
class Heartbeats implements Component {
  readonly name = "heartbeats";
  readonly down = new Set<string>();
  start(ctx: ComponentContext): void {
    const beat = () => {
      for (const n of ctx.store.list("Node")) {
        if (this.down.has(n.metadata.name)) continue;
        const ts = ctx.timestamp(ctx.now());
        ctx.store.mutate("Node", undefined, n.metadata.name, (x) => {
          const prev = x.status?.conditions?.find((c) => c.type === "Ready");
          const since = prev?.status === "True" ? prev.lastTransitionTime : ts;
          x.status = { ...x.status, conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", lastHeartbeatTime: ts, lastTransitionTime: since }] };
        });
      }
      ctx.after(10_000, "beat", beat);
    };
    ctx.after(0, "beat", beat);
  }
}

function cluster(zones: string[]) {
  const hb = new Heartbeats();
  const env = new TestEnv().start(nodeLifecycleControllerFactory(), hb);
  zones.forEach((z, i) => env.addNode(`n${i}`, { metadata: { name: `n${i}`, labels: { "topology.kubernetes.io/zone": z } } }));
  return { env, hb };
}

const taints = (env: TestEnv, node: string) => (env.store.get("Node", undefined, node)?.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);
const ready = (env: TestEnv, node: string) => env.store.get("Node", undefined, node)?.status?.conditions?.find((c) => c.type === "Ready");

describe("node lifecycle controller", () => {
  it("marks a silent node Unknown after the 50 s grace period, then taints it", () => {
    const { env, hb } = cluster(["a", "b", "c"]);
    // The last heartbeat is at 30 s; the controller sees it at its 30 s pass.
    env.runUntil(31);
    hb.down.add("n0");
    env.runUntil(84);
    expect(ready(env, "n0")?.status).toBe("True");
    env.runUntil(85);
    expect(ready(env, "n0")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(taints(env, "n0")).toEqual(["node.kubernetes.io/unreachable:NoSchedule"]);
    env.runUntil(90);
    expect(taints(env, "n0")).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
    hb.down.delete("n0");
    env.runUntil(105);
    expect(taints(env, "n0")).toEqual([]);
  });

  it("stops tainting when every zone is fully disrupted", () => {
    const { env, hb } = cluster(["a", "b"]);
    env.runUntil(25);
    hb.down.add("n0");
    hb.down.add("n1");
    env.runUntil(200);
    expect(ready(env, "n0")?.status).toBe("Unknown");
    expect(taints(env, "n0").filter((t) => t.endsWith("NoExecute"))).toEqual([]);
    expect(taints(env, "n1").filter((t) => t.endsWith("NoExecute"))).toEqual([]);
  });

  it("taints nodes in one zone one per 10 s (node-eviction-rate 0.1)", () => {
    const { env, hb } = cluster(["a", "a", "a", "a", "b"]);
    env.runUntil(31);
    hb.down.add("n0");
    hb.down.add("n1");
    env.runUntil(90);
    const noExecute = () => ["n0", "n1"].filter((n) => taints(env, n).includes("node.kubernetes.io/unreachable:NoExecute"));
    expect(noExecute()).toHaveLength(1);
    env.runUntil(100);
    expect(noExecute()).toHaveLength(2);
  });

  it("mirrors cordon as the unschedulable taint", () => {
    const { env } = cluster(["a"]);
    env.runUntil(1);
    env.store.mutate("Node", undefined, "n0", (n) => { n.spec = { ...n.spec, unschedulable: true }; });
    env.runFor(1);
    expect(taints(env, "n0")).toEqual(["node.kubernetes.io/unschedulable:NoSchedule"]);
  });
});
