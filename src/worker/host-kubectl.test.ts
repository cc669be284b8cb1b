import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, type FromWorker } from "../protocol/messages";
import { WorkerHost } from "./host";

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web}}
spec:
  nodeName: zone-a-1
  containers: [{name: nginx, image: nginx:1.27}]
`;

function setup() {
  const out: FromWorker[] = [];
  const host = new WorkerHost({ post: (m) => out.push(m), pacer: { now: () => 0, requestTick: () => {} } });
  host.receive({ type: "hello", protocolVersion: PROTOCOL_VERSION });
  const last = <T extends FromWorker["type"]>(type: T) => out.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type).at(-1);
  return { host, out, last };
}

describe("WorkerHost kubectl", () => {
  it("answers with an error before a scenario is loaded", () => {
    const { host, last } = setup();
    host.receive({ type: "kubectl", id: 1, command: "get pods" });
    expect(last("kubectlResult")).toEqual({ type: "kubectlResult", id: 1, stdout: "", stderr: "error: no scenario is loaded\n", exitCode: 1 });
  });

  it("runs the command against the live simulation and patches what it changed", () => {
    const { host, out, last } = setup();
    host.receive({ type: "load", yaml: POD });
    host.receive({ type: "kubectl", id: 2, command: "get pods -o name" });
    expect(last("kubectlResult")).toEqual({ type: "kubectlResult", id: 2, stdout: "pod/web-1\n", stderr: "", exitCode: 0 });
    const patches = out.filter((m) => m.type === "patch").length;
    host.receive({ type: "kubectl", id: 3, command: "label pod web-1 tier=front" });
    expect(last("kubectlResult")).toMatchObject({ id: 3, stdout: "pod/web-1 labeled\n", exitCode: 0 });
    expect(out.filter((m) => m.type === "patch")).toHaveLength(patches + 1);
    host.receive({ type: "kubectl", id: 4, command: "get pod nope" });
    expect(last("kubectlResult")).toMatchObject({ id: 4, stderr: `Error from server (NotFound): pods "nope" not found\n`, exitCode: 1 });
    expect(out.filter((m) => m.type === "patch")).toHaveLength(patches + 1);
  });

  it("logs a command that wrote, so a seek back and forward replays it at its position", () => {
    const { host, last } = setup();
    host.receive({ type: "load", yaml: POD });
    host.receive({ type: "seek", time: 10 });
    host.receive({ type: "kubectl", id: 5, command: "get pods" });
    expect(last("logged")).toBeUndefined();
    host.receive({ type: "kubectl", id: 6, command: "label pod web-1 tier=front" });
    expect(last("logged")?.entry).toMatchObject({ time: 10, command: { type: "kubectl", command: "label pod web-1 tier=front" } });
    host.receive({ type: "seek", time: 20 });
    const labelsAt = () => last("snapshot")?.snapshot.objects.find((o) => o.kind === "Pod")?.metadata.labels;
    expect(labelsAt()).toEqual({ app: "web", tier: "front" });
    host.receive({ type: "seek", time: 5 });
    expect(labelsAt()).toEqual({ app: "web" });
    host.receive({ type: "seek", time: 20 });
    expect(labelsAt()).toEqual({ app: "web", tier: "front" });
  });
});
