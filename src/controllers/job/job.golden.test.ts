import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../../testing/golden";
import { Simulation } from "../../sim/simulation";
import { kubeletRunsCommandsToExit } from "../golden-probe";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "..", "testdata", name);

const FAILING = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: job-backoff-limit}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: fails}
spec:
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo trying; sleep 2; exit 1"]
`;

const PI = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: job-pi}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: busybox:1.36
          command: ["sh", "-c", "sleep 10; echo 3.14159"]
`;

describe.skipIf(!kubeletRunsCommandsToExit())("Job golden timelines", () => {
  it("backoffLimit 3 with a failing pod: replacements after 10 s, 20 s and 40 s, then BackoffLimitExceeded", () => {
    const { sim, errors } = Simulation.load(FAILING);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "5m", at: ["30s", "3m"], kinds: ["Job", "Pod"], eventKinds: ["Job"] });
    const created = sim.events.filter((e) => e.reason === "SuccessfulCreate" && e.involvedObject.kind === "Job").map((e) => e.time);
    expect(created).toHaveLength(4);
    // Each replacement waits at least 10 s, 20 s, 40 s after the previous pod failed.
    expect(created[2]! - created[1]!).toBeGreaterThan(created[1]! - created[0]!);
    expect(sim.events.filter((e) => e.reason === "BackoffLimitExceeded").map((e) => e.message)).toEqual(["Job has reached the specified backoff limit"]);
    expectGolden(testdata("job-backoff-limit.txt"), text);
  });

  it("a pod that succeeds completes the Job", () => {
    const { sim } = Simulation.load(PI);
    const text = timeline(sim, { until: "60s", at: ["5s", "30s"], kinds: ["Job", "Pod"], eventKinds: ["Job"] });
    expect(sim.events.filter((e) => e.involvedObject.kind === "Job").map((e) => e.reason)).toEqual(["SuccessfulCreate", "Completed"]);
    expectGolden(testdata("job-complete.txt"), text);
  });
});
