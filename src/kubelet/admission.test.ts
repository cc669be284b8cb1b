import { describe, expect, it } from "vitest";
import type { Node, Pod } from "kubernetes-types/core/v1";
import { admitPod } from "./admission";

const node: Node = {
  metadata: { name: "n1", labels: { disktype: "hdd" } },
  spec: { taints: [{ key: "dedicated", value: "db", effect: "NoExecute" }] },
  status: { allocatable: { cpu: "2", memory: "4Gi", pods: "3" } },
};
const tolerate = [{ key: "dedicated", operator: "Exists", effect: "NoExecute" }];
const pod = (requests: Record<string, string> = {}, extra: Partial<NonNullable<Pod["spec"]>> = {}): Pod =>
  ({ spec: { tolerations: tolerate, ...extra, containers: [{ name: "c", resources: { requests } }] } });

describe("kubelet admission", () => {
  it.each([
    ["fits", pod({ cpu: "500m" }), [], false, { admit: true }],
    ["too much cpu", pod({ cpu: "3" }), [], false, { admit: false, reason: "OutOfcpu", message: "Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000" }],
    ["cpu used by others", pod({ cpu: "1" }), [pod({ cpu: "1500m" })], false, { admit: false, reason: "OutOfcpu", message: "Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000" }],
    ["too much memory", pod({ memory: "5Gi" }), [], false, { admit: false, reason: "OutOfmemory" }],
    ["too many pods", pod(), [pod(), pod(), pod()], false, { admit: false, reason: "OutOfpods", message: "Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3" }],
    ["node selector mismatch", pod({}, { nodeSelector: { disktype: "ssd" } }), [], false,
      { admit: false, reason: "NodeAffinity", message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" }],
    ["untolerated NoExecute taint", { spec: { containers: [{ name: "c" }] } } as Pod, [], false,
      { admit: false, reason: "TaintToleration", message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" }],
    ["BestEffort under memory pressure", pod(), [], true, { admit: false, reason: "Evicted", message: "The node had condition: [MemoryPressure]. " }],
    ["Burstable under memory pressure", pod({ memory: "1Gi" }), [], true, { admit: true }],
  ])("%s", (_name, p, others, pressure, want) => {
    expect(admitPod(p, node, others, pressure)).toMatchObject(want);
  });
});
