/**
 * The kubelet's resource stats (pkg/kubelet/stats): per running container the CPU and the memory
 * working set it uses now. Both readers upstream take them from this one provider, and so do
 * they here: the eviction manager (memory.available) and the resource metrics endpoint that
 * metrics-server scrapes for `kubectl top`. So `top` shows the numbers eviction acts on.
 *
 * Usage is sampled at the instant it is read; metrics-server's scrape interval and its
 * two-scrape CPU rate are not modelled.
 */
import type { PodRuntime } from "./runtime";

/** One container's usage (the shape of metrics.k8s.io ContainerMetrics). */
export interface ContainerStats {
  name: string;
  /** CPU in use, millicores. */
  cpuMilli: number;
  /** Memory working set, bytes. */
  memoryBytes: number;
}

/** A node's usage: what its pods' running containers use (the OS and system daemons are not modelled). */
export interface NodeStats {
  cpuMilli: number;
  memoryBytes: number;
}

/** The pod's running containers, in the order the runtime started them; exited ones use nothing. */
export function containerStats(runtime: PodRuntime): ContainerStats[] {
  return runtime.running().map((i) => ({ name: i.name, cpuMilli: i.process.cpuMilli(), memoryBytes: i.process.memoryBytes() }));
}
