import { describe, expect, it } from "vitest";
import { podColumns } from "../kubectl/pod-status";
import { Simulation } from "../sim/simulation";

const SCENARIO = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: config-errors}
spec:
  actions:
    - at: 30s
      apply: |
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {mode: fast}
---
apiVersion: v1
kind: Pod
metadata: {name: env-ref}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo mode=$MODE; sleep 3600"]
    env:
    - name: MODE
      valueFrom: {configMapKeyRef: {name: settings, key: mode}}
---
apiVersion: v1
kind: Pod
metadata: {name: volume-ref}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "cat /etc/settings/mode; echo; sleep 3600"]
    volumeMounts: [{name: settings, mountPath: /etc/settings}]
  volumes:
  - name: settings
    configMap: {name: settings}
`;

describe("missing ConfigMaps", () => {
  it("an env reference is CreateContainerConfigError, a volume leaves the pod ContainerCreating; both start once it exists", () => {
    const { sim, errors } = Simulation.load(SCENARIO);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    sim.runUntil(20);
    const col = (name: string) => podColumns(sim.store.get("Pod", "default", name)!, sim.epochMs + sim.time * 1000).status;
    expect(col("env-ref")).toBe("CreateContainerConfigError");
    expect(col("volume-ref")).toBe("ContainerCreating");
    const msgs = sim.events.map((e) => `${e.involvedObject.name} ${e.reason}: ${e.message}`);
    expect(msgs).toContain('env-ref Failed: Error: configmap "settings" not found');
    expect(msgs).toContain('volume-ref FailedMount: MountVolume.SetUp failed for volume "settings" : configmap "settings" not found');
    sim.runUntil(180);
    expect([col("env-ref"), col("volume-ref")]).toEqual(["Running", "Running"]);
    const env = sim.logs({ namespace: "default", pod: "env-ref" });
    const vol = sim.logs({ namespace: "default", pod: "volume-ref" });
    expect(env.ok && env.text).toBe("mode=fast\n");
    expect(vol.ok && vol.text).toBe("fast\n");
  });
});
