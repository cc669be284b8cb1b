/**
 * What a pod asks of a node, as the scheduler counts it (k8s.io/component-helpers resource
 * PodRequests, used by NodeResourcesFit and the scheduler cache):
 *
 *   requests = max( Σ app containers + Σ sidecars, max over init containers i of
 *                   (init container i + Σ sidecars started before it) ) + pod overhead
 *
 * Sidecars are init containers with restartPolicy Always: they keep running, so they add to the
 * app containers and to every later init container. For scoring, a container that requests no
 * cpu (memory) counts as 100m (200Mi) — schedutil.DefaultMilliCPURequest / DefaultMemoryRequest —
 * so that best-effort pods still spread.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import { cpuMillis, memoryBytes } from "../api/quantity";

/** schedutil.DefaultMilliCPURequest: 0.1 core. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended, hugepages and attachable-volume resources (schedutil.IsScalarResourceName). */
  scalar: Map<string, number> | undefined;
}

export const emptyResources = (): Resources => ({ cpu: 0, memory: 0, ephemeralStorage: 0, scalar: undefined });

/** IsScalarResourceName: extended (domain-prefixed), hugepages-*, attachable-volumes-*. */
export function isScalarResourceName(name: string): boolean {
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

type ResourceList = Readonly<Record<string, string | number>> | undefined;

function addList(r: Resources, list: ResourceList): void {
  if (!list) return;
  for (const name in list) {
    const v = list[name]!;
    switch (name) {
      case "cpu": r.cpu += cpuMillis(v); break;
      case "memory": r.memory += memoryBytes(v); break;
      case "ephemeral-storage": r.ephemeralStorage += memoryBytes(v); break;
      default:
        if (isScalarResourceName(name)) {
          r.scalar ??= new Map();
          r.scalar.set(name, (r.scalar.get(name) ?? 0) + memoryBytes(v));
        }
    }
  }
}

function addResources(r: Resources, o: Resources): void {
  r.cpu += o.cpu;
  r.memory += o.memory;
  r.ephemeralStorage += o.ephemeralStorage;
  if (o.scalar) for (const [k, v] of o.scalar) (r.scalar ??= new Map()).set(k, (r.scalar.get(k) ?? 0) + v);
}

function maxResources(r: Resources, o: Resources): void {
  r.cpu = Math.max(r.cpu, o.cpu);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  if (o.scalar) for (const [k, v] of o.scalar) (r.scalar ??= new Map()).set(k, Math.max(r.scalar.get(k) ?? 0, v));
}

function containerRequests(c: Container, nonMissing: boolean): Resources {
  const r = emptyResources();
  const req = c.resources?.requests as ResourceList;
  addList(r, req);
  if (nonMissing) {
    // Only a request that is absent gets the default; an explicit "0" stays 0.
    if (req?.cpu === undefined) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (req?.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * resourcehelper.PodRequests. `nonMissing` applies the scoring defaults to containers that request
 * no cpu or memory (NonMissingContainerRequests).
 */
export function podRequests(pod: Pod, nonMissing = false): Resources {
  const spec = pod.spec;
  const reqs = emptyResources();
  if (!spec) return reqs;
  for (const c of spec.containers ?? []) addResources(reqs, containerRequests(c, nonMissing));
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const c of spec.initContainers ?? []) {
    const own = containerRequests(c, nonMissing);
    if (c.restartPolicy === "Always") {
      addResources(reqs, own);
      addResources(sidecars, own);
      maxResources(initMax, sidecars);
    } else {
      addResources(own, sidecars);
      maxResources(initMax, own);
    }
  }
  maxResources(reqs, initMax);
  addList(reqs, spec.overhead as ResourceList);
  return reqs;
}

/** The node's allocatable resources (status.allocatable; capacity when a node document gives only that). */
export interface Allocatable extends Resources {
  pods: number;
}

export function nodeAllocatable(list: ResourceList): Allocatable {
  const r: Allocatable = { ...emptyResources(), pods: 0 };
  addList(r, list);
  const pods = list?.pods;
  r.pods = pods === undefined ? 0 : memoryBytes(pods);
  return r;
}
