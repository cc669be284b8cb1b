import { describe, expect, it } from "vitest";
import { containerNames, describeCommand, logsCommand, restartsOf, yamlCommand } from "./inspector";

const pod = { kind: "Pod" as const, namespace: "default", name: "web-1" };
const node = { kind: "Node" as const, name: "zone-a-1" };

describe("inspector commands", () => {
  it.each([
    [describeCommand(pod), "describe pod/web-1 -n default"],
    [describeCommand(node), "describe node/zone-a-1"],
    [yamlCommand(pod), "get pod/web-1 -n default -o yaml"],
    [logsCommand(pod, "web", false), "logs web-1 -n default -c web"],
    [logsCommand(pod, "web", true), "logs web-1 -n default -c web --previous"],
    [logsCommand(pod, undefined, false), "logs web-1 -n default"],
  ])("%s", (got, want) => expect(got).toBe(want));

  it("lists init containers first and reads restarts", () => {
    const p = {
      spec: { initContainers: [{ name: "init" }], containers: [{ name: "web" }] },
      status: { containerStatuses: [{ name: "web", restartCount: 2, ready: true, image: "", imageID: "" }] },
    };
    expect(containerNames(p)).toEqual(["init", "web"]);
    expect(restartsOf(p, "web")).toBe(2);
    expect(restartsOf(p, "init")).toBe(0);
  });
});
