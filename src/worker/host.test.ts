import { describe, expect, it } from "vitest";
import type { Stored } from "../api/types";
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type WireSnapshot } from "../protocol/messages";
import { MAX_SPEED, MIN_SPEED, PATCH_STEP_LIMIT, STREAM_ENDED_BY_SEEK, WorkerHost, type HostOptions, type Pacer } from "./host";
import { YIELD_CHECK_EVERY } from "./session";

const TWO_PODS = `apiVersion: v1
kind: Pod
metadata: {name: web-1}
spec:
  nodeName: zone-a-1
  containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-2}
spec:
  nodeName: zone-b-1
  containers: [{name: nginx, image: nginx:1.27}]
`;

const THIRD_POD = `apiVersion: v1
kind: Pod
metadata: {name: web-3}
spec:
  nodeName: zone-c-1
  containers: [{name: nginx, image: nginx:1.27}]
`;

function manyPods(n: number): string {
  return Array.from({ length: n }, (_, i) => THIRD_POD.replace("web-3", `many-${i}`)).join("---\n");
}

/** Wall time that moves only when the test says so; ticks run when the test advances it. */
class FakePacer implements Pacer {
  wall = 0;
  private pending: Array<() => void> = [];
  /** Wall ms added by every now() call: simulates work taking time. */
  costPerRead = 0;

  now(): number {
    const t = this.wall;
    this.wall += this.costPerRead;
    return t;
  }

  requestTick(cb: () => void): void {
    this.pending.push(cb);
  }

  get ticksPending(): number {
    return this.pending.length;
  }

  /** Advances wall time by `ms` in 16 ms frames, running the ticks due. */
  advance(ms: number, frame = 16): void {
    for (let left = ms; left > 0; left -= frame) {
      this.wall += Math.min(frame, left);
      const due = this.pending;
      this.pending = [];
      for (const cb of due) cb();
    }
  }
}

function setup(opts: Partial<HostOptions> = {}) {
  const sent: FromWorker[] = [];
  const pacer = new FakePacer();
  const host = new WorkerHost({ post: (m) => sent.push(m), pacer, ...opts });
  const send = (m: ToWorker) => host.receive(m);
  const of = <T extends FromWorker["type"]>(type: T) => sent.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const last = <T extends FromWorker["type"]>(type: T) => of(type).at(-1);
  const seqs = () => sent.flatMap((m) => (m.type === "snapshot" || m.type === "patch" ? [m.seq] : []));
  return { host, sent, pacer, send, of, last, seqs };
}

function podPhase(snap: WireSnapshot, name: string): string | undefined {
  const pod = snap.objects.find((o): o is Stored<"Pod"> => o.kind === "Pod" && o.metadata.name === name);
  return pod?.status?.phase;
}

/** Objects without fields that legitimately differ between two equal runs: none should. */
function canonical(snap: WireSnapshot): string {
  return JSON.stringify({ time: snap.time, objects: snap.objects, events: snap.events });
}

describe("WorkerHost handshake", () => {
  it.each([
    { version: PROTOCOL_VERSION, want: "ready" },
    { version: PROTOCOL_VERSION + 1, want: "fatal" },
    { version: 0, want: "fatal" },
  ])("hello with protocol $version answers $want", ({ version, want }) => {
    const { send, sent } = setup();
    send({ type: "hello", protocolVersion: version });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe(want);
    if (sent[0]!.type === "fatal") {
      expect(sent[0]!.message).toContain(`page: ${version}`);
      expect(sent[0]!.message).toContain(`engine: ${PROTOCOL_VERSION}`);
    } else {
      expect(sent[0]).toEqual({ type: "ready", protocolVersion: PROTOCOL_VERSION });
    }
  });

  it.each([
    { name: "not an object", msg: 42 },
    { name: "null", msg: null },
    { name: "no type", msg: { yaml: "" } },
    { name: "unknown type", msg: { type: "explode" } },
  ])("answers a malformed message ($name) with fatal and keeps working", ({ msg }) => {
    const { host, send, sent } = setup();
    host.receive(msg);
    expect(sent.map((m) => m.type)).toEqual(["fatal"]);
    send({ type: "hello", protocolVersion: PROTOCOL_VERSION });
    expect(sent.at(-1)?.type).toBe("ready");
  });
});

