/**
 * ImageLocality (pkg/scheduler/framework/plugins/imagelocality): favours nodes that already hold
 * the pod's images (node.status.images). Each present image counts its size scaled by the share of
 * nodes that have it (so an image everywhere does not pull every pod to one node); the sum is
 * clamped to [23 MiB, 1000 MiB × containers] and mapped onto 0..100. Init containers count too.
 * Names match as the runtime reports them; a name without a tag gets ":latest". Weight 1.
 */
import type { Snapshot } from "../cache";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { MAX_NODE_SCORE, type CycleState, type ScorePlugin } from "../types";
import { idiv } from "./helper";

export const IMAGE_LOCALITY = "ImageLocality";

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: append ":latest" when the name has no tag. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

/** calculatePriority. */
export function imageScore(sumScores: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), max);
  return idiv(MAX_NODE_SCORE * (s - MIN_THRESHOLD), max - MIN_THRESHOLD);
}

/** The normalized image names of the pod's init and app containers, computed once per pod. */
function imagesOf(pod: PodInfo): readonly string[] {
  return (pod.images ??= [...(pod.pod.spec?.initContainers ?? []), ...(pod.pod.spec?.containers ?? [])]
    .map((c) => normalizedImageName(c.image ?? "")));
}

export class ImageLocality implements ScorePlugin {
  readonly name = IMAGE_LOCALITY;

  constructor(private readonly cache: Snapshot) {}

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const images = imagesOf(pod);
    if (images.length === 0) return 0;
    if (node.images.size === 0) return imageScore(0, images.length);
    const total = this.cache.numNodes();
    let sum = 0;
    for (const name of images) {
      const size = node.images.get(name);
      if (size === undefined) continue;
      // scaledImageScore: size × (nodes with the image / all nodes), truncated.
      sum += Math.trunc(size * (this.cache.imageNumNodes(name) / total));
    }
    return imageScore(sum, images.length);
  }

  scoreAll(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void {
    const images = imagesOf(pod);
    // When no node has any of the images every node scores the same.
    if (!images.some((name) => this.cache.imageNumNodes(name) > 0)) {
      out.fill(images.length === 0 ? 0 : imageScore(0, images.length), 0, nodes.length);
      return;
    }
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]!);
  }
}
