import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type WireSnapshot } from "../../src/protocol/messages";
import { createAppStore, type AppState } from "../state/store";
import { EngineClient, type EngineWorker } from "./client";

class FakeWorker implements EngineWorker {
  readonly received: ToWorker[] = [];
  onmessage: EngineWorker["onmessage"] = null;
  onerror: EngineWorker["onerror"] = null;
  terminated = false;
  postMessage(msg: ToWorker): void {
    this.received.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
}

const snapshot: WireSnapshot = { cause: "load", time: 0, epochMs: 0, objects: [], events: [], eventCount: 0, horizon: 0 };
const patch = (time: number) => ({ time, changes: [], events: [], eventCount: 0, steps: [], horizon: time });

function setup() {
  const store = createAppStore("");
  const worker = new FakeWorker();
  const client = new EngineClient(store, () => worker);
  client.start();
  return { store, worker, client };
}

describe("EngineClient", () => {
  it("greets the worker and holds commands until it is ready", () => {
    const { worker, client, store } = setup();
    client.load("kind: Pod");
    client.play();
    expect(worker.received).toEqual([{ type: "hello", protocolVersion: PROTOCOL_VERSION }]);
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    expect(worker.received.slice(1)).toEqual([{ type: "load", yaml: "kind: Pod" }, { type: "play" }]);
    expect(store.getState().engine).toEqual({ state: "ready" });
  });

  it("reports a protocol version mismatch as fatal and sends nothing more", () => {
    const { worker, client, store } = setup();
    client.play();
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION + 1 });
    expect(store.getState().engine.state).toBe("fatal");
    expect(worker.received).toHaveLength(1);
  });

  it("applies a snapshot then consecutive patches to the store", () => {
    const { worker, store } = setup();
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    worker.emit({ type: "snapshot", seq: 0, snapshot });
    worker.emit({ type: "patch", seq: 1, patch: patch(1) });
    worker.emit({ type: "patch", seq: 2, patch: patch(2) });
    expect(store.getState().cluster.seq).toBe(2);
    expect(store.getState().cluster.time).toBe(2);
  });

  it("asks once for a resync on a gap and ignores patches until the snapshot comes", () => {
    const { worker, store } = setup();
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    worker.emit({ type: "snapshot", seq: 0, snapshot });
    worker.emit({ type: "patch", seq: 2, patch: patch(2) });
    worker.emit({ type: "patch", seq: 3, patch: patch(3) });
    expect(worker.received.filter((m) => m.type === "resync")).toHaveLength(1);
    expect(store.getState().cluster.seq).toBe(0);
    worker.emit({ type: "snapshot", seq: 4, snapshot: { ...snapshot, time: 3 } });
    worker.emit({ type: "patch", seq: 5, patch: patch(4) });
    expect(store.getState().cluster.seq).toBe(5);
    expect(store.getState().cluster.time).toBe(4);
  });

  it.each([
    { msg: { type: "errors", source: "load", errors: [{ doc: 0, line: 3, column: 5, message: "bad", severity: "error" }] } as FromWorker, check: (s: AppState) => s.diagnostics.load.length === 1 },
    { msg: { type: "playback", playing: true, speed: 10 } as FromWorker, check: (s: AppState) => s.playback.playing && s.playback.speed === 10 },
    { msg: { type: "fatal", message: "boom" } as FromWorker, check: (s: AppState) => s.engine.state === "fatal" },
  ])("writes $msg.type into the store", ({ msg, check }) => {
    const { worker, store } = setup();
    worker.emit(msg);
    expect(check(store.getState())).toBe(true);
  });

  it("resolves a kubectl call with the matching result", async () => {
    const { worker, client } = setup();
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    const pending = client.kubectl("get pods");
    const sent = worker.received.at(-1);
    if (sent?.type !== "kubectl") throw new Error("no kubectl message");
    worker.emit({ type: "kubectlResult", id: sent.id, stdout: "ok", stderr: "", exitCode: 0 });
    await expect(pending).resolves.toEqual({ stdout: "ok", stderr: "", exitCode: 0, id: sent.id });
  });

  it("hands a following command's further output to its handler until it ends", async () => {
    const { worker, client } = setup();
    worker.emit({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    const chunks: Array<{ stdout: string; ended?: string }> = [];
    const pending = client.kubectl("get pods -w", undefined, (c) => chunks.push(c));
    const sent = worker.received.at(-1);
    if (sent?.type !== "kubectl") throw new Error("no kubectl message");
    worker.emit({ type: "kubectlResult", id: sent.id, stdout: "NAME\n", stderr: "", exitCode: 0, following: true });
    await expect(pending).resolves.toMatchObject({ following: true, id: sent.id });
    worker.emit({ type: "kubectlStream", id: sent.id, stdout: "web-1 row\n" });
    client.stopKubectl(sent.id);
    expect(worker.received.at(-1)).toEqual({ type: "kubectlStop", id: sent.id });
    worker.emit({ type: "kubectlStream", id: sent.id, stdout: "", ended: "" });
    worker.emit({ type: "kubectlStream", id: sent.id, stdout: "late\n" });
    expect(chunks).toEqual([{ stdout: "web-1 row\n" }, { stdout: "", ended: "" }]);
  });
});
