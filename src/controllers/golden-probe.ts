/**
 * Whether the kubelet runs container commands to their exit (the walking skeleton's kubelet keeps
 * every container running). Golden timelines that need real exits (Job, CronJob) run once it does;
 * until then the controllers' behaviour is pinned by their unit tests.
 */
import { Simulation } from "../sim/simulation";

let cached: boolean | undefined;

export function kubeletRunsCommandsToExit(): boolean {
  if (cached !== undefined) return cached;
  const { sim } = Simulation.load(`
apiVersion: v1
kind: Pod
metadata: {name: probe}
spec:
  restartPolicy: Never
  containers: [{name: c, image: busybox, command: ["sh", "-c", "exit 1"]}]
`);
  sim.runUntil(60);
  cached = sim.store.get("Pod", "default", "probe")?.status?.phase === "Failed";
  return cached;
}
