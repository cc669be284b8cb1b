/**
 * What the "why?" explanations read: the object store (objects, their conditions, their Events),
 * the virtual clock, and — when the host has them — the scheduler's recorded attempts and the
 * kubelets' per-container usage. A Simulation provides all but usage (see explainHostOf).
 */
import type { Event } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import type { KObject } from "../api/types";
import type { ContainerUsage } from "../kubectl/commands/types";
import { eventsFor } from "../kubectl/describe/events";
import type { ScheduleAttempt } from "../scheduler/explain";

export interface ExplainHost {
  readonly store: ObjectStore;
  /** The virtual now as unix ms. */
  nowMs(): number;
  /** The scheduler's attempts for a pod, oldest first (Simulation.explain). */
  attempts?(namespace: string, name: string): readonly ScheduleAttempt[];
  /** Per-container usage of a running pod (the metrics API), when the kubelets serve it. */
  usage?(namespace: string, pod: string): readonly ContainerUsage[] | undefined;
}

/** The parts of a Simulation an ExplainHost needs (kept structural: explain does not import sim/). */
export interface SimulationLike {
  readonly store: ObjectStore;
  readonly epochMs: number;
  readonly time: number;
  explain(namespace: string, name: string): readonly ScheduleAttempt[];
}

export function explainHostOf(sim: SimulationLike, usage?: ExplainHost["usage"]): ExplainHost {
  return {
    store: sim.store,
    nowMs: () => sim.epochMs + Math.round(sim.time * 1000),
    attempts: (ns, name) => sim.explain(ns, name),
    ...(usage ? { usage } : {}),
  };
}

/** The events about a pod, oldest first (by name: they outlive the pod). */
export function podEvents(host: ExplainHost, namespace: string, name: string, uid?: string): Event[] {
  const ref: KObject = { kind: "Pod", metadata: { namespace, name, ...(uid ? { uid } : {}) } };
  return eventsFor(host.store, ref, { matchKind: false });
}

/** The latest event with this reason (and message prefix), if any. */
export function lastEvent(events: readonly Event[], reason: string, messagePrefix = ""): Event | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.reason === reason && (e.message ?? "").startsWith(messagePrefix)) return e;
  }
  return undefined;
}

/** "namespace/name". */
export const podKey = (namespace: string, name: string): string => `${namespace}/${name}`;
