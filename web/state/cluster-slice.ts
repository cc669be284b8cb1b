/**
 * The cluster slice: the mirror of the engine's cluster (web/state/cluster.ts), written only by
 * snapshots and patches. Messages are checked and applied as they arrive (so a gap is reported at
 * once and the client can ask for a resync), but the store publishes the result once per animation
 * frame: a burst of patches costs one render.
 */
import type { WirePatch, WireSnapshot } from "../../src/protocol/messages";
import { applyPatch, emptyMirror, mirrorFromSnapshot, type ClusterMirror } from "./cluster";
import { FrameBatcher, type FrameScheduler } from "./frame";

export interface ClusterSlice {
  cluster: ClusterMirror;
  /** Replaces the mirror. */
  receiveSnapshot(seq: number, snapshot: WireSnapshot): void;
  /** Applies a patch; false when it does not follow (the caller asks for a resync). */
  receivePatch(seq: number, patch: WirePatch): boolean;
}

/** Patches held back for a frame at most: past this a hidden tab (no frames) publishes at once. */
const MAX_UNPUBLISHED = 30;

export function createClusterSlice(
  set: (s: Pick<ClusterSlice, "cluster">) => void,
  get: () => ClusterSlice,
  frame: FrameScheduler,
): ClusterSlice {
  let working: ClusterMirror | null = null;
  let unpublished = 0;
  const batcher = new FrameBatcher(frame, () => {
    if (working) set({ cluster: working });
    working = null;
    unpublished = 0;
  });
  const current = () => working ?? get().cluster;
  const stage = (m: ClusterMirror) => {
    working = m;
    if (++unpublished > MAX_UNPUBLISHED) batcher.now();
    else batcher.request();
  };
  return {
    cluster: emptyMirror,
    receiveSnapshot: (seq, snapshot) => stage(mirrorFromSnapshot(seq, snapshot, current())),
    receivePatch: (seq, patch) => {
      const next = applyPatch(current(), seq, patch);
      if (next === "gap") return false;
      stage(next);
      return true;
    },
  };
}
