import { describe, expect, it } from "vitest";
import type { Deployment } from "kubernetes-types/apps/v1";
import { Controller } from "../../runtime/controller";
import type { Component, ComponentContext } from "../../sim/component";
import { garbageCollectorFactory } from "../garbage-collector";
import { isPodReady } from "../pod-util";
import { replicaSetControllerSpec } from "../replicaset";
import { TestEnv } from "../test-env";
import { deploymentControllerSpec } from "./controller";

/** Binds pods at once and makes them Ready after `readyAfter` s, unless their image says "bad". */
class ReadyKubelet implements Component {
  readonly name = "ready-kubelet";
  constructor(private readonly readyAfter = 5) {}
  start(ctx: ComponentContext): void {
    ctx.store.watch("Pod", (ev) => {
      const p = ev.object;
      const { namespace, name, uid } = p.metadata;
      if (ev.type === "ADDED") {
        ctx.after(0, "bind", () => ctx.store.mutate("Pod", namespace, name, (d) => {
          if (d.metadata.uid !== uid) return false;
          d.spec = { ...d.spec!, nodeName: "node-a" };
          d.status = { phase: "Pending", conditions: [{ type: "Ready", status: "False", lastTransitionTime: ctx.timestamp(ctx.now()) }] };
        }));
        if (!(p.spec?.containers ?? []).some((c) => c.image?.includes("bad"))) {
          ctx.after(this.readyAfter * 1000, "ready", () => ctx.store.mutate("Pod", namespace, name, (d) => {
            if (d.metadata.uid !== uid || d.metadata.deletionTimestamp) return false;
            d.status = { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: ctx.timestamp(ctx.now()) }] };
          }));
        }
      } else if (ev.type === "MODIFIED" && p.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) {
        ctx.after(0, "kill", () => ctx.store.delete("Pod", namespace, name, { gracePeriodSeconds: 0 }));
      }
    });
  }
}

const deployment = (replicas: number, spec: Partial<Deployment["spec"]> = {}): Deployment => ({
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.26" }] } },
    ...spec,
  } as Deployment["spec"],
});

function cluster(): TestEnv {
  const env = new TestEnv(11);
  env.addNode("node-a");
  return env.start(
    new Controller(deploymentControllerSpec), new Controller(replicaSetControllerSpec), garbageCollectorFactory(), new ReadyKubelet(5),
  );
}

const setImage = (env: TestEnv, image: string) =>
  env.store.mutate("Deployment", "default", "web", (d) => { d.spec!.template.spec!.containers[0]!.image = image; });

const activePods = (env: TestEnv) => env.list("Pod").filter((p) => !p.metadata.deletionTimestamp);
const rsSizes = (env: TestEnv) => Object.fromEntries(env.list("ReplicaSet").map((r) => [r.metadata.name, r.spec?.replicas]));
const scalingEvents = (env: TestEnv) => env.messages("Deployment", "web").filter((m) => m.startsWith("ScalingReplicaSet"));

