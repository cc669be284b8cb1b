/**
 * The default profile (pkg/scheduler/apis/config/v1/default_plugins.go getDefaultPlugins): the
 * plugins in their MultiPoint order, which is the order each extension point runs them in, and
 * the score weights. SchedulingGates, PrioritySort and DefaultBinder are the queue's and the
 * binder's jobs (see queue.ts and scheduler.ts); the volume plugins are not simulated.
 */
import type { Snapshot } from "../cache";
import type { Profile } from "../framework";
import { isEnqueuePlugin, type EnqueuePlugin, type FilterPlugin, type Plugin, type PreFilterPlugin, type WeightedScorePlugin } from "../types";
import { BalancedAllocation } from "./balanced-allocation";
import type { DefaultPreemption } from "./default-preemption";
import { DynamicResources } from "./dynamic-resources";
import { ImageLocality } from "./image-locality";
import { InterPodAffinity } from "./inter-pod-affinity";
import { NodeAffinity } from "./node-affinity";
import { NodeName } from "./node-name";
import { NodePorts } from "./node-ports";
import { NodeResourcesFit } from "./node-resources-fit";
import { NodeUnschedulable } from "./node-unschedulable";
import { PodTopologySpread } from "./pod-topology-spread";
import { TaintToleration } from "./taint-toleration";

/** The default profile's score weights, by plugin. */
export const SCORE_WEIGHTS: Readonly<Record<string, number>> = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
};

export function defaultProfile(snapshot: Snapshot, preemption: DefaultPreemption): Profile {
  const nodeUnschedulable = new NodeUnschedulable();
  const nodeName = new NodeName();
  const taintToleration = new TaintToleration();
  const nodeAffinity = new NodeAffinity();
  const nodePorts = new NodePorts();
  const fit = new NodeResourcesFit();
  const spread = new PodTopologySpread(snapshot);
  const interPod = new InterPodAffinity(snapshot);
  const balanced = new BalancedAllocation();
  const images = new ImageLocality(snapshot);
  const all: Plugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, fit, spread, interPod, balanced, images];
  const preFilter: PreFilterPlugin[] = [nodeAffinity, nodePorts, fit, spread, interPod];
  const filter: FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, fit, spread, interPod];
  const score: WeightedScorePlugin[] = [
    taintToleration, nodeAffinity, fit, spread, interPod, balanced, images,
  ].map((plugin) => ({ plugin, weight: SCORE_WEIGHTS[plugin.name]! }));
  const enqueue = all.filter(isEnqueuePlugin) as EnqueuePlugin[];
  return { preFilter, filter, postFilter: [new DynamicResources(), preemption], score, enqueue };
}
