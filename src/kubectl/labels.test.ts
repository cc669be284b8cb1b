import { describe, expect, it } from "vitest";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { formatLabels, formatLabelSelector, selectorString } from "./labels";

describe("formatLabels", () => {
  const cases: Array<[Record<string, string> | undefined, string]> = [
    [undefined, "<none>"],
    [{}, "<none>"],
    [{ "pod-template-hash": "75675f5897", app: "nginx" }, "app=nginx,pod-template-hash=75675f5897"],
  ];
  it.each(cases)("%j → %s", (l, want) => expect(formatLabels(l)).toBe(want));
});

describe("selectors", () => {
  const cases: Array<[LabelSelector | undefined, string, string]> = [
    [undefined, "", "<none>"],
    [{}, "", "<none>"],
    [{ matchLabels: { app: "nginx" } }, "app=nginx", "app=nginx"],
    [
      {
        matchLabels: { tier: "web" },
        matchExpressions: [
          { key: "env", operator: "In", values: ["prod", "dev"] },
          { key: "zone", operator: "NotIn", values: ["b", "a"] },
          { key: "canary", operator: "DoesNotExist" },
          { key: "app", operator: "Exists" },
        ],
      },
      "app,!canary,env in (dev,prod),tier=web,zone notin (a,b)",
      "app,!canary,env in (dev,prod),tier=web,zone notin (a,b)",
    ],
    [{ matchExpressions: [{ key: "a", operator: "Bogus" }] }, "<error>", "<error>"],
  ];
  it.each(cases)("%j", (sel, str, formatted) => {
    expect(selectorString(sel)).toBe(str);
    expect(formatLabelSelector(sel)).toBe(formatted);
  });
});
