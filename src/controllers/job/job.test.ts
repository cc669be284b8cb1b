import { describe, expect, it } from "vitest";
import type { Job } from "kubernetes-types/batch/v1";
import { Controller } from "../../runtime/controller";
import { FakeKubelet, TestEnv, type FakeKubeletOptions } from "../test-env";
import { jobControllerSpec } from "./job";
import { ttlAfterFinishedControllerSpec } from "./ttl-after-finished";

function job(name: string, spec: Partial<NonNullable<Job["spec"]>> = {}, restartPolicy = "Never"): Job {
  return {
    metadata: { name },
    spec: {
      template: { spec: { restartPolicy, containers: [{ name: "main", image: "busybox" }] } },
      ...spec,
    },
  };
}

function env(kubelet?: FakeKubeletOptions): TestEnv {
  const e = new TestEnv();
  e.addNode("node-1");
  e.start(new Controller(jobControllerSpec()), new Controller(ttlAfterFinishedControllerSpec()));
  if (kubelet) e.start(new FakeKubelet(kubelet));
  return e;
}

/** Virtual seconds at which each pod of the job was created, from the SuccessfulCreate events. */
const createTimes = (e: TestEnv, name: string) => e.events("Job", name).filter((x) => x.reason === "SuccessfulCreate").map((x) => x.time);
const conditionTypes = (e: TestEnv, name: string) => (e.get("Job", name)?.status?.conditions ?? []).map((c) => `${c.type}=${c.status}:${c.reason}`);

