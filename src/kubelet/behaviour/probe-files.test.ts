import { describe, expect, it } from "vitest";
import type { Container, Probe } from "kubernetes-types/core/v1";
import { probeFile } from "./probe-files";

const c = (image: string, extra: Partial<Container> = {}): Container => ({ name: "app", image, ...extra });

describe("probeFile", () => {
  it.each<[string, Container, Probe | undefined, string | undefined]>([
    ["the liveness tutorial's cat", c("busybox"), { exec: { command: ["cat", "/tmp/healthy"] } }, "/tmp/healthy"],
    ["test -e", c("busybox"), { exec: { command: ["test", "-e", "/tmp/ready"] } }, "/tmp/ready"],
    ["a shell script", c("busybox"), { exec: { command: ["sh", "-c", "cat /var/run/ok && echo fine"] } }, "/var/run/ok"],
    ["a redirect in a script", c("busybox"), { exec: { command: ["/bin/sh", "-c", "grep -q up </tmp/state"] } }, "/tmp/state"],
    ["an exec with no path", c("busybox"), { exec: { command: ["true"] } }, undefined],
    ["nginx's root page", c("nginx:1.27"), { httpGet: { path: "/", port: 80 } }, "/usr/share/nginx/html/index.html"],
    ["nginx with no path", c("nginx"), { httpGet: { port: 80 } }, "/usr/share/nginx/html/index.html"],
    ["nginx, a file", c("docker.io/library/nginx:1.27"), { httpGet: { path: "/healthz.html?x=1", port: 80 } }, "/usr/share/nginx/html/healthz.html"],
    ["httpd", c("httpd:2.4"), { httpGet: { path: "/", port: 80 } }, "/usr/local/apache2/htdocs/index.html"],
    ["nginx running another command", c("nginx", { command: ["myserver"] }), { httpGet: { path: "/", port: 80 } }, undefined],
    ["an application's endpoint", c("registry.k8s.io/liveness"), { httpGet: { path: "/healthz", port: 8080 } }, undefined],
    ["tcpSocket", c("nginx"), { tcpSocket: { port: 80 } }, undefined],
    ["no probe", c("nginx"), undefined, undefined],
  ])("%s", (_name, container, probe, want) => {
    expect(probeFile(container, probe)).toBe(want);
  });
});
