/**
 * "Why?" explanations in Kubernetes' own words, as data for the UI's panels: why a pod is not
 * Ready (scheduling, its node, init containers, images, crash loops, probes), why a rollout is
 * waiting (the Deployment controller's surge and availability arithmetic), why a pod was evicted
 * (node pressure and its ranking, a NoExecute taint, the Eviction API, preemption). Scheduling
 * attempts themselves come from the scheduler (Simulation.explain).
 */
export { explainHostOf, type ExplainHost, type SimulationLike } from "./host";
export { whyNotReady, type NotReadyCause, type NotReadyExplanation, type ProbeFailure, type Termination } from "./pod-ready";
export { whyRolloutWaiting, type RolloutBlock, type RolloutExplanation, type ReplicaSetCounts, type UnavailablePod } from "./rollout";
export { whyEvicted, type EvictionCause, type EvictionExplanation, type RankedPod } from "./eviction";