describe("WorkerHost load", () => {
  it("answers load with an empty error list, a snapshot with seq 0 and a paused playback", () => {
    const { send, sent } = setup();
    send({ type: "load", yaml: TWO_PODS });
    expect(sent.map((m) => m.type)).toEqual(["errors", "snapshot", "playback"]);
    const [errors, snapshot, playback] = sent;
    expect(errors).toEqual({ type: "errors", source: "load", errors: [] });
    if (snapshot?.type !== "snapshot") throw new Error("no snapshot");
    expect(snapshot.seq).toBe(0);
    expect(snapshot.snapshot.time).toBe(0);
    const names = snapshot.snapshot.objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(["Pod/web-1", "Pod/web-2", "Node/zone-a-1", "Node/zone-b-1", "Node/zone-c-1"]));
    expect(names.some((n) => n.startsWith("Event/"))).toBe(false);
    expect(snapshot.snapshot.nextEventTime).toBe(0);
    expect(playback).toEqual({ type: "playback", playing: false, speed: 1 });
  });

  it("reports a YAML error with its position and still runs the good documents", () => {
    const { send, last } = setup();
    const broken = `${TWO_PODS}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n  labels: {app: web\n`;
    send({ type: "load", yaml: broken });
    const errors = last("errors");
    expect(errors?.source).toBe("load");
    expect(errors?.errors.length).toBeGreaterThan(0);
    const e = errors!.errors[0]!;
    expect(e.doc).toBe(2);
    expect(e.line).toBeGreaterThan(0);
    expect(e.column).toBeGreaterThan(0);
    expect(e.severity).toBe("error");
    const pods = last("snapshot")!.snapshot.objects.filter((o) => o.kind === "Pod").map((o) => o.metadata.name);
    expect(pods).toEqual(["web-1", "web-2"]);
  });

  it("ignores commands that need a scenario before one is loaded", () => {
    const { send, sent } = setup();
    for (const m of [{ type: "step" }, { type: "seek", time: 5 }, { type: "apply", yaml: THIRD_POD }] as ToWorker[]) send(m);
    expect(sent.filter((m) => m.type !== "playback")).toEqual([]);
  });
});

describe("WorkerHost step", () => {
  it("processes exactly one engine event per step and numbers patches after the snapshot", () => {
    const { send, of, seqs } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "step" });
    send({ type: "step" });
    const patches = of("patch");
    expect(patches.map((p) => p.seq)).toEqual([1, 2]);
    for (const p of patches) expect(p.patch.steps).toHaveLength(1);
    expect(patches[0]!.patch.steps[0]!.label).not.toBe("");
    expect(seqs()).toEqual([0, 1, 2]);
  });

  it("carries the changed objects and new events in the patch", () => {
    const { send, of } = setup();
    send({ type: "load", yaml: TWO_PODS });
    for (let i = 0; i < 20; i++) send({ type: "step" });
    const patches = of("patch");
    const changed = patches.flatMap((p) => p.patch.changes).map((c) => (c.op === "put" ? c.object.kind : c.kind));
    expect(changed).toContain("Pod");
    expect(patches.flatMap((p) => p.patch.events).map((e) => e.reason)).toContain("NodeReady");
    expect(changed).not.toContain("Event");
  });

  it("steps to the next change of one object: every step before it leaves the object alone", () => {
    const { send, of, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "stepToChange", target: { kind: "Pod", namespace: "default", name: "web-2" } });
    const patch = last("patch")!.patch;
    expect(of("patch")).toHaveLength(1);
    expect(patch.steps.length).toBeGreaterThan(0);
    const touched = patch.changes.some((c) => c.op !== "put" && c.kind === "Pod" && c.name === "web-2")
      || patch.events.some((e) => e.involvedObject.name === "web-2");
    expect(touched).toBe(true);
    // Stepping one event at a time reaches the same first change at the same step.
    const single = setup();
    single.send({ type: "load", yaml: TWO_PODS });
    for (let i = 0; i < patch.step!; i++) single.send({ type: "step" });
    const before = single.of("patch").slice(0, -1);
    expect(before.some((p) => p.patch.changes.some((c) => c.op !== "put" && c.name === "web-2") || p.patch.events.some((e) => e.involvedObject.name === "web-2"))).toBe(false);
  });

  it("pauses playback first", () => {
    const { send, sent } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "play" });
    send({ type: "step" });
    expect(sent.filter((m) => m.type === "playback").at(-1)).toEqual({ type: "playback", playing: false, speed: 1 });
  });
});

