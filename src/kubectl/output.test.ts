import { describe, expect, it } from "vitest";
import type { KObject } from "../api/types";
import { formatObjects, resourceName } from "./output";

const pod: KObject = {
  kind: "Pod",
  metadata: { name: "web-0", namespace: "default", managedFields: [{ manager: "kubectl", operation: "Apply" }] },
  spec: { containers: [{ name: "app", image: "nginx" }] },
};
const deploy: KObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" } };

describe("formatObjects", () => {
  it("an empty list, as `kubectl get pods -o yaml` prints it", () => {
    expect(formatObjects([], "yaml")).toBe("apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n");
  });

  it("an empty list, as `kubectl get pods -o json` prints it", () => {
    expect(formatObjects([], "json")).toBe(`{
    "apiVersion": "v1",
    "items": [],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`);
  });

  it("a list of one (not asked by name) is still a List; apiVersion filled, managedFields hidden", () => {
    expect(formatObjects([pod], "yaml")).toBe(`apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-0
    namespace: default
  spec:
    containers:
    - image: nginx
      name: app
kind: List
metadata:
  resourceVersion: ""
`);
  });

  it("one object asked by name prints alone; --show-managed-fields keeps them", () => {
    expect(formatObjects([deploy], "yaml", { single: true })).toBe(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\n");
    expect(formatObjects([pod], "json", { single: true, showManagedFields: true })).toBe(`{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "managedFields": [
            {
                "manager": "kubectl",
                "operation": "Apply"
            }
        ],
        "name": "web-0",
        "namespace": "default"
    },
    "spec": {
        "containers": [
            {
                "image": "nginx",
                "name": "app"
            }
        ]
    }
}
`);
  });

  it("JSON escapes <, > and & as Go does", () => {
    const o: KObject = { kind: "ConfigMap", apiVersion: "v1", metadata: { name: "x", annotations: { a: "<none> & more" } } };
    expect(formatObjects([o], "json", { single: true })).toContain(`"a": "\\u003cnone\\u003e \\u0026 more"`);
  });

  it("-o name", () => {
    expect(formatObjects([pod, deploy], "name")).toBe("pod/web-0\ndeployment.apps/web\n");
    expect(resourceName({ kind: "HorizontalPodAutoscaler", metadata: { name: "web" } })).toBe("horizontalpodautoscaler.autoscaling/web");
  });
});
