import { describe, expect, it } from "vitest";
import { podColumns } from "../kubectl/pod-status";
import type { Simulation } from "../sim/simulation";
import { golden, loadScenario } from "./testing";

function columns(sim: Simulation, name: string) {
  const pod = sim.store.get("Pod", "default", name);
  if (!pod) throw new Error(`no pod ${name}`);
  return podColumns(pod, sim.epochMs + sim.time * 1000);
}

const times = (sim: Simulation, pod: string, reason: string) =>
  sim.events.filter((e) => e.involvedObject.name === pod && e.reason === reason).map((e) => e.time);

describe("pod lifecycle", () => {
  it("init containers wait for the Services myservice and mydb", () => {
    const sim = golden("init-containers", { until: "2m", at: ["30s", "75s", "100s"] });
    expect(columns(sim, "myapp-pod")).toMatchObject({ ready: "1/1", status: "Running", restartCount: 0 });
    const logs = sim.logs({ namespace: "default", pod: "myapp-pod", container: "init-myservice" });
    expect(logs.ok && logs.text).toContain("waiting for myservice");
    expect(logs.ok && logs.text).toContain("Name:      myservice.default.svc.cluster.local");
  });

  it("init containers: Init:0/2 while myservice is missing, with the docs' container states", () => {
    const sim = loadScenario("init-containers.yaml");
    sim.runUntil(30);
    const pod = sim.store.get("Pod", "default", "myapp-pod")!;
    expect(columns(sim, "myapp-pod")).toMatchObject({ ready: "0/1", status: "Init:0/2" });
    expect(pod.status?.phase).toBe("Pending");
    expect(pod.status?.initContainerStatuses?.map((s) => Object.keys(s.state ?? {})[0])).toEqual(["running", "waiting"]);
    expect(pod.status?.initContainerStatuses?.[1]?.state?.waiting?.reason).toBe("PodInitializing");
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe("PodInitializing");
    expect(pod.status?.conditions?.find((c) => c.type === "Initialized")).toMatchObject({
      status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [init-myservice init-mydb]",
    });
    sim.runUntil(75);
    expect(columns(sim, "myapp-pod").status).toBe("Init:1/2");
  });

  it("CrashLoopBackOff: restarts at once, then after 10 s, 20 s, 40 s … capped at 300 s", () => {
    const sim = golden("crashloop", { until: "20m", at: ["10s", "20s", "1m", "20m"] });
    const starts = times(sim, "crasher", "Started");
    const exits = starts.map((s) => s + 5);
    const waits = starts.slice(1).map((s, i) => Math.round(s - exits[i]!));
    expect(waits.slice(0, 8)).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(columns(sim, "bare-busybox").status).toMatch(/CrashLoopBackOff|Completed/);
    const prev = sim.logs({ namespace: "default", pod: "crasher", previous: true });
    expect(prev.ok && prev.text).toBe("starting\nsomething went wrong\n");
  });

  it("ImagePullBackOff: ErrImagePull, then back-off pulling", () => {
    const sim = golden("image-pull-backoff", { until: "3m", at: ["5s", "30s", "3m"] });
    expect(columns(sim, "typo").status).toMatch(/ImagePullBackOff|ErrImagePull/);
    const st = sim.store.get("Pod", "default", "private")!.status!.containerStatuses![0]!;
    expect(st.state?.waiting?.reason).toMatch(/ImagePullBackOff|ErrImagePull/);
    expect(st.state?.waiting?.message).toContain("no such host");
  });

  it("OOMKilled: exit code 137 at the memory limit, restarted with back-off", () => {
    const sim = golden("oom-killed", { until: "2m", at: ["1s", "30s", "2m"] });
    const st = sim.store.get("Pod", "default", "memory-demo-2")!.status!.containerStatuses![0]!;
    expect(st.lastState?.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    const leaky = times(sim, "leaky", "Started");
    expect(leaky.length).toBeGreaterThan(2);
  });

  it("termination: grace period, preStop hook, SIGTERM then SIGKILL", () => {
    const sim = golden("termination", { until: "2m", at: ["21s", "36s", "51s"] });
    expect(sim.store.list("Pod")).toEqual([]);
  });

  it("termination: Terminating while the grace period runs", () => {
    const sim = loadScenario("termination.yaml");
    sim.runUntil(21);
    expect(["graceful", "stubborn", "hung-hook"].map((n) => columns(sim, n).status)).toEqual(["Terminating", "Terminating", "Terminating"]);
    sim.runUntil(34.9);
    expect(sim.store.get("Pod", "default", "graceful")).toBeDefined();
    sim.runUntil(35);
    // nginx exits at SIGTERM, sent once the 15 s preStop hook is done.
    expect(sim.store.get("Pod", "default", "graceful")).toBeUndefined();
    sim.runUntil(31.9);
    // hung-hook: the hook uses the whole 10 s grace period, then SIGTERM gets the 2 s minimum: nginx exits at once.
    sim.runUntil(32);
    expect(sim.store.get("Pod", "default", "hung-hook")).toBeUndefined();
    sim.runUntil(49.9);
    expect(sim.store.get("Pod", "default", "stubborn")).toBeDefined();
    sim.runUntil(50);
    expect(sim.store.get("Pod", "default", "stubborn")).toBeUndefined();
  });

  it("sidecars start first, keep running, and stop after the app", () => {
    const sim = golden("sidecars", { until: "60s", at: ["5s", "20s", "31s", "40s"] });
    expect(columns(sim, "job-like")).toMatchObject({ status: "Completed", ready: "0/2" });
    expect(sim.store.get("Pod", "default", "job-like")!.status!.phase).toBe("Succeeded");
  });
});
