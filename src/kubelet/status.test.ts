import { describe, expect, it } from "vitest";
import type { Container, ContainerStatus, Pod } from "kubernetes-types/core/v1";
import { getPhase } from "./status";

const running = (name: string, started = true): ContainerStatus => ({ name, image: "", imageID: "", ready: true, restartCount: 0, started, state: { running: {} } });
const exited = (name: string, exitCode: number): ContainerStatus => ({ name, image: "", imageID: "", ready: false, restartCount: 0, state: { terminated: { exitCode } } });
const waiting = (name: string, lastExit?: number): ContainerStatus => ({
  name, image: "", imageID: "", ready: false, restartCount: 0, state: { waiting: { reason: "X" } },
  lastState: lastExit === undefined ? {} : { terminated: { exitCode: lastExit } },
});

function pod(restartPolicy: string, containers: string[], init: Array<string | { name: string; sidecar: true }> = []): Pod {
  const c = (name: string): Container => ({ name });
  return {
    spec: {
      restartPolicy,
      containers: containers.map(c),
      initContainers: init.map((i) => (typeof i === "string" ? c(i) : { name: i.name, restartPolicy: "Always" })),
    },
  };
}

describe("getPhase", () => {
  it.each([
    ["nothing created yet", pod("Always", ["a"]), [], false, "Pending"],
    ["waiting for its image", pod("Always", ["a"]), [waiting("a")], false, "Pending"],
    ["running", pod("Always", ["a", "b"]), [running("a"), running("b")], false, "Running"],
    ["one running, one waiting", pod("Always", ["a", "b"]), [running("a"), waiting("b")], false, "Pending"],
    ["crash looping (waiting after an exit) counts as stopped", pod("Always", ["a"]), [waiting("a", 1)], false, "Running"],
    ["all exited 0, Always restarts", pod("Always", ["a"]), [exited("a", 0)], false, "Running"],
    ["all exited 0, Never", pod("Never", ["a"]), [exited("a", 0)], false, "Succeeded"],
    ["all exited 0, OnFailure", pod("OnFailure", ["a"]), [exited("a", 0)], false, "Succeeded"],
    ["one failed, Never", pod("Never", ["a", "b"]), [exited("a", 0), exited("b", 1)], false, "Failed"],
    ["one failed, OnFailure restarts it", pod("OnFailure", ["a"]), [exited("a", 1)], false, "Running"],
    ["terminal pod: failures make it Failed even with Always", pod("Always", ["a"]), [exited("a", 137)], true, "Failed"],
    ["terminal pod: all 0 is Succeeded", pod("Always", ["a"]), [exited("a", 0)], true, "Succeeded"],
    ["init running", pod("Always", ["a"], ["i"]), [running("i"), waiting("a")], false, "Pending"],
    ["init failed, Never", pod("Never", ["a"], ["i"]), [exited("i", 1), waiting("a")], false, "Failed"],
    ["init failed, Always retries", pod("Always", ["a"], ["i"]), [waiting("i", 1), waiting("a")], false, "Pending"],
    ["init done, app running", pod("Always", ["a"], ["i"]), [exited("i", 0), running("a")], false, "Running"],
    ["sidecar not started yet", pod("Always", ["a"], [{ name: "s", sidecar: true }]), [running("s", false), waiting("a")], false, "Pending"],
    ["sidecar restarting after initialization", pod("Always", ["a"], [{ name: "s", sidecar: true }]), [waiting("s", 143), running("a")], true, "Running"],
    ["job done, sidecar still running", pod("Never", ["a"], [{ name: "s", sidecar: true }]), [running("s"), exited("a", 0)], false, "Running"],
    ["job done, sidecar stopped", pod("Never", ["a"], [{ name: "s", sidecar: true }]), [exited("s", 143), exited("a", 0)], false, "Succeeded"],
  ])("%s → %s", (_name, p, statuses, terminalOrInitialized, want) => {
    const isTerminal = _name.startsWith("terminal");
    expect(getPhase(p, statuses, isTerminal, !isTerminal && terminalOrInitialized)).toBe(want);
  });
});