describe("WorkerHost playback", () => {
  it.each([
    { speed: 1, wallMs: 2000, virtual: 2 },
    { speed: 10, wallMs: 1000, virtual: 10 },
    { speed: 0.5, wallMs: 2000, virtual: 1 },
  ])("at $speed× runs $wallMs ms of wall time to t=$virtual", ({ speed, wallMs, virtual }) => {
    const { send, pacer, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "setSpeed", speed });
    send({ type: "play" });
    pacer.advance(wallMs);
    expect(last("patch")!.patch.time).toBeCloseTo(virtual, 1);
  });

  it("sends one patch per tick with consecutive seqs, and none once paused", () => {
    const { send, pacer, of, seqs } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "setSpeed", speed: 10 });
    send({ type: "play" });
    pacer.advance(16 * 50);
    expect(of("patch")).toHaveLength(50);
    expect(seqs()).toEqual(Array.from({ length: 51 }, (_, i) => i));
    send({ type: "pause" });
    pacer.advance(1000);
    expect(of("patch")).toHaveLength(50);
    expect(pacer.ticksPending).toBe(0);
  });

  it("runs the scenario until both pods are Running", () => {
    const { send, pacer, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "setSpeed", speed: 100 });
    send({ type: "play" });
    pacer.advance(500);
    send({ type: "resync" });
    const snap = last("snapshot")!.snapshot;
    expect(podPhase(snap, "web-1")).toBe("Running");
    expect(podPhase(snap, "web-2")).toBe("Running");
  });

  it.each([
    { asked: 0.1, got: MIN_SPEED },
    { asked: 5, got: 5 },
    { asked: 1e9, got: MAX_SPEED },
  ])("clamps speed $asked to $got", ({ asked, got }) => {
    const { send, last } = setup();
    send({ type: "setSpeed", speed: asked });
    expect(last("playback")).toEqual({ type: "playback", playing: false, speed: got });
  });

  it("caps the steps of one tick and falls behind instead of blocking", () => {
    const { send, pacer, of } = setup({ maxStepsPerTick: 1 });
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "setSpeed", speed: 1000 });
    send({ type: "play" });
    pacer.advance(16 * 5);
    const patches = of("patch");
    expect(patches).toHaveLength(5);
    for (const p of patches) expect(p.patch.steps.length).toBeLessThanOrEqual(1);
    // Five steps cannot reach 80 s of virtual time: the clock stays with the last event run.
    expect(patches.at(-1)!.patch.time).toBeLessThan(80);
  });

  it("stops a tick when its wall-time budget is spent", () => {
    const { send, pacer, of } = setup({ tickBudgetMs: 8, writesPerTick: Number.POSITIVE_INFINITY });
    send({ type: "load", yaml: manyPods(40) });
    send({ type: "setSpeed", speed: 1000 });
    send({ type: "play" });
    pacer.costPerRead = 100; // every clock read looks like 100 ms of work
    pacer.advance(16);
    // 40 pods give far more than one check's worth of events at t = 0; the first check stops the tick.
    expect(of("patch").at(-1)!.patch.step).toBe(YIELD_CHECK_EVERY);
    expect(of("patch").at(-1)!.patch.steps).toHaveLength(PATCH_STEP_LIMIT);
  });

  it("stops a tick once its changes fill about one patch, and spreads a burst over frames", () => {
    const { send, pacer, of } = setup({ patchBudgetBytes: 4096 });
    send({ type: "load", yaml: manyPods(40) });
    send({ type: "setSpeed", speed: 1000 });
    send({ type: "play" });
    pacer.advance(16 * 40);
    const patches = of("patch");
    for (const p of patches) expect(JSON.stringify(p).length).toBeLessThanOrEqual(4096);
    // While a burst drains, the clock stands still: some consecutive patches share a time.
    expect(patches.some((p, i) => i > 0 && p.patch.time === patches[i - 1]!.patch.time && p.patch.changes.length > 0)).toBe(true);
  });

  it("drains a waiting burst after pause, one budgeted patch per frame, then stops ticking", () => {
    const { send, pacer, of } = setup({ patchBudgetBytes: 2048 });
    send({ type: "load", yaml: manyPods(40) });
    send({ type: "setSpeed", speed: 1000 });
    send({ type: "play" });
    pacer.advance(16 * 3);
    send({ type: "pause" });
    const at = of("patch").length;
    pacer.advance(16 * 200);
    const after = of("patch").slice(at);
    for (const p of after) expect(p.patch.steps).toEqual([]);
    expect(new Set(after.map((p) => p.patch.time)).size).toBeLessThanOrEqual(1);
    expect(pacer.ticksPending).toBe(0);
  });

  it("turns an exception in a tick into fatal, stops playing and keeps answering", () => {
    let fail = false;
    const sent: FromWorker[] = [];
    const pending: Array<() => void> = [];
    const pacer: Pacer = {
      now: () => {
        if (fail) throw new Error("clock broke");
        return 0;
      },
      requestTick: (cb) => pending.push(cb),
    };
    const host = new WorkerHost({ post: (m) => sent.push(m), pacer });
    host.receive({ type: "load", yaml: TWO_PODS });
    host.receive({ type: "play" });
    fail = true;
    pending.shift()!();
    expect(sent.some((m) => m.type === "fatal" && m.message.includes("clock broke"))).toBe(true);
    expect(sent.at(-1)).toEqual({ type: "playback", playing: false, speed: 1 });
    host.receive({ type: "hello", protocolVersion: PROTOCOL_VERSION });
    expect(sent.at(-1)?.type).toBe("ready");
  });
});

