import { describe, expect, it } from "vitest";
import type { CronJob } from "kubernetes-types/batch/v1";
import { Controller } from "../runtime/controller";
import { cronJobControllerSpec, rfc1123z, rfc3339In } from "./cronjob";
import { jobControllerSpec } from "./job/job";
import { FakeKubelet, TestEnv, type FakeKubeletOptions } from "./test-env";

function cronJob(name: string, spec: Partial<NonNullable<CronJob["spec"]>> = {}): CronJob {
  return {
    metadata: { name },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox" }] } } } },
      ...spec,
    },
  };
}

function env(kubelet: FakeKubeletOptions): TestEnv {
  const e = new TestEnv();
  e.addNode("node-1");
  e.start(new Controller(cronJobControllerSpec()), new Controller(jobControllerSpec()), new FakeKubelet(kubelet));
  return e;
}

/** Minutes since the epoch of virtual second `s` (the scenario starts 2026-01-01T00:00:00Z). */
const jobName = (cj: string, s: number) => `${cj}-${Math.floor((Date.UTC(2026, 0, 1) + s * 1000) / 60_000)}`;

describe("CronJob controller", () => {
  it("creates <name>-<minutes since epoch> at each activation, 100 ms late, and records it", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("CronJob", cronJob("hello"));
    e.runUntil(60);
    expect(e.list("Job")).toHaveLength(0);
    e.runUntil(60.1);
    const job = e.get("Job", jobName("hello", 60))!;
    expect(job.metadata.name).toBe("hello-29453761");
    expect(job.metadata.annotations).toEqual({ "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-01T00:01:00Z" });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: "CronJob", name: "hello", controller: true });
    const st = e.get("CronJob", "hello")!.status!;
    expect(st.lastScheduleTime).toBe("2026-01-01T00:01:00Z");
    expect(st.active).toEqual([expect.objectContaining({ kind: "Job", name: "hello-29453761", namespace: "default", apiVersion: "batch/v1" })]);
    expect(e.events("CronJob", "hello")).toEqual([expect.objectContaining({ time: 60.1, reason: "SuccessfulCreate", message: "Created job hello-29453761" })]);

    e.runUntil(70);
    expect(e.messages("CronJob", "hello").at(-1)).toBe("SawCompletedJob: Saw completed job: hello-29453761, status: Complete");
    expect(e.get("CronJob", "hello")!.status!.active).toBeUndefined();
  });

  it("Forbid with a 90-second job: a run that finds the last one active is skipped, the latest missed one starts when it ends", () => {
    // As the v2 controller does (and the docs warn since kubernetes/website#44796): without
    // startingDeadlineSeconds the skipped activation is still unmet, so it starts as soon as the
    // running Job completes; activations missed meanwhile are dropped.
    const e = env({ startAfter: 1, exitAfter: { seconds: 90, code: 0 } });
    e.create("CronJob", cronJob("hello", { concurrencyPolicy: "Forbid" }));
    e.runUntil(610);
    const evs = e.events("CronJob", "hello").filter((x) => x.reason === "SuccessfulCreate" || x.reason === "JobAlreadyActive");
    expect(evs.map((x) => `${x.time} ${x.reason} ${x.message.replace(/^Created job /, "")}`)).toEqual([
      `60.1 SuccessfulCreate ${jobName("hello", 60)}`,
      "120.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      `152.1 SuccessfulCreate ${jobName("hello", 120)}`,
      "180.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      "240.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      `244.1 SuccessfulCreate ${jobName("hello", 240)}`,
      "300.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      `336.1 SuccessfulCreate ${jobName("hello", 300)}`,
      "360.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      "420.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      `428.1 SuccessfulCreate ${jobName("hello", 420)}`,
      "480.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      `520.1 SuccessfulCreate ${jobName("hello", 480)}`,
      "540.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
      "600.1 JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
    ]);
    // Never two at once.
    expect(e.get("CronJob", "hello")!.status!.active).toHaveLength(1);
    // successfulJobsHistoryLimit 3: the oldest completed Jobs are deleted.
    expect(e.messages("CronJob", "hello")).toContain(`SuccessfulDelete: Deleted job ${jobName("hello", 60)}`);
    expect(e.list("Job").map((j) => j.metadata.name)).toEqual([jobName("hello", 240), jobName("hello", 300), jobName("hello", 420), jobName("hello", 480)]);
  });

  it("Forbid with startingDeadlineSeconds shorter than the overrun skips the missed run entirely", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 90, code: 0 } });
    e.create("CronJob", cronJob("hello", { concurrencyPolicy: "Forbid", startingDeadlineSeconds: 10 }));
    e.runUntil(300);
    const created = e.events("CronJob", "hello").filter((x) => x.reason === "SuccessfulCreate").map((x) => x.time);
    expect(created).toEqual([60.1, 180.1]);
  });

  it("Allow runs overlapping jobs; Replace deletes the running one first", () => {
    const allow = env({ startAfter: 1, exitAfter: { seconds: 90, code: 0 } });
    allow.create("CronJob", cronJob("a"));
    allow.runUntil(121);
    expect(allow.get("CronJob", "a")!.status!.active).toHaveLength(2);

    const replace = env({ startAfter: 1, exitAfter: { seconds: 90, code: 0 } });
    replace.create("CronJob", cronJob("r", { concurrencyPolicy: "Replace" }));
    replace.runUntil(121);
    expect(replace.messages("CronJob", "r")).toEqual([
      `SuccessfulCreate: Created job ${jobName("r", 60)}`,
      `SuccessfulDelete: Deleted job ${jobName("r", 60)}`,
      `SuccessfulCreate: Created job ${jobName("r", 120)}`,
    ]);
    expect(replace.get("CronJob", "r")!.status!.active?.map((a) => a.name)).toEqual([jobName("r", 120)]);
  });

  it("suspend: nothing runs; unsuspending starts the most recent missed run at once", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("CronJob", cronJob("s", { suspend: true }));
    e.runUntil(300);
    expect(e.list("Job")).toHaveLength(0);
    e.store.mutate("CronJob", "default", "s", (c) => { c.spec!.suspend = false; });
    e.runUntil(300);
    expect(e.list("Job").map((j) => j.metadata.name)).toEqual([jobName("s", 300)]);
  });

  it("startingDeadlineSeconds: a run later than the deadline is skipped with MissSchedule", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("CronJob", cronJob("late", { schedule: "0 * * * *", suspend: true, startingDeadlineSeconds: 10 }));
    e.runUntil(3630);
    e.store.mutate("CronJob", "default", "late", (c) => { c.spec!.suspend = false; });
    e.runUntil(3630);
    expect(e.list("Job")).toHaveLength(0);
    e.runUntil(7300);
    expect(e.list("Job").map((j) => j.metadata.name)).toEqual([jobName("late", 7200)]);
  });

  it("startingDeadlineSeconds: a late start within the deadline still runs", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("CronJob", cronJob("ok", { schedule: "0 * * * *", suspend: true, startingDeadlineSeconds: 100 }));
    e.runUntil(3630);
    e.store.mutate("CronJob", "default", "ok", (c) => { c.spec!.suspend = false; });
    e.runUntil(3630);
    expect(e.list("Job").map((j) => j.metadata.name)).toEqual([jobName("ok", 3600)]);
  });

  it("warns about an unparseable schedule and an unknown time zone", () => {
    const e = env({ startAfter: 1 });
    e.create("CronJob", cronJob("bad", { schedule: "* * * *" }));
    e.create("CronJob", cronJob("tz", { timeZone: "Mars/Olympus" }));
    e.runUntil(1);
    expect(e.messages("CronJob", "bad")).toEqual(['UnparseableSchedule: unparseable schedule: "* * * *" : expected exactly 5 fields, found 4: [* * * *]']);
    expect(e.messages("CronJob", "tz")).toEqual(['UnknownTimeZone: invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
  });

  it("timeZone shifts the schedule and the scheduled-timestamp annotation", () => {
    const e = env({ startAfter: 1, exitAfter: { seconds: 5, code: 0 } });
    e.create("CronJob", cronJob("kst", { schedule: "5 9 * * *", timeZone: "Asia/Seoul" }));
    e.runUntil(400);
    const job = e.list("Job")[0]!;
    expect(job.metadata.name).toBe(jobName("kst", 300));
    expect(job.metadata.annotations!["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe("2026-01-01T09:05:00+09:00");
  });
});

describe("time formats", () => {
  it("prints RFC 1123Z and RFC 3339 as Go does", () => {
    const t = Date.UTC(2026, 0, 1, 0, 1, 0);
    expect(rfc1123z(t)).toBe("Thu, 01 Jan 2026 00:01:00 +0000");
    expect(rfc3339In(t, undefined)).toBe("2026-01-01T00:01:00Z");
    expect(rfc3339In(t, "America/New_York")).toBe("2025-12-31T19:01:00-05:00");
  });
});
