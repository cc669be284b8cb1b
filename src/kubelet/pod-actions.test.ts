import { describe, expect, it } from "vitest";
import type { Container, Pod } from "kubernetes-types/core/v1";
import { computePodActions, type ContainerView } from "./pod-actions";
import type { ContainerInstance } from "./runtime";

type State = "running" | `exited:${number}` | "starting" | "none" | "unstarted" | "liveness-failed";

const inst = (name: string, state: State, sandbox = 0, image = "img"): ContainerInstance =>
  ({ name, image, sandbox, state: state.startsWith("exited") ? "exited" : "running", exitCode: state.startsWith("exited") ? Number(state.split(":")[1]) : undefined } as unknown as ContainerInstance);

function views(states: Record<string, State>, sandbox = 0): (name: string) => ContainerView {
  return (name) => {
    const s = states[name] ?? "none";
    return {
      latest: s === "none" || s === "starting" ? undefined : inst(name, s, sandbox),
      starting: s === "starting",
      started: s !== "unstarted",
      livenessFailed: s === "liveness-failed",
      startupFailed: false,
    };
  };
}

function pod(restartPolicy: string, containers: string[], init: Array<string | { sidecar: string }> = []): Pod {
  const c = (name: string): Container => ({ name, image: "img" });
  return {
    spec: {
      restartPolicy,
      containers: containers.map(c),
      initContainers: init.map((i) => (typeof i === "string" ? c(i) : { ...c(i.sidecar), restartPolicy: "Always" })),
    },
  };
}

function summary(p: Pod, states: Record<string, State>) {
  const a = computePodActions(p, 0, views(states));
  return { start: a.start.map((s) => s.container.name), kill: a.kill.map((k) => k.message), initFailed: a.initFailed, completed: a.completed };
}

describe("computePodActions", () => {
  it.each([
    ["a new pod starts its app containers together", pod("Always", ["a", "b"]), {}, { start: ["a", "b"] }],
    ["init containers one at a time: the first", pod("Always", ["a"], ["i1", "i2"]), {}, { start: ["i1"] }],
    ["init containers: wait while one runs", pod("Always", ["a"], ["i1", "i2"]), { i1: "running" }, { start: [] }],
    ["init containers: the next after exit 0", pod("Always", ["a"], ["i1", "i2"]), { i1: "exited:0" }, { start: ["i2"] }],
    ["init containers: app containers after the last", pod("Always", ["a"], ["i1", "i2"]), { i1: "exited:0", i2: "exited:0" }, { start: ["a"] }],
    ["a failed init container is retried (Always)", pod("Always", ["a"], ["i1"]), { i1: "exited:1" }, { start: ["i1"] }],
    ["a failed init container fails the pod (Never)", pod("Never", ["a"], ["i1"]), { i1: "exited:1" }, { start: [], initFailed: true }],
    ["a sidecar first, then the next init once it started", pod("Always", ["a"], [{ sidecar: "s" }, "i"]), { s: "running" }, { start: ["i"] }],
    ["a sidecar whose startup probe has not passed blocks the rest", pod("Always", ["a"], [{ sidecar: "s" }, "i"]), { s: "unstarted" }, { start: [] }],
    ["an exited sidecar restarts, even with restartPolicy Never", pod("Never", ["a"], [{ sidecar: "s" }]), { s: "exited:0", a: "running" }, { start: ["s"] }],
    ["regular init containers never re-run once the app ran", pod("Always", ["a"], ["i"]), { i: "none", a: "running" }, { start: [] }],
    ["Always restarts an app container that exited 0", pod("Always", ["a"]), { a: "exited:0" }, { start: ["a"] }],
    ["OnFailure restarts only a failure", pod("OnFailure", ["a", "b"]), { a: "exited:0", b: "exited:2" }, { start: ["b"] }],
    ["Never restarts nothing, and the pod is complete", pod("Never", ["a"]), { a: "exited:1" }, { start: [], completed: true }],
    ["a failed liveness probe kills the container", pod("Always", ["a"]), { a: "liveness-failed" }, { kill: ["Container a failed liveness probe, will be restarted"] }],
    ["with Never it is killed and not restarted", pod("Never", ["a"]), { a: "liveness-failed" }, { kill: ["Container a failed liveness probe"] }],
    ["a start under way is not repeated", pod("Always", ["a", "b"]), { a: "starting" }, { start: ["b"] }],
  ])("%s", (_name, p, states, want) => {
    expect(summary(p, states as Record<string, State>)).toMatchObject({ start: [], kill: [], initFailed: false, completed: false, ...want });
  });

  it("restarts containers lost with an old sandbox, except what succeeded under OnFailure", () => {
    const p = pod("OnFailure", ["a", "b"]);
    const v = (name: string): ContainerView => ({ latest: inst(name, name === "a" ? "exited:255" : "exited:0", 0), starting: false, started: true, livenessFailed: false, startupFailed: false });
    expect(computePodActions(p, 1, v).start.map((s) => s.container.name)).toEqual(["a"]);
  });
});
