import { describe, expect, it } from "vitest";
import type { Toleration } from "kubernetes-types/core/v1";
import { smartLabel } from "./generic";
import { printAnnotationsMultiline, printTolerationsMultiline, rfc1123z, tabbedString, taintString } from "./writer";

describe("describe writer", () => {
  it.each([
    ["2026-01-01T00:00:20Z", "Thu, 01 Jan 2026 00:00:20 +0000"],
    ["2026-02-09T13:05:00Z", "Mon, 09 Feb 2026 13:05:00 +0000"],
    [undefined, "Mon, 01 Jan 0001 00:00:00 +0000"],
  ])("RFC 1123Z of %s", (ts, want) => {
    expect(rfc1123z(ts)).toBe(want);
  });

  it.each([
    [{ key: "k", value: "v", effect: "NoSchedule" }, "k=v:NoSchedule"],
    [{ key: "k", effect: "NoExecute" }, "k:NoExecute"],
    [{ key: "k", value: "v" }, "k=v:"],
    [{ key: "k" }, "k"],
  ])("Taint.ToString of %j", (t, want) => {
    expect(taintString(t as never)).toBe(want);
  });

  const tolerations: Array<[Toleration[], string]> = [
    [[{ operator: "Exists" }], "Tolerations:  op=Exists\n"],
    [[{ key: "gpu", operator: "Equal", value: "true", effect: "NoSchedule" }], "Tolerations:  gpu=true:NoSchedule\n"],
    [[{ key: "b", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }, { key: "a", operator: "Exists" }],
      "Tolerations:  a op=Exists\n              b:NoExecute op=Exists for 30s\n"],
  ];
  it.each(tolerations)("tolerations %j", (tols, want) => {
    expect(tabbedString((w) => printTolerationsMultiline(w, "Tolerations", tols))).toBe(want);
  });

  it("annotations: sorted, last-applied hidden, long and multi-line values on their own lines", () => {
    const long = "x".repeat(150);
    const text = tabbedString((w) => printAnnotationsMultiline(w, "Annotations", {
      "kubectl.kubernetes.io/last-applied-configuration": "{}", b: "two\nlines\n", a: "1", c: long,
    }));
    expect(text).toBe([
      "Annotations:  a: 1",
      "              b:",
      "                two",
      "                lines",
      "              c:",
      `                ${"x".repeat(138)}...`,
      "",
    ].join("\n"));
  });

  it.each([
    ["apiVersion", "API Version"], ["involvedObject", "Involved Object"], ["uid", "UID"], ["firstTimestamp", "First Timestamp"],
    ["reportingComponent", "Reporting Component"], ["handler", "Handler"], ["foo.bar", "foo.bar"],
  ])("smartLabelFor(%s) = %s", (field, want) => {
    expect(smartLabel(field)).toBe(want);
  });
});
