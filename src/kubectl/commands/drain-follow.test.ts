import { describe, expect, it } from "vitest";
import { Session } from "../../worker/session";

/** Two pods of a Deployment on n1 (n2 starts cordoned), a budget that lets one go at a time. */
const YAML = `apiVersion: v1
kind: Node
metadata: {name: n1, labels: {topology.kubernetes.io/zone: a}}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Node
metadata: {name: n2, labels: {topology.kubernetes.io/zone: b}}
spec: {unschedulable: true}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: web}}
`;

describe("kubectl drain in the console", () => {
  it("retries a refused eviction every 5 s of cluster time and reports each pod gone, then the node drained", () => {
    const { session } = Session.start(YAML);
    session.runTo(30);
    session.executeKubectl("uncordon n2");
    const { result, logged } = session.executeKubectl("drain n1 --ignore-daemonsets");
    expect(logged).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^node\/n1 cordoned\nevicting pod default\/web-\S+\nevicting pod default\/web-\S+\n$/);
    expect(result.stderr).toMatch(/^error when evicting pods\/"web-\S+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n$/);
    const stream = session.sim.kubectlStream("drain n1 --ignore-daemonsets")!;
    expect(stream).toBeDefined();
    let out = "";
    let ended: string | undefined;
    for (let t = 31; t <= 240 && ended === undefined; t++) {
      session.runTo(t);
      const p = stream.poll();
      out += p.stdout;
      ended = p.ended;
    }
    expect(ended).toBe("");
    expect(out).toMatch(/^pod\/web-\S+ evicted\npod\/web-\S+ evicted\nnode\/n1 drained\n$/);
    // Both replicas now run on n2, and nothing is left on n1.
    const pods = session.sim.store.list("Pod").filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map((p) => p.spec?.nodeName)).toEqual(["n2", "n2"]);
    // The retries are part of the logged command: a replay gives the same cluster.
    const replayed = session.rewind(session.time);
    expect(JSON.stringify(replayed.sim.snapshot().objects)).toBe(JSON.stringify(session.sim.snapshot().objects));
  });

  it("run without a console to stream to (a scenario action, a replay), it still retries and drains the node", () => {
    const { session } = Session.start(YAML);
    session.runTo(30);
    session.sim.kubectl("uncordon n2");
    const r = session.sim.kubectl("drain n1 --ignore-daemonsets");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("kubeplay: the refused evictions are retried every 5s in the cluster's time; node/n1 is drained once its pods are gone");
    session.runTo(240);
    const pods = session.sim.store.list("Pod").filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map((p) => p.spec?.nodeName)).toEqual(["n2", "n2"]);
  });
});
