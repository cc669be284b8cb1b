import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCommand } from "../cli/commands";
import { testdata } from "./testing";

interface JsonEvent {
  time: number;
  type: string;
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string };
}

/** The golden timeline's event line for one `kubeplay run -o json` event (src/testing/golden.ts). */
function line(e: JsonEvent): string {
  const t = `${Number(e.time.toFixed(3))}s`;
  return `${t.padEnd(8)} ${e.type.padEnd(8)} ${e.reason.padEnd(22)} ${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}: ${e.message}`;
}

describe("kubeplay run -o json", () => {
  it("reports the liveness example's events exactly as its golden timeline", () => {
    const out = runCommand([testdata("liveness-exec.yaml")], { until: "10m", output: "json", allNamespaces: false });
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as { time: number; events: JsonEvent[]; objects: Array<{ kind: string; metadata: { name: string }; status?: { containerStatuses?: Array<{ restartCount: number }> } }> };
    expect(json.time).toBe(600);
    const golden = readFileSync(testdata("liveness-exec.txt"), "utf8").split("\n").filter((l) => /^\d/.test(l));
    const fromJson = json.events.filter((e) => e.involvedObject.kind === "Pod" || e.involvedObject.kind === "Node").map(line);
    expect(fromJson).toEqual(golden);
    const pod = json.objects.find((o) => o.kind === "Pod" && o.metadata.name === "liveness-exec");
    expect(pod?.status?.containerStatuses?.[0]?.restartCount).toBe(5);
  });
});
