import { describe, expect, it } from "vitest";
import type { Pod, Toleration } from "kubernetes-types/core/v1";
import { admit, defaultTolerationSeconds } from "./admission";

const nr: Toleration = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 };
const ur: Toleration = { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 };
const pod = (tolerations?: Toleration[]): Pod => ({ spec: { containers: [{ name: "c" }], ...(tolerations ? { tolerations } : {}) } });

describe("DefaultTolerationSeconds", () => {
  it.each<[string, Toleration[] | undefined, Toleration[]]>([
    ["adds both 300 s tolerations", undefined, [nr, ur]],
    ["keeps the pod's own tolerations first", [{ key: "gpu", operator: "Exists" }], [{ key: "gpu", operator: "Exists" }, nr, ur]],
    ["respects a toleration of its own for one of them", [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }],
      [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }, nr]],
    ["a toleration of every taint covers both", [{ operator: "Exists" }], [{ operator: "Exists" }]],
    ["a NoSchedule toleration does not count", [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" }],
      [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" }, nr, ur]],
  ])("%s", (_name, tolerations, want) => {
    expect(defaultTolerationSeconds(pod(tolerations)).spec?.tolerations).toEqual(want);
  });

  it("is idempotent and leaves other kinds alone", () => {
    const once = admit("Pod", pod());
    expect(admit("Pod", once)).toEqual(once);
    const svc = { metadata: { name: "s" }, spec: {} };
    expect(admit("Service", svc)).toBe(svc);
  });
});