describe("Deployment controller", () => {
  it("creates <deploy>-<pod-template-hash> with revision 1 and the real events and conditions", () => {
    const env = cluster();
    env.create("Deployment", deployment(3));
    env.runFor(10);
    const [rs] = env.list("ReplicaSet");
    expect(rs?.metadata.name).toMatch(/^web-[4-9bcdf]{6,10}$/);
    const hash = rs!.metadata.labels!["pod-template-hash"]!;
    expect(rs?.metadata.name).toBe(`web-${hash}`);
    expect(rs?.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "1", "deployment.kubernetes.io/desired-replicas": "3", "deployment.kubernetes.io/max-replicas": "4",
    });
    expect(env.list("Pod").every((p) => p.metadata.name.startsWith(`web-${hash}-`) && p.metadata.labels?.["pod-template-hash"] === hash)).toBe(true);
    expect(scalingEvents(env)).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    const d = env.get("Deployment", "web")!;
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      "Available=True MinimumReplicasAvailable: Deployment has minimum availability.",
      `Progressing=True NewReplicaSetAvailable: ReplicaSet "web-${hash}" has successfully progressed.`,
    ]);
  });

  it("rolls 10 replicas at 25%/25% never below 8 available nor above 13 pods, step by step", () => {
    const env = cluster();
    env.create("Deployment", deployment(10));
    env.runFor(10);
    setImage(env, "nginx:1.27");
    let minAvailable = Infinity, maxPods = 0, steps = 0;
    while (env.clock.nextAt() !== undefined && env.clock.nextAt()! <= 120_000) {
      env.clock.step();
      steps++;
      const pods = activePods(env);
      maxPods = Math.max(maxPods, pods.length);
      minAvailable = Math.min(minAvailable, pods.filter((p) => isPodReady(p)).length);
    }
    expect(steps).toBeGreaterThan(50);
    expect(minAvailable).toBe(8);
    expect(maxPods).toBe(13);
    const d = env.get("Deployment", "web")!;
    expect(d.status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const [first, second] = scalingEvents(env).slice(1, 3);
    expect(first).toMatch(/Scaled up replica set web-\w+ from 0 to 3$/);
    expect(second).toMatch(/Scaled down replica set web-\w+ from 10 to 8$/);
  });

  it("Recreate scales the old ReplicaSet to 0 and waits for its pods before creating the new one", () => {
    const env = cluster();
    env.create("Deployment", deployment(3, { strategy: { type: "Recreate" } }));
    env.runFor(10);
    setImage(env, "nginx:1.27");
    env.runFor(10);
    const events = scalingEvents(env);
    expect(events).toHaveLength(3);
    expect(events[1]).toMatch(/Scaled down replica set web-\w+ from 3 to 0$/);
    expect(events[2]).toMatch(/Scaled up replica set web-\w+ from 0 to 3$/);
    expect(activePods(env).every((p) => p.spec?.containers[0]?.image === "nginx:1.27")).toBe(true);
  });

  it("a rollout stuck on unready pods times out after progressDeadlineSeconds", () => {
    const env = cluster();
    env.create("Deployment", deployment(3, { progressDeadlineSeconds: 60 }));
    env.runFor(10);
    setImage(env, "nginx:bad");
    env.runFor(30);
    const cond = () => env.get("Deployment", "web")!.status!.conditions!.find((c) => c.type === "Progressing")!;
    expect(cond().reason).toBe("ReplicaSetUpdated");
    expect(Object.values(rsSizes(env)).sort()).toEqual([1, 3]);
    env.runFor(40);
    expect(cond()).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(cond().message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
    // A real cluster keeps the rollout where it is.
    expect(Object.values(rsSizes(env)).sort()).toEqual([1, 3]);
  });

  it("scales proportionally in the middle of a rollout (docs example: 10 → 15 with surge 3, unavailable 2)", () => {
    const env = cluster();
    env.create("Deployment", deployment(10, { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    env.runFor(10);
    setImage(env, "nginx:bad");
    env.runFor(10);
    const names = () => env.list("ReplicaSet").map((r) => ({ name: r.metadata.name, rev: r.metadata.annotations?.["deployment.kubernetes.io/revision"], n: r.spec?.replicas }));
    expect(names().map((r) => [r.rev, r.n]).sort()).toEqual([["1", 8], ["2", 5]]);
    env.store.mutate("Deployment", "default", "web", (d) => { d.spec!.replicas = 15; });
    env.runFor(1);
    expect(names().map((r) => [r.rev, r.n]).sort()).toEqual([["1", 11], ["2", 7]]);
  });

  it("deleting the Deployment removes its ReplicaSets and pods through the garbage collector", () => {
    const env = cluster();
    env.create("Deployment", deployment(3));
    env.runFor(10);
    env.store.delete("Deployment", "default", "web");
    env.runFor(5);
    expect(env.list("ReplicaSet")).toHaveLength(0);
    expect(env.list("Pod")).toHaveLength(0);
  });

  it.each([
    { policy: "Foreground" as const, rsLeft: 0, podsLeft: 0 },
    { policy: "Orphan" as const, rsLeft: 1, podsLeft: 3 },
  ])("deleting with propagationPolicy $policy", ({ policy, rsLeft, podsLeft }) => {
    const env = cluster();
    env.create("Deployment", deployment(3));
    env.runFor(10);
    env.store.delete("Deployment", "default", "web", { propagationPolicy: policy });
    env.runFor(5);
    expect(env.get("Deployment", "web")).toBeUndefined();
    expect(env.list("ReplicaSet")).toHaveLength(rsLeft);
    expect(env.list("Pod")).toHaveLength(podsLeft);
    if (policy === "Orphan") expect(env.list("ReplicaSet")[0]?.metadata.ownerReferences).toBeUndefined();
  });

  it("keeps revisionHistoryLimit old ReplicaSets", () => {
    const env = cluster();
    env.create("Deployment", deployment(1, { revisionHistoryLimit: 2 }));
    env.runFor(10);
    for (const tag of ["1.1", "1.2", "1.3", "1.4"]) {
      setImage(env, `nginx:${tag}`);
      env.runFor(20);
    }
    const revs = env.list("ReplicaSet").map((r) => Number(r.metadata.annotations?.["deployment.kubernetes.io/revision"])).sort();
    expect(revs).toEqual([3, 4, 5]);
  });
});
