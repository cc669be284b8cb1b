import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden, timeline } from "../testing/golden";
import { Simulation } from "../sim/simulation";
import { kubeletRunsCommandsToExit } from "./golden-probe";

const testdata = (name: string) => join(dirname(fileURLToPath(import.meta.url)), "testdata", name);

/** Every minute, Forbid, and a job that runs 90 seconds. */
const FORBID = `
apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: cronjob-forbid}
spec:
  seed: 1
  cluster: {zones: [a], nodesPerZone: 1, node: {cpu: "4", memory: 16Gi, pods: 110}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: hello
              image: busybox:1.36
              command: ["sh", "-c", "date; sleep 90; echo Hello from the Kubernetes cluster"]
`;

describe.skipIf(!kubeletRunsCommandsToExit())("CronJob golden timelines", () => {
  it("Forbid with a 90-second job: runs that find the last one active are skipped", () => {
    const { sim, errors } = Simulation.load(FORBID);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    const text = timeline(sim, { until: "10m", at: ["2m30s", "5m30s", "10m"], kinds: ["CronJob", "Job"], eventKinds: ["CronJob"] });
    const cj = sim.events.filter((e) => e.involvedObject.kind === "CronJob");
    expect(cj.filter((e) => e.reason === "JobAlreadyActive").length).toBeGreaterThan(0);
    // Never two of its Jobs running at once.
    expect(sim.store.get("CronJob", "default", "hello")!.status!.active?.length ?? 0).toBeLessThanOrEqual(1);
    expectGolden(testdata("cronjob-forbid.txt"), text);
  });
});
