/**
 * The simulated registry: what it knows about an image (size, which sets pull time; a stable
 * digest; the image config's ENTRYPOINT and CMD; files it ships), and which references cannot
 * be pulled. Sizes are the compressed sizes of the official linux/amd64 images, rounded; an image
 * the registry does not know is a typical application image that exists.
 *
 * A reference fails to pull (ErrImagePull → ImagePullBackOff) when it is not a valid reference
 * (InvalidImageName), when its registry host is in a reserved test domain (.example, .invalid,
 * .test, .localhost: "no such host"), or when it names a tag a well-known image never had
 * (nginx:1.161 — the Deployment docs' typo).
 */
import { Random } from "../../clock/random";
import { parseDuration } from "../../clock/time";

export interface ImageInfo {
  sizeBytes: number;
  digest: string;
}

const MB = 1_000_000;

interface KnownImage {
  size: number;
  /** Valid tags (besides latest); undefined accepts any tag. */
  tags?: RegExp;
  entrypoint?: string[];
  cmd: string[];
  files?: Record<string, string>;
}

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

/** Version tags "1.27", "1.27.3", "1.27.3-alpine" with the minor at most `maxMinor`. */
const versions = (major: string, maxMinor: number, extra = "stable|mainline|alpine|perl|slim|bookworm|bullseye|alpine-slim") =>
  new RegExp(`^(?:(?:${extra})(?:-[a-z0-9.-]+)?|${major}\\.(?:${range(maxMinor)})(?:\\.\\d{1,2})?(?:-[a-z0-9.-]+)?)$`);
const majors = (max: number, extra = "alpine|slim|bookworm|bullseye") =>
  new RegExp(`^(?:(?:${extra})(?:-[a-z0-9.-]+)?|(?:${range(max)})(?:\\.\\d{1,2}){0,2}(?:-[a-z0-9.-]+)?)$`);
function range(max: number): string {
  return Array.from({ length: max + 1 }, (_, i) => String(i)).join("|");
}

const SHELL_IMAGE = (size: number, tags?: RegExp, shell = "sh"): KnownImage => ({ size, cmd: [shell], ...(tags ? { tags } : {}) });

