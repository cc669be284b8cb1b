import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runScore } from "../test-fixtures";
import { ImageLocality, imageScore, normalizedImageName } from "./image-locality";

const MB = 1024 * 1024;
const containers = (...images: string[]) => images.map((image, i) => ({ name: `c${i}`, image }));

describe("ImageLocality", () => {
  it.each([["gcr.io/40", "gcr.io/40:latest"], ["gcr.io/300:v1", "gcr.io/300:v1"], ["localhost:5000/app", "localhost:5000/app:latest"], ["localhost:5000/app:1", "localhost:5000/app:1"]])(
    "normalizedImageName(%s) = %s", (name, want) => expect(normalizedImageName(name)).toBe(want));

  // Cases from upstream imagelocality/image_locality_test.go TestImageLocalityPriority: node1 holds
  // gcr.io/40 (40 MB) and gcr.io/300 (300 MB), node2 gcr.io/250 (250 MB) and gcr.io/10 (10 MB).
  const node1 = node("node1", { images: [{ names: ["gcr.io/40:latest", "gcr.io/40:v1"], sizeBytes: 40 * MB }, { names: ["gcr.io/300:latest", "gcr.io/300:v1"], sizeBytes: 300 * MB }] });
  const node2 = node("node2", { images: [{ names: ["gcr.io/250:latest"], sizeBytes: 250 * MB }, { names: ["gcr.io/10:latest", "gcr.io/10:v1"], sizeBytes: 10 * MB }] });
  const node3 = node("node3", { images: [{ names: ["gcr.io/2000:latest"], sizeBytes: 2000 * MB }] });

  it.each([
    // node1: 40 MB × 1/2 = 20 MB < 23 MB → 0; node2: 250 MB × 1/2 = 125 MB → 100 × (125 − 23) / (2000 − 23) = 5.
    { name: "two images spread on two nodes, prefer the larger image one", images: ["gcr.io/40", "gcr.io/250"], nodes: [node1, node2], want: { node1: 0, node2: 5 } },
    // node1: (40 + 300) × 1/2 = 170 MB → 100 × (170 − 23) / (2000 − 23) = 7; node2: 125 MB → 5.
    { name: "two images on one node, prefer this node", images: ["gcr.io/40", "gcr.io/300"], nodes: [node1, node2], want: { node1: 7, node2: 0 } },
    // Each image is on one node of three: 2000 × 1/3 = 666 MB → 100 × (666 − 23) / (3000 − 23) = 21.
    { name: "if exceed limit, use limit", images: ["gcr.io/2000", "gcr.io/10", "gcr.io/x"], nodes: [node1, node2, node3], want: { node1: 0, node2: 0, node3: 21 } },
    { name: "no image present anywhere", images: ["gcr.io/unknown"], nodes: [node1, node2], want: { node1: 0, node2: 0 } },
  ])("$name", ({ images, nodes, want }) => {
    const cache = cluster(nodes);
    const scores = runScore(new ImageLocality(cache), info(pod("p", { containers: containers(...images) })), cache.list())!;
    expect(Object.fromEntries(Object.entries(scores).map(([n, [, s]]) => [n, s]))).toEqual(want);
  });

  it("clamps to [23 MiB, 1000 MiB × containers]", () => {
    expect(imageScore(0, 1)).toBe(0);
    expect(imageScore(2000 * MB, 1)).toBe(100);
    expect(imageScore(1000 * MB, 2)).toBe(Math.trunc((100 * (1000 - 23)) / (2000 - 23)));
  });
});
