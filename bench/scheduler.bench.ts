/**
 * Scheduler throughput on 5,000 nodes, in the shapes of upstream scheduler_perf
 * (test/integration/scheduler_perf/config/performance-config.yaml and its templates):
 * node-default (4 cpu, 32Gi, 110 pods), pod-default (100m / 500Mi), pod-with-topology-spreading
 * (zone maxSkew 5, DoNotSchedule), pod-with-pod-anti-affinity (hostname, color=green),
 * pod-with-node-affinity (zone In [zone1, zone2]). Each run creates the nodes and the initial pods,
 * schedules those, then times scheduling the measured pods: store writes (binding, Events) included.
 * Time is the process's CPU time (user + system), so that other work on a shared machine does not
 * count; it includes V8's helper threads, which only makes the figure conservative.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { BenchSuite } from "./run";
import { makeNode, makePod, SchedulerSandbox } from "../src/scheduler/sandbox";

const NODES = 5000;
const ZONES = ["zone1", "zone2", "zone3"];

interface Shape {
  name: string;
  target: number;
  initPods: number;
  measurePods: number;
  zoneLabels?: boolean;
  pod(i: number): Pod;
  explain?: boolean;
}

const basic = (i: number): Pod => makePod(`pod-${i}`, { cpu: "100m", memory: "500Mi" });

const spreading = (i: number): Pod => makePod(`spreading-pod-${i}`, {
  cpu: "100m", memory: "500Mi", labels: { color: "blue" },
  spec: { topologySpreadConstraints: [{ maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { color: "blue" } } }] },
});

const antiAffinity = (i: number): Pod => makePod(`anti-affinity-pod-${i}`, {
  cpu: "100m", memory: "500Mi", labels: { color: "green" },
  spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { color: "green" } }, topologyKey: "kubernetes.io/hostname" }] } } },
});

const nodeAffinity = (i: number): Pod => makePod(`node-affinity-${i}`, {
  cpu: "100m", memory: "500Mi",
  spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["zone1", "zone2"] }] }] } } } },
});

const SHAPES: Shape[] = [
  { name: "SchedulingBasic/5000Nodes", target: 5000, initPods: 1000, measurePods: 2000, pod: basic },
  { name: "TopologySpreading/5000Nodes", target: 3000, initPods: 1000, measurePods: 2000, zoneLabels: true, pod: spreading },
  { name: "SchedulingPodAntiAffinity/5000Nodes", target: 1000, initPods: 1000, measurePods: 1000, pod: antiAffinity },
  { name: "SchedulingNodeAffinity/5000Nodes", target: 3000, initPods: 1000, measurePods: 2000, zoneLabels: true, pod: nodeAffinity },
  { name: "SchedulingBasic/5000Nodes/explain", target: 1000, initPods: 1000, measurePods: 2000, pod: basic, explain: true },
];

function measure(shape: Shape): number {
  const sb = new SchedulerSandbox({ explain: shape.explain ?? false });
  for (let i = 0; i < NODES; i++) {
    sb.node(makeNode(`scheduler-perf-${i}`, shape.zoneLabels ? { labels: { "topology.kubernetes.io/zone": ZONES[i % ZONES.length]! } } : {}));
  }
  for (let i = 0; i < shape.initPods; i++) sb.pod(shape.pod(i));
  sb.run();
  for (let i = 0; i < shape.measurePods; i++) sb.pod(shape.pod(shape.initPods + i));
  const c0 = process.cpuUsage();
  sb.run();
  const c = process.cpuUsage(c0);
  const seconds = (c.user + c.system) / 1e6;
  const bound = sb.store.list("Pod").filter((p) => p.spec?.nodeName).length;
  if (bound !== shape.initPods + shape.measurePods) throw new Error(`${shape.name}: ${bound} pods bound, want ${shape.initPods + shape.measurePods}`);
  return shape.measurePods / seconds;
}

export const suites: BenchSuite[] = SHAPES.map((shape) => ({
  name: `scheduler ${shape.name}`,
  unit: "pods/s",
  target: shape.target,
  runs: 3,
  run: () => measure(shape),
}));