describe("WorkerHost seek", () => {
  it("seeking back rebuilds the same cluster as the first run (determinism)", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "seek", time: 2 });
    send({ type: "apply", yaml: THIRD_POD });
    send({ type: "seek", time: 30 });
    const first = last("snapshot")!.snapshot;
    expect(first.objects.map((o) => o.metadata.name)).toContain("web-3");

    send({ type: "seek", time: 1 });
    const rewound = last("snapshot")!.snapshot;
    expect(rewound.time).toBe(1);
    expect(rewound.objects.map((o) => o.metadata.name)).not.toContain("web-3");

    // Forward again: the apply of web-3 was kept as the future and runs again at its position.
    send({ type: "seek", time: 30 });
    expect(canonical(last("snapshot")!.snapshot)).toBe(canonical(first));

    // A new command after a rewind starts a new branch: web-3's apply is gone for good.
    send({ type: "seek", time: 1 });
    send({ type: "apply", yaml: THIRD_POD.replace("web-3", "web-4") });
    send({ type: "seek", time: 0.5 });
    expect(last("snapshot")!.snapshot.objects.map((o) => o.metadata.name)).not.toContain("web-4");
    send({ type: "seek", time: 30 });
    const again = last("snapshot")!.snapshot;
    expect(again.objects.map((o) => o.metadata.name)).toContain("web-4");
    expect(again.objects.map((o) => o.metadata.name)).not.toContain("web-3");
  });

  it("builds checkpoints while idle and seeks back from them to exactly the state a replay from t = 0 gives", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27, readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}}]}