describe("Job controller", () => {
  it("runs one pod to completion: SuccessCriteriaMet, then Complete, one batch period after the pod", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 10, code: 0 } });
    e.create("Job", job("pi", { backoffLimit: 4 }));
    e.runUntil(5);
    const pods = e.list("Pod");
    expect(pods).toHaveLength(1);
    expect(pods[0]!.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0]!.metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    const labels = pods[0]!.metadata.labels!;
    expect(labels["batch.kubernetes.io/job-name"]).toBe("pi");
    expect(labels["job-name"]).toBe("pi");
    expect(e.get("Job", "pi")!.spec!.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": e.get("Job", "pi")!.metadata.uid } });
    expect(e.get("Job", "pi")!.status).toMatchObject({ active: 1, ready: 1, terminating: 0 });

    e.runUntil(11.5);
    expect(conditionTypes(e, "pi")).toEqual([]);
    e.runUntil(12);
    const st = e.get("Job", "pi")!.status!;
    expect(conditionTypes(e, "pi")).toEqual(["SuccessCriteriaMet=True:CompletionsReached", "Complete=True:CompletionsReached"]);
    expect(st.conditions![1]!.message).toBe("Reached expected number of succeeded pods");
    expect(st).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, completionTime: "2026-01-01T00:00:12Z", uncountedTerminatedPods: {} });
    expect(st.active).toBeUndefined();
    expect(e.list("Pod")[0]!.metadata.finalizers).toBeUndefined();
    expect(e.messages("Job", "pi")).toEqual([`SuccessfulCreate: Created pod: ${pods[0]!.metadata.name}`, "Completed: Job completed"]);
  });

  it("backoffLimit 3 with a failing pod: replacements after 10 s, 20 s, 40 s, then BackoffLimitExceeded", () => {
    // Each pod starts 1 s after creation and fails 2 s later; the job controller syncs 1 s after each failure.
    const e = env({ startAfter: 1, exitAfter: { seconds: 2, code: 1 } });
    e.create("Job", job("fail", { backoffLimit: 3 }));
    e.runUntil(300);
    expect(createTimes(e, "fail")).toEqual([0, 13, 36, 79]);
    const failed = e.events("Job", "fail").find((x) => x.reason === "BackoffLimitExceeded")!;
    expect(failed).toMatchObject({ time: 83, type: "Warning", message: "Job has reached the specified backoff limit" });
    expect(conditionTypes(e, "fail")).toEqual(["FailureTarget=True:BackoffLimitExceeded", "Failed=True:BackoffLimitExceeded"]);
    expect(e.get("Job", "fail")!.status).toMatchObject({ failed: 4, ready: 0, terminating: 0 });
    expect(e.list("Pod")).toHaveLength(4);
    expect(e.list("Pod").every((p) => p.status?.phase === "Failed" && !p.metadata.finalizers)).toBe(true);
  });

  it("shows active 0 while waiting out the back-off, as upstream's manageJob returns", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 2, code: 1 } });
    e.create("Job", job("wait", { backoffLimit: 6 }));
    e.runUntil(5);
    expect(e.get("Job", "wait")!.status).toMatchObject({ failed: 1 });
    expect(e.get("Job", "wait")!.status!.active).toBeUndefined();
  });

  it("Indexed: one pod per index, named <job>-<index>-<suffix>, completedIndexes as intervals", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("Job", job("idx", { completionMode: "Indexed", completions: 3, parallelism: 2 }));
    e.runUntil(1);
    const first = e.list("Pod");
    expect(first.map((p) => p.metadata.annotations?.["batch.kubernetes.io/job-completion-index"]).sort()).toEqual(["0", "1"]);
    for (const p of first) {
      const ix = p.metadata.annotations!["batch.kubernetes.io/job-completion-index"]!;
      expect(p.metadata.name.startsWith(`idx-${ix}-`)).toBe(true);
      expect(p.spec!.hostname).toBe(`idx-${ix}`);
      expect(p.metadata.labels!["batch.kubernetes.io/job-completion-index"]).toBe(ix);
      expect(p.spec!.containers[0]!.env).toEqual([{ name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    }
    e.runUntil(60);
    const st = e.get("Job", "idx")!.status!;
    expect(st.completedIndexes).toBe("0-2");
    expect(st.succeeded).toBe(3);
    expect(conditionTypes(e, "idx").at(-1)).toBe("Complete=True:CompletionsReached");
  });

  it("activeDeadlineSeconds: running pods are deleted and the Job fails with DeadlineExceeded once they are gone", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("slow", { activeDeadlineSeconds: 100, backoffLimit: 5 }));
    e.runUntil(99);
    expect(conditionTypes(e, "slow")).toEqual([]);
    e.runUntil(101);
    expect(e.messages("Job", "slow").slice(1)).toEqual([
      expect.stringMatching(/^SuccessfulDelete: Deleted pod: slow-[a-z0-9]{5}$/),
      "DeadlineExceeded: Job was active longer than specified deadline",
    ]);
    expect(conditionTypes(e, "slow")).toEqual(["FailureTarget=True:DeadlineExceeded", "Failed=True:DeadlineExceeded"]);
    // The pods go at 100 s; their deletion is seen in the next batched sync, one second later.
    expect(e.events("Job", "slow").at(-1)!.time).toBe(101);
  });

  it("suspend: no pods and a Suspended condition; resume creates them", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("later", { suspend: true }));
    e.runUntil(10);
    expect(e.list("Pod")).toHaveLength(0);
    expect(conditionTypes(e, "later")).toEqual(["Suspended=True:JobSuspended"]);
    expect(e.get("Job", "later")!.status!.startTime).toBeUndefined();
    e.store.mutate("Job", "default", "later", (j) => { j.spec!.suspend = false; });
    e.runUntil(11);
    expect(e.list("Pod")).toHaveLength(1);
    expect(conditionTypes(e, "later")).toEqual(["Suspended=False:JobResumed"]);
    expect(e.messages("Job", "later")).toEqual(["Suspended: Job suspended", expect.stringMatching(/^SuccessfulCreate: Created pod: later-/), "Resumed: Job resumed"]);
  });

  it("restartPolicy OnFailure: fails once container restarts reach backoffLimit", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("restarts", { backoffLimit: 2 }, "OnFailure"));
    e.runUntil(5);
    const pod = e.list("Pod")[0]!;
    e.store.mutate("Pod", "default", pod.metadata.name, (p) => { p.status!.containerStatuses![0]!.restartCount = 1; });
    e.runUntil(10);
    expect(conditionTypes(e, "restarts")).toEqual([]);
    e.store.mutate("Pod", "default", pod.metadata.name, (p) => { p.status!.containerStatuses![0]!.restartCount = 2; });
    e.runUntil(20);
    expect(conditionTypes(e, "restarts")).toEqual(["FailureTarget=True:BackoffLimitExceeded", "Failed=True:BackoffLimitExceeded"]);
    expect(e.messages("Job", "restarts")).toContain(`SuccessfulDelete: Deleted pod: ${pod.metadata.name}`);
  });

  it("podFailurePolicy FailJob on an exit code fails the Job at once", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 2, code: 42 } });
    e.create("Job", job("pfp", {
      backoffLimit: 6,
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [42] } }] },
    }));
    e.runUntil(30);
    const pod = e.list("Pod")[0]!;
    expect(e.list("Pod")).toHaveLength(1);
    expect(conditionTypes(e, "pfp")).toEqual(["FailureTarget=True:PodFailurePolicy", "Failed=True:PodFailurePolicy"]);
    expect(e.events("Job", "pfp").at(-1)!.message).toBe(`Container main for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`);
  });

  it("podFailurePolicy Ignore: the failure does not count against backoffLimit (the back-off still applies)", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 2, code: 137 } });
    e.create("Job", job("ign", {
      backoffLimit: 0,
      podFailurePolicy: { rules: [{ action: "Ignore", onExitCodes: { operator: "In", values: [137] } }] },
    }));
    e.runUntil(40);
    expect(conditionTypes(e, "ign")).toEqual([]);
    expect(e.get("Job", "ign")!.status!.failed).toBeUndefined();
    expect(createTimes(e, "ign")).toEqual([0, 13, 36]);
  });

  it("a deleted running pod counts as failed and is replaced", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("del"));
    e.runUntil(5);
    const first = e.list("Pod")[0]!.metadata.name;
    e.store.delete("Pod", "default", first);
    e.runUntil(20);
    expect(e.get("Job", "del")!.status).toMatchObject({ failed: 1, active: 1 });
    expect(e.podNames()).not.toContain(first);
    expect(createTimes(e, "del")).toHaveLength(2);
  });

  it("parallelism 0 creates nothing", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("zero", { parallelism: 0, completions: 3 }));
    e.runUntil(10);
    expect(e.list("Pod")).toHaveLength(0);
  });

  it("ttlSecondsAfterFinished deletes the Job that long after it finished", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 2, code: 0 } });
    e.create("Job", job("ttl", { ttlSecondsAfterFinished: 100 }));
    e.runUntil(103.9);
    expect(e.get("Job", "ttl")).toBeDefined();
    e.runUntil(104);
    const j = e.get("Job", "ttl");
    expect(j === undefined || j.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  it("a deleted Job's pods lose their tracking finalizer", () => {
    const e = env({ startAfter: 1 });
    e.create("Job", job("gone"));
    e.runUntil(5);
    e.store.delete("Job", "default", "gone");
    e.runUntil(6);
    expect(e.list("Pod")[0]!.metadata.finalizers).toBeUndefined();
  });
});
