import { describe, expect, it } from "vitest";
import { checkPull, normalizeImage, pullDurationMs, tagOf } from "./images";

describe("the simulated registry", () => {
  it.each([
    ["nginx", true],
    ["nginx:1.14.2", true],
    ["nginx:1.27-alpine", true],
    ["nginx:stable-alpine", true],
    ["nginx:1.161", false],
    ["busybox:1.28", true],
    ["redis:7.2", true],
    ["redis:99", false],
    ["myorg/app:v1", true],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", true],
    ["registry.example/team/app:v1", false],
    ["ghcr.io/org/app@sha256:" + "a".repeat(64), true],
  ])("%s pulls: %s", (image, ok) => {
    expect(checkPull(image).ok).toBe(ok);
  });

  it("gives containerd's errors", () => {
    expect(checkPull("nginx:1.161")).toEqual({
      ok: false, reason: "ErrImagePull",
      error: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    });
    expect(checkPull("Nginx:1.27")).toMatchObject({ ok: false, reason: "InvalidImageName" });
  });

  it.each([
    ["nginx", "docker.io/library/nginx:latest", "latest"],
    ["bitnami/redis:7", "docker.io/bitnami/redis:7", "7"],
    ["localhost:5000/app", "localhost:5000/app:latest", "latest"],
  ])("%s → %s", (image, ref, tag) => {
    expect(normalizeImage(image)).toBe(ref);
    expect(tagOf(image)).toBe(tag);
  });

  it("takes the pull time from the annotation, the container's own key first", () => {
    const a = { "sim.kubeplay.dev/image-pull": "8s", "sim.kubeplay.dev/image-pull.web": "20s" };
    expect(pullDurationMs("nginx", a, "web")).toBe(20_000);
    expect(pullDurationMs("nginx", a, "sidecar")).toBe(8000);
    expect(pullDurationMs("busybox", undefined, "c")).toBeLessThan(pullDurationMs("postgres", undefined, "c"));
  });
});
