/**
 * The file a probe's answer hangs on, when there is one: `cat /tmp/healthy` reads /tmp/healthy;
 * an HTTP probe of nginx or httpd (run with the image's own command) is answered from the file
 * under the server's document root. Removing that file in the running container
 * (`kubectl exec web -- rm -f /tmp/healthy`) breaks the probe, as in the liveness tutorial;
 * creating it again (`touch`) heals it. A probe that hangs on no file (tcpSocket, grpc, an
 * application's own endpoint) has none: it is broken by other means (sim.kubeplay.dev/*).
 */
import type { Container, Probe } from "kubernetes-types/core/v1";
import { repository } from "./images";

/** Where the static file servers of known images serve from (their images' default configuration). */
export const STATIC_ROOTS: Readonly<Record<string, string>> = { nginx: "/usr/share/nginx/html", httpd: "/usr/local/apache2/htdocs" };

const SHELLS = new Set(["sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash"]);
const ABSOLUTE_PATH = /(?:^|[\s<>'"=])(\/[\w./-]*[\w-])/;

/** The first absolute path an exec probe's command reads, if any. */
function execFile(argv: readonly string[]): string | undefined {
  if (argv.length === 0) return undefined;
  const words = SHELLS.has(argv[0]!) && argv[1] === "-c" ? [argv[2] ?? ""] : argv.slice(1);
  for (const w of words) {
    const m = ABSOLUTE_PATH.exec(w);
    if (m) return m[1];
  }
  return undefined;
}

/** The file the probe's success depends on in `container`, or undefined when it has none. */
export function probeFile(container: Container, probe: Probe | undefined): string | undefined {
  if (!probe) return undefined;
  if (probe.exec) return execFile(probe.exec.command ?? []);
  if (probe.httpGet && !container.command?.length) {
    const root = STATIC_ROOTS[repository(container.image ?? "")];
    if (!root) return undefined;
    const path = (probe.httpGet.path ?? "/").split("?")[0] || "/";
    return `${root}${path.endsWith("/") ? `${path}index.html` : path}`;
  }
  return undefined;
}
