import { describe, expect, it } from "vitest";
import { describeCronJob, describeJob } from "./batch";

// Fixtures are plain API objects, as the store holds them; casts keep them short.
const NOW = Date.parse("2026-01-01T00:05:00Z");

const text = (lines: readonly string[]) => `${lines.join("\n")}\n`;

describe("kubectl describe: batch", () => {
  const cases: Array<{ name: string; got: () => string; want: readonly string[] }> = [
    {
      name: "a completed Job",
      got: () => describeJob({ metadata: { name: "pi", namespace: "default" }, spec: { parallelism: 1, completions: 1, completionMode: "NonIndexed", suspend: false, backoffLimit: 4, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "j1" } }, template: { metadata: { labels: { "job-name": "pi" } }, spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }] } } },
  status: { startTime: "2026-01-01T00:00:00Z", completionTime: "2026-01-01T00:00:42Z", succeeded: 1, ready: 0 } } as never, [], NOW),
      want: [
        "Name:             pi",
        "Namespace:        default",
        "Selector:         batch.kubernetes.io/controller-uid=j1",
        "Labels:           <none>",
        "Annotations:      <none>",
        "Parallelism:      1",
        "Completions:      1",
        "Completion Mode:  NonIndexed",
        "Suspend:          false",
        "Backoff Limit:    4",
        "Start Time:       Thu, 01 Jan 2026 00:00:00 +0000",
        "Completed At:     Thu, 01 Jan 2026 00:00:42 +0000",
        "Duration:         42s",
        "Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed",
        "Pod Template:",
        "  Labels:  job-name=pi",
        "  Containers:",
        "   pi:",
        "    Image:      perl:5.34.0",
        "    Port:       <none>",
        "    Host Port:  <none>",
        "    Command:",
        "      perl",
        "      -Mbignum=bpi",
        "      -wle",
        "      print bpi(2000)",
        "    Environment:   <none>",
        "    Mounts:        <none>",
        "  Volumes:         <none>",
        "  Node-Selectors:  <none>",
        "  Tolerations:     <none>",
        "Events:            <none>",
      ],
    },
    {
      name: "a CronJob with an active Job",
      got: () => describeCronJob({ metadata: { name: "hello", namespace: "default" }, spec: { schedule: "* * * * *", concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox:1.28" }] } } } } },
  status: { lastScheduleTime: "2026-01-01T00:05:00Z", active: [{ name: "hello-29000005" }] } } as never, [], NOW),
      want: [
        "Name:                          hello",
        "Namespace:                     default",
        "Labels:                        <none>",
        "Annotations:                   <none>",
        "Schedule:                      * * * * *",
        "Concurrency Policy:            Allow",
        "Suspend:                       False",
        "Successful Job History Limit:  3",
        "Failed Job History Limit:      1",
        "Starting Deadline Seconds:     <unset>",
        "Selector:                      <unset>",
        "Parallelism:                   <unset>",
        "Completions:                   <unset>",
        "Pod Template:",
        "  Labels:  <none>",
        "  Containers:",
        "   hello:",
        "    Image:           busybox:1.28",
        "    Port:            <none>",
        "    Host Port:       <none>",
        "    Environment:     <none>",
        "    Mounts:          <none>",
        "  Volumes:           <none>",
        "  Node-Selectors:    <none>",
        "  Tolerations:       <none>",
        "Last Schedule Time:  Thu, 01 Jan 2026 00:05:00 +0000",
        "Active Jobs:         hello-29000005",
        "Events:              <none>",
      ],
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(text(want));
  });
});