const KNOWN: Record<string, KnownImage> = {
  nginx: { size: 72 * MB, tags: versions("1", 30), entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"], files: { "/usr/share/nginx/html/index.html": NGINX_INDEX } },
  httpd: { size: 58 * MB, tags: versions("2", 4, "alpine"), cmd: ["httpd-foreground"], files: { "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n" } },
  redis: { size: 45 * MB, tags: majors(8), entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"] },
  postgres: { size: 160 * MB, tags: majors(18), entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"] },
  mysql: { size: 180 * MB, tags: majors(9, "oracle|debian|lts|innovation"), entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"] },
  mongo: { size: 250 * MB, tags: majors(8), entrypoint: ["docker-entrypoint.sh"], cmd: ["mongod"] },
  memcached: { size: 30 * MB, tags: majors(1, "alpine"), entrypoint: ["docker-entrypoint.sh"], cmd: ["memcached"] },
  busybox: SHELL_IMAGE(2 * MB, versions("1", 37, "stable|musl|glibc|uclibc")),
  alpine: SHELL_IMAGE(4 * MB, versions("3", 22, "edge")),
  ubuntu: SHELL_IMAGE(30 * MB, undefined, "bash"),
  debian: SHELL_IMAGE(50 * MB, undefined, "bash"),
  node: { size: 400 * MB, tags: majors(25), entrypoint: ["docker-entrypoint.sh"], cmd: ["node"] },
  python: { size: 380 * MB, tags: majors(3), cmd: ["python3"] },
  perl: { size: 300 * MB, tags: versions("5", 42, "slim"), cmd: ["perl"] },
  "curlimages/curl": { size: 10 * MB, entrypoint: ["/entrypoint.sh"], cmd: ["curl"] },
  "nicolaka/netshoot": SHELL_IMAGE(180 * MB, undefined, "zsh"),
  "polinux/stress": { size: 4 * MB, cmd: ["stress"] },
  "hashicorp/http-echo": { size: 4 * MB, entrypoint: ["/http-echo"], cmd: [] },
  "traefik/whoami": { size: 3 * MB, entrypoint: ["/whoami"], cmd: [] },
  "registry.k8s.io/pause": { size: 300_000, cmd: ["/pause"] },
  "registry.k8s.io/busybox": SHELL_IMAGE(1 * MB),
  "registry.k8s.io/echoserver": { size: 46 * MB, cmd: ["/usr/local/bin/run.sh"] },
  "registry.k8s.io/liveness": { size: 2 * MB, cmd: ["/server"] },
  "registry.k8s.io/e2e-test-images/agnhost": { size: 50 * MB, entrypoint: ["/agnhost"], cmd: ["pause"] },
  "registry.k8s.io/goproxy": { size: 5 * MB, cmd: ["/goproxy"] },
  "registry.k8s.io/etcd": { size: 60 * MB, cmd: ["/usr/local/bin/etcd"] },
  "registry.k8s.io/hpa-example": { size: 180 * MB, cmd: ["apache2-foreground"] },
};

const DEFAULT_SIZE = 50 * MB;
/** Simulated registry bandwidth: 25 MB/s, plus a fixed 1 s for resolving and unpacking. */
const BYTES_PER_MS = 25_000;
const PULL_OVERHEAD_MS = 1000;
/** An `imagePullPolicy: Always` pull of an image already on the node only checks the manifest. */
export const MANIFEST_CHECK_MS = 400;
/** A failed pull fails after resolving the reference. */
export const FAILED_PULL_MS = 1000;

/** The repository part of a reference, without tag, digest or the docker.io/library/ prefix. */
export function repository(image: string): string {
  const noDigest = image.split("@")[0]!;
  const lastSlash = noDigest.lastIndexOf("/");
  const colon = noDigest.indexOf(":", lastSlash + 1);
  const repo = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^docker\.io\/(library\/)?/, "").replace(/^library\//, "");
}

/** The tag of a reference ("latest" when it has neither tag nor digest, "" with a digest only). */
export function tagOf(image: string): string {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  if (colon > lastSlash) return name.slice(colon + 1);
  return at >= 0 ? "" : "latest";
}

/** "docker.io/library/nginx:latest" for "nginx", as containerd reports image references. */
export function normalizeImage(image: string): string {
  let ref = image;
  if (!/[:@]/.test(ref.split("/").pop() ?? "")) ref += ":latest";
  const first = ref.split("/")[0]!;
  if (!ref.includes("/")) ref = `docker.io/library/${ref}`;
  else if (!first.includes(".") && !first.includes(":") && first !== "localhost") ref = `docker.io/${ref}`;
  return ref;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function known(image: string): KnownImage | undefined {
  return KNOWN[repository(image)];
}

export function imageInfo(image: string): ImageInfo {
  const size = known(image)?.size ?? DEFAULT_SIZE;
  const r = new Random(image, "digest");
  let digest = "";
  for (let i = 0; i < 8; i++) digest += r.nextUint32().toString(16).padStart(8, "0");
  return { sizeBytes: size + (fnv1a(image) % 1_000_000), digest };
}

/** The image config: ENTRYPOINT and CMD (unknown images run a long-lived application). */
export function imageConfig(image: string): { entrypoint: string[]; cmd: string[]; files: Record<string, string> } {
  const k = known(image);
  if (!k) return { entrypoint: [], cmd: ["/app"], files: {} };
  return { entrypoint: k.entrypoint ?? [], cmd: k.cmd, files: k.files ?? {} };
}

export type PullCheck =
  | { ok: true }
  | { ok: false; reason: "InvalidImageName"; message: string }
  | { ok: false; reason: "ErrImagePull"; error: string };

const RESERVED_TLDS = /\.(example|invalid|test|localhost)$|^(example\.(com|net|org))$/;
const REFERENCE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Whether the registry can serve the reference, with containerd's error text when it cannot. */
export function checkPull(image: string): PullCheck {
  if (!REFERENCE.test(image)) {
    const why = /[A-Z]/.test(image.split(/[:@]/)[0] ?? "") ? "repository name must be lowercase" : "invalid reference format";
    return { ok: false, reason: "InvalidImageName", message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${why === "invalid reference format" ? "" : `: ${why}`}` };
  }
  const ref = normalizeImage(image);
  const host = ref.split("/")[0]!;
  if (RESERVED_TLDS.test(host)) {
    const path = ref.slice(host.length + 1).replace(/:([^:/@]+)$/, "/manifests/$1");
    return {
      ok: false, reason: "ErrImagePull",
      error: `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": failed to do request: Head "https://${host}/v2/${path}": dial tcp: lookup ${host}: no such host`,
    };
  }
  const k = known(image);
  const tag = tagOf(image);
  if (k?.tags && tag !== "" && tag !== "latest" && !k.tags.test(tag)) {
    return {
      ok: false, reason: "ErrImagePull",
      error: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    };
  }
  return { ok: true };
}

/** Pull time of one container's image: the annotation (`<key>.<container>` before `<key>`), else by size. */
export function pullDurationMs(image: string, annotations: Readonly<Record<string, string>> | undefined, container: string): number {
  const a = annotations?.[`sim.kubeplay.dev/image-pull.${container}`] ?? annotations?.["sim.kubeplay.dev/image-pull"];
  const fromAnnotation = a !== undefined ? parseDuration(a) : undefined;
  if (fromAnnotation !== undefined) return fromAnnotation;
  return PULL_OVERHEAD_MS + Math.round(imageInfo(image).sizeBytes / BYTES_PER_MS);
}
