/**
 * What the simulated registry knows about images: size (which sets pull time) and a stable digest.
 * Sizes are the compressed sizes of the official linux/amd64 images, rounded; an unknown image gets
 * a typical size. The `sim.kubeplay.dev/image-pull` annotation overrides the pull time.
 */
import { parseDuration } from "../../clock/time";

export interface ImageInfo {
  sizeBytes: number;
  digest: string;
}

const MB = 1_000_000;
const KNOWN: Record<string, number> = {
  nginx: 72 * MB, busybox: 2 * MB, alpine: 4 * MB, redis: 45 * MB, postgres: 160 * MB, mysql: 180 * MB,
  httpd: 58 * MB, memcached: 30 * MB, mongo: 250 * MB, node: 400 * MB, python: 380 * MB, perl: 300 * MB,
  "registry.k8s.io/pause": 300_000, "registry.k8s.io/echoserver": 46 * MB, "registry.k8s.io/liveness": 2 * MB,
  "registry.k8s.io/goproxy": 5 * MB, "registry.k8s.io/etcd": 60 * MB, "registry.k8s.io/hpa-example": 180 * MB,
};
const DEFAULT_SIZE = 50 * MB;
/** Simulated registry bandwidth: 25 MB/s, plus a fixed 1 s for resolving and unpacking. */
const BYTES_PER_MS = 25_000;
const PULL_OVERHEAD_MS = 1000;

function repository(image: string): string {
  const noDigest = image.split("@")[0]!;
  const lastSlash = noDigest.lastIndexOf("/");
  const colon = noDigest.indexOf(":", lastSlash + 1);
  const repo = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^docker\.io\/(library\/)?/, "");
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function imageInfo(image: string): ImageInfo {
  const size = KNOWN[repository(image)] ?? DEFAULT_SIZE;
  let digest = "";
  for (let i = 0; i < 8; i++) digest += fnv1a(`${image}#${i}`).toString(16).padStart(8, "0");
  return { sizeBytes: size + (fnv1a(image) % 1_000_000), digest };
}

/** Pull time of one container's image: the annotation (`<key>.<container>` before `<key>`), else by size. */
export function pullDurationMs(image: string, annotations: Record<string, string> | undefined, container: string): number {
  const a = annotations?.[`sim.kubeplay.dev/image-pull.${container}`] ?? annotations?.["sim.kubeplay.dev/image-pull"];
  const fromAnnotation = a !== undefined ? parseDuration(a) : undefined;
  if (fromAnnotation !== undefined) return fromAnnotation;
  return PULL_OVERHEAD_MS + Math.round(imageInfo(image).sizeBytes / BYTES_PER_MS);
}
