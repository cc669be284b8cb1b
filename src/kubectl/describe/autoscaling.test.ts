import { describe, expect, it } from "vitest";
import { describeHorizontalPodAutoscaler, describePodDisruptionBudget } from "./autoscaling";

// Fixtures are plain API objects, as the store holds them; casts keep them short.
const NOW = Date.parse("2026-01-01T00:05:00Z");

const text = (lines: readonly string[]) => `${lines.join("\n")}\n`;

describe("kubectl describe: autoscaling", () => {
  const cases: Array<{ name: string; got: () => string; want: readonly string[] }> = [
    {
      name: "an HPA on CPU utilization",
      got: () => describeHorizontalPodAutoscaler({ metadata: { name: "php-apache", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" }, spec: { scaleTargetRef: { kind: "Deployment", name: "php-apache", apiVersion: "apps/v1" }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
  status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 0, averageValue: "1m" } } }], conditions: [{ type: "AbleToScale", status: "True", reason: "ReadyForNewScale", message: "recommended size matches current size" }] } } as never, [], NOW),
      want: [
        "Name:                                                  php-apache",
        "Namespace:                                             default",
        "Labels:                                                <none>",
        "Annotations:                                           <none>",
        "CreationTimestamp:                                     Thu, 01 Jan 2026 00:00:00 +0000",
        "Reference:                                             Deployment/php-apache",
        "Metrics:                                               ( current / target )",
        "  resource cpu on pods  (as a percentage of request):  0% (1m) / 50%",
        "Min replicas:                                          1",
        "Max replicas:                                          10",
        "Deployment pods:                                       1 current / 1 desired",
        "Conditions:",
        "  Type         Status  Reason            Message",
        "  ----         ------  ------            -------",
        "  AbleToScale  True    ReadyForNewScale  recommended size matches current size",
        "Events:        <none>",
      ],
    },
    {
      name: "a PodDisruptionBudget",
      got: () => describePodDisruptionBudget({ metadata: { name: "web", namespace: "default" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } }, status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } } as never, [], NOW),
      want: [
        "Name:           web",
        "Namespace:      default",
        "Min available:  2",
        "Selector:       app=web",
        "Status:",
        "    Allowed disruptions:  1",
        "    Current:              3",
        "    Desired:              2",
        "    Total:                3",
        "Events:                   <none>",
      ],
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(text(want));
  });
});