`;
    const a = setup({ checkpointSpacing: 200 });
    a.send({ type: "load", yaml: deployment });
    a.send({ type: "seek", time: 60 });
    a.send({ type: "apply", yaml: THIRD_POD });
    a.send({ type: "seek", time: 300 });
    expect(a.host.checkpointPositions).toEqual([]);
    // Paused and idle: the ticks build checkpoints, a slice at a time, then stop asking for ticks.
    for (let i = 0; i < 200 && a.pacer.ticksPending > 0; i++) a.pacer.advance(16);
    expect(a.pacer.ticksPending).toBe(0);
    const positions = a.host.checkpointPositions;
    expect(positions.length).toBeGreaterThan(1);
    a.send({ type: "seek", time: 250 });
    // The latest checkpoint before 250 s was handed over to the rewind.
    expect(a.host.checkpointPositions.length).toBe(positions.length - 1);
    const viaCheckpoint = canonical(a.last("snapshot")!.snapshot);

    const b = setup();
    b.send({ type: "load", yaml: deployment });
    b.send({ type: "seek", time: 60 });
    b.send({ type: "apply", yaml: THIRD_POD });
    b.send({ type: "seek", time: 300 });
    b.send({ type: "seek", time: 250 });
    expect(b.host.checkpointPositions).toEqual([]);
    expect(viaCheckpoint).toBe(canonical(b.last("snapshot")!.snapshot));
  });

  it("streams a following console command with each patch until Ctrl+C or a seek ends it", () => {
    const { send, of, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "kubectl", id: 7, command: "get pods -w" });
    expect(last("kubectlResult")).toMatchObject({ id: 7, exitCode: 0, following: true, stderr: "" });
    send({ type: "seek", time: 0.001 });
    // A seek replaced the run the watch was opened on.
    expect(last("kubectlStream")).toEqual({ type: "kubectlStream", id: 7, stdout: "", ended: STREAM_ENDED_BY_SEEK });

    send({ type: "kubectl", id: 8, command: "get pods -w" });
    for (let i = 0; i < 40; i++) send({ type: "step" });
    const rows = of("kubectlStream").filter((m) => m.id === 8);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => m.ended === undefined && /^web-[12]\s/m.test(m.stdout))).toBe(true);
    send({ type: "kubectlStop", id: 8 });
    expect(last("kubectlStream")).toEqual({ type: "kubectlStream", id: 8, stdout: "", ended: "" });
    const before = of("kubectlStream").length;
    for (let i = 0; i < 20; i++) send({ type: "step" });
    expect(of("kubectlStream").length).toBe(before);

    send({ type: "kubectl", id: 9, command: "get pods" });
    expect(last("kubectlResult")).not.toHaveProperty("following");
  });

  it("reports the furthest time reached as the horizon, kept across a rewind until a new command", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    expect(last("snapshot")!.snapshot).toMatchObject({ cause: "load", horizon: 0 });
    send({ type: "seek", time: 40 });
    send({ type: "seek", time: 10 });
    expect(last("snapshot")!.snapshot).toMatchObject({ cause: "seek", time: 10, horizon: 40 });
    send({ type: "step" });
    expect(last("patch")!.patch.horizon).toBe(40);
    send({ type: "apply", yaml: THIRD_POD });
    expect(last("patch")!.patch.horizon).toBe(last("patch")!.patch.time);
  });

  it("replays applies at their exact engine position, even between same-instant events", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "step" });
    send({ type: "step" });
    send({ type: "apply", yaml: THIRD_POD });
    send({ type: "seek", time: 60 });
    const first = canonical(last("snapshot")!.snapshot);

    send({ type: "seek", time: 0 });
    send({ type: "seek", time: 60 });
    expect(canonical(last("snapshot")!.snapshot)).toBe(first);
  });

  it("two hosts given the same messages send the same snapshots", () => {
    const run = () => {
      const { send, last } = setup();
      send({ type: "load", yaml: TWO_PODS, seed: 7 });
      send({ type: "seek", time: 3 });
      send({ type: "apply", yaml: THIRD_POD });
      send({ type: "seek", time: 45 });
      return canonical(last("snapshot")!.snapshot);
    };
    expect(run()).toBe(run());
  });

  it("answers seek and resync with a snapshot whose seq follows the last patch", () => {
    const { send, seqs, sent } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "step" });
    send({ type: "seek", time: 10 });
    send({ type: "step" });
    send({ type: "seek", time: 0 });
    send({ type: "resync" });
    expect(seqs()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sent.filter((m) => m.type === "snapshot" || m.type === "patch").map((m) => m.type))
      .toEqual(["snapshot", "patch", "snapshot", "patch", "snapshot", "snapshot"]);
  });
});

describe("WorkerHost apply and action", () => {
  it("applies a manifest: errors message, then a patch with the new pod", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "apply", yaml: THIRD_POD });
    expect(last("errors")).toEqual({ type: "errors", source: "apply", errors: [] });
    expect(last("patch")!.patch.changes.map((c) => (c.op === "put" ? c.object.metadata.name : c.name))).toContain("web-3");
  });

  it("reports a failed action as an error without a document", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "action", action: { type: "node", name: "no-such-node", state: "Cordon" } });
    const errors = last("errors")!;
    expect(errors.source).toBe("action");
    expect(errors.errors).toHaveLength(1);
    expect(errors.errors[0]!.doc).toBe(-1);
    expect(errors.errors[0]!.message).toContain("not found");
  });

  it("replays a node action when seeking back past it, and again when the clock passes it", () => {
    const { send, last } = setup();
    const zoneC = () => last("snapshot")!.snapshot.objects.find((o): o is Stored<"Node"> => o.kind === "Node" && o.metadata.name === "zone-c-1");
    send({ type: "load", yaml: TWO_PODS });
    send({ type: "seek", time: 5 });
    send({ type: "action", action: { type: "node", name: "zone-c-1", state: "Cordon" } });
    expect(last("errors")!.errors).toEqual([]);
    send({ type: "seek", time: 20 });
    const first = canonical(last("snapshot")!.snapshot);
    expect(zoneC()?.spec?.unschedulable).toBe(true);

    send({ type: "seek", time: 10 });
    expect(zoneC()?.spec?.unschedulable).toBe(true);
    send({ type: "seek", time: 20 });
    expect(canonical(last("snapshot")!.snapshot)).toBe(first);

    send({ type: "seek", time: 2 });
    expect(zoneC()).toBeDefined();
    expect(zoneC()?.spec?.unschedulable).toBeUndefined();
    send({ type: "seek", time: 20 });
    expect(canonical(last("snapshot")!.snapshot)).toBe(first);
  });

  it("answers kubectl with a result naming the missing feature", () => {
    const { send, last } = setup();
    send({ type: "kubectl", id: 3, command: "get pods" });
    expect(last("kubectlResult")).toMatchObject({ id: 3, exitCode: 1 });
  });
});

describe("WorkerHost load with replay (share links, autosave)", () => {
  const CORDON = { type: "action" as const, action: { type: "node" as const, name: "zone-c-1", state: "Cordon" as const } };
  const APPLY = { type: "apply" as const, yaml: THIRD_POD };

  /** A user's run: two steps, an apply between same-instant events, a seek, an action, a step. */
  function userRun() {
    const h = setup();
    h.send({ type: "load", yaml: TWO_PODS, seed: 3 });
    h.send({ type: "step" });
    h.send({ type: "step" });
    h.send({ type: "apply", yaml: THIRD_POD });
    h.send({ type: "seek", time: 4 });
    h.send({ type: "action", action: CORDON.action });
    h.send({ type: "step" });
    const commands = h.of("logged").map((m) => m.entry);
    return { ...h, commands };
  }

  it("answers apply and action with the command's index and engine position", () => {
    const { of, commands } = userRun();
    expect(of("logged").map((m) => m.index)).toEqual([0, 1]);
    expect(commands).toEqual([
      { atStep: 2, time: 0, command: APPLY },
      { atStep: expect.any(Number), time: 4, command: CORDON },
    ]);
  });

  it("reports the engine position and the commands run in every snapshot and patch", () => {
    const { send, last } = setup();
    send({ type: "load", yaml: TWO_PODS });
    expect(last("snapshot")!.snapshot).toMatchObject({ step: 0, commandsRun: 0 });
    send({ type: "step" });
    send({ type: "step" });
    expect(last("patch")!.patch).toMatchObject({ step: 2, commandsRun: 0 });
    send({ type: "apply", yaml: THIRD_POD });
    expect(last("patch")!.patch).toMatchObject({ step: 2, commandsRun: 1 });
  });

  it("rebuilds exactly the recorded run, mid-instant positions included, and goes on like it", () => {
    const original = userRun();
    const end = original.last("patch")!.patch;
    original.send({ type: "resync" });
    const want = original.last("snapshot")!.snapshot;

    const restored = setup();
    restored.send({ type: "load", yaml: TWO_PODS, seed: 3, replay: { commands: original.commands, ran: 2, step: end.step!, time: end.time } });
    expect(restored.sent.map((m) => m.type)).toEqual(["errors", "snapshot", "playback"]);
    expect(restored.last("errors")!.errors).toEqual([]);
    const got = restored.last("snapshot")!.snapshot;
    expect([got.time, got.step, got.commandsRun]).toEqual([want.time, want.step, want.commandsRun]);
    expect(canonical(got)).toBe(canonical(want));

    for (const t of [60, 3, 90]) {
      for (const h of [original, restored]) h.send({ type: "seek", time: t });
      expect(canonical(restored.last("snapshot")!.snapshot)).toBe(canonical(original.last("snapshot")!.snapshot));
    }
  });

  it("keeps the commands after the position as the future, as a seek back does", () => {
    const original = userRun();
    original.send({ type: "seek", time: 1 });
    const back = original.last("snapshot")!.snapshot;
    expect(back.commandsRun).toBe(1);

    const restored = setup();
    restored.send({ type: "load", yaml: TWO_PODS, seed: 3, replay: { commands: original.commands, ran: back.commandsRun!, step: back.step!, time: back.time } });
    expect(restored.last("errors")!.errors).toEqual([]);
    expect(canonical(restored.last("snapshot")!.snapshot)).toBe(canonical(back));
    for (const h of [original, restored]) h.send({ type: "seek", time: 30 });
    const forward = restored.last("snapshot")!.snapshot;
    expect(forward.commandsRun).toBe(2);
    expect(canonical(forward)).toBe(canonical(original.last("snapshot")!.snapshot));
  });

  it.each([
    { name: "a step past its own time", replay: { commands: [], ran: 0, step: 1e6, time: 0 } },
    { name: "a step that no time can reach", replay: { commands: [], ran: 0, step: 1e9, time: 5 } },
    { name: "a command before the previous one", replay: { commands: [
      { atStep: 5, time: 0, command: APPLY },
      { atStep: 2, time: 0, command: APPLY },
    ], ran: 2, step: 5, time: 0 } },
    { name: "a future command before the position", replay: { commands: [{ atStep: 1, time: 0, command: APPLY }], ran: 0, step: 3, time: 0 } },
    { name: "a clock that does not match the position", replay: { commands: [], ran: 0, step: 0, time: -3 } },
    { name: "a step that is not an integer", replay: { commands: [], ran: 0, step: 1.5, time: 0 } },
  ])("reports $name as a load error and still answers with a snapshot", ({ replay }) => {
    const { send, sent, last } = setup();
    send({ type: "load", yaml: TWO_PODS, replay });
    expect(sent.map((m) => m.type)).toEqual(["errors", "snapshot", "playback"]);
    const errors = last("errors")!.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ doc: -1, severity: "error" });
    expect(errors[0]!.message).toContain("does not replay");
  });
});
