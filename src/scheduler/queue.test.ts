import { describe, expect, it } from "vitest";
import { SchedulingQueue } from "./queue";
import { info, pod } from "./test-fixtures";
import type { ClusterEvent, EnqueuePlugin } from "./types";

function queue(now = { t: 0 }, plugins: EnqueuePlugin[] = []) {
  return { now, q: new SchedulingQueue(() => now.t, new Map(plugins.map((p) => [p.name, p]))) };
}

describe("SchedulingQueue", () => {
  // Upstream scheduling_queue_test.go TestPriorityQueue_calculateBackoffDuration.
  it.each([[1, 1000], [2, 2000], [3, 4000], [4, 8000], [5, 10000], [20, 10000]])(
    "back-off after %i failures is %i ms", (failures, want) => {
      const { q } = queue();
      q.add(info(pod("p")));
      const qp = q.pop()!;
      qp.unschedulableCount = failures;
      expect(q.backoffDuration(qp)).toBe(want);
    });

  // Upstream TestPriorityQueue_Pop / PrioritySort: higher priority first, then first come.
  it("pops the highest priority first, then the earliest", () => {
    const now = { t: 0 };
    const { q } = queue(now);
    q.add(info(pod("a", { priority: 1 })));
    now.t = 1;
    q.add(info(pod("b", { priority: 5 })));
    q.add(info(pod("c", { priority: 1 })));
    expect([q.pop()!.pod.name, q.pop()!.pod.name, q.pop()!.pod.name]).toEqual(["b", "a", "c"]);
  });

  it("keeps a pod rejected by a plugin until an event that plugin says may help", () => {
    const hint: EnqueuePlugin = { name: "P", queueingHint: (ev: ClusterEvent) => (ev.kind === "NodeAdd" ? "Queue" : "QueueSkip") };
    const { q } = queue({ t: 0 }, [hint]);
    q.add(info(pod("p")));
    q.addUnschedulable(q.pop()!, new Set(["P"]), false);
    expect(q.hasWork).toBe(false);
    expect(q.onEvent({ kind: "UnschedulableTimeout" })).toBe(1);
    expect(q.hasWork).toBe(true);
  });

  it("replays the events of a pod's own cycle when it fails", () => {
    const hint: EnqueuePlugin = { name: "P", queueingHint: () => "Queue" };
    const { q } = queue({ t: 0 }, [hint]);
    const p = info(pod("p"));
    q.add(p);
    const qp = q.pop()!;
    q.onEvent({ kind: "AssignedPodDelete", pod: info(pod("gone")), node: undefined });
    q.addUnschedulable(qp, new Set(["P"]), false);
    // Back-off (1 s) has not run out, but with activeQ empty the backoffQ is popped at once.
    expect(q.pop()?.pod.uid).toBe(p.uid);
  });

  it("does not pop a gated pod until its scheduling gates are removed", () => {
    const { q } = queue();
    const gated = pod("g", { spec: { schedulingGates: [{ name: "example.com/wait" }] } });
    q.add(info(gated));
    expect(q.pop()).toBeUndefined();
    q.update(info({ ...gated, spec: { ...gated.spec!, schedulingGates: [] } }));
    expect(q.pop()?.pod.name).toBe("g");
  });
});
