import { describe, expect, it } from "vitest";
import { describeConfigMap, describeNamespace, describePersistentVolumeClaim, describeSecret } from "./storage";

// Fixtures are plain API objects, as the store holds them; casts keep them short.
const NOW = Date.parse("2026-01-01T00:05:00Z");

const text = (lines: readonly string[]) => `${lines.join("\n")}\n`;

describe("kubectl describe: storage", () => {
  const cases: Array<{ name: string; got: () => string; want: readonly string[] }> = [
    {
      name: "a ConfigMap (keys sorted)",
      got: () => describeConfigMap({ metadata: { name: "cfg", namespace: "default" }, data: { "b.conf": "x=1\ny=2", a: "hello" } } as never, [], NOW),
      want: [
        "Name:         cfg",
        "Namespace:    default",
        "Labels:       <none>",
        "Annotations:  <none>",
        "",
        "Data",
        "====",
        "a:",
        "----",
        "hello",
        "",
        "b.conf:",
        "----",
        "x=1",
        "y=2",
        "",
        "",
        "BinaryData",
        "====",
        "",
        "Events:  <none>",
      ],
    },
    {
      name: "an Opaque Secret (sizes, never values)",
      got: () => describeSecret({ metadata: { name: "db", namespace: "default" }, type: "Opaque", data: { password: "c2VjcmV0", user: "YWRtaW4=" } } as never),
      want: [
        "Name:         db",
        "Namespace:    default",
        "Labels:       <none>",
        "Annotations:  <none>",
        "",
        "Type:  Opaque",
        "",
        "Data",
        "====",
        "password:  6 bytes",
        "user:      5 bytes",
      ],
    },
    {
      name: "a Namespace (no quotas or limit ranges)",
      got: () => describeNamespace({ metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } }, status: { phase: "Active" } } as never),
      want: [
        "Name:         dev",
        "Labels:       kubernetes.io/metadata.name=dev",
        "Annotations:  <none>",
        "Status:       Active",
        "",
        "No resource quota.",
        "",
        "No LimitRange resource.",
      ],
    },
    {
      name: "a bound PersistentVolumeClaim used by a pod",
      got: () => describePersistentVolumeClaim({ metadata: { name: "www-db-0", namespace: "default", finalizers: ["kubernetes.io/pvc-protection"] }, spec: { storageClassName: "standard", volumeName: "pvc-1", volumeMode: "Filesystem", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }, status: { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] } } as never,
  [{ metadata: { name: "db-0" } } as never], [], NOW),
      want: [
        "Name:          www-db-0",
        "Namespace:     default",
        "StorageClass:  standard",
        "Status:        Bound",
        "Volume:        pvc-1",
        "Labels:        <none>",
        "Annotations:   <none>",
        "Finalizers:    [kubernetes.io/pvc-protection]",
        "Capacity:      1Gi",
        "Access Modes:  RWO",
        "VolumeMode:    Filesystem",
        "Used By:       db-0",
        "Events:        <none>",
      ],
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(text(want));
  });
});
