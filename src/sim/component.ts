/**
 * The contract between the Simulation and the components it hosts (kubelet, scheduler,
 * controllers). A component is started once; from then on it only reacts: to store watches and
 * to timers it set on the virtual clock. Components never call each other.
 */
import type { Recorder, EventSource } from "../api/events";
import type { ObjectStore } from "../api/store";
import type { Timer } from "../clock/clock";
import type { Random } from "../clock/random";
import type { Millis } from "../clock/time";
import type { Machines } from "./machines";

export interface ComponentContext {
  readonly store: ObjectStore;
  /** Whether each node's machine is up: what a kubelet can know about its own host. */
  readonly machines: Machines;
  /** Current virtual time (ms since the scenario started). */
  now(): Millis;
  /** RFC 3339 timestamp of a virtual instant, as the API server writes it. */
  timestamp(t: Millis): string;
  /** Parses an RFC 3339 timestamp back to virtual time. */
  fromTimestamp(ts: string | undefined): Millis | undefined;
  /** Runs `run` after `delay` ms of virtual time. `label` names the step in traces and the UI. */
  after(delay: number, label: string, run: () => void): Timer;
  /** Runs `run` at virtual time `t` (or now, if t has passed). */
  at(t: Millis, label: string, run: () => void): Timer;
  /** A seeded generator of this component's own, independent of every other component's draws. */
  random(stream: string): Random;
  /** An event recorder reporting as `source`. */
  recorder(source: EventSource): Recorder;
}

export interface Component {
  /** The component's name as Kubernetes calls it ("kubelet", "default-scheduler", "replicaset-controller"). */
  readonly name: string;
  start(ctx: ComponentContext): void;
}

/** Builds a component. Registered in src/sim/components.ts. */
export type ComponentFactory = () => Component;
