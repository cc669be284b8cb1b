/**
 * What one node's kubelet gives its pod workers: the store (its API client), its event
 * recorder, image manager and restart back-off, the virtual clock, the node's addresses and
 * the network as its pods see it.
 */
import type { Recorder } from "../api/events";
import type { ObjectStore } from "../api/store";
import type { Timer } from "../clock/clock";
import type { Backoff } from "./backoff";
import type { Volume } from "./behaviour/fs";
import type { Listener, NetClient } from "./behaviour/net-types";
import type { ImageManager } from "./image-manager";

export interface NodeServices {
  readonly nodeName: string;
  readonly store: ObjectStore;
  readonly recorder: Recorder;
  readonly images: ImageManager;
  readonly crashBackoff: Backoff;
  /** Unix ms of virtual time 0. */
  readonly epochMs: number;
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  timestamp(ms: number): string;
  /** Whether the node's machine (and so its kubelet) is up. */
  up(): boolean;
  hostIP(): string;
  /** A free pod IP from the node's podCIDR. */
  allocateIP(uid: string): string;
  /** Data that outlives pods: a PVC's volume, a hostPath directory. */
  persistentVolume(key: string): Volume;
  network(namespace: string, self: Listener): NetClient;
  /** The worker is done with its pod (it left the API). */
  forget(uid: string): void;
}
