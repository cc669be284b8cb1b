/**
 * Pod termination (syncTerminatingPod): every running container is stopped with the pod's
 * grace period, app containers at once and sidecars after them in reverse order; when the last
 * one is gone the kubelet reports the terminal phase and, for a deleted pod, removes it from
 * the API (delete with grace 0). A pod whose containers finished for good (restartPolicy Never
 * or OnFailure) terminates the same way but stays in the API as Succeeded or Failed.
 */
import { MSG } from "./reasons";
import type { PodWorker } from "./pod-worker";
import { isSidecar } from "./status";
import { stopContainer } from "./stop";

export type TerminationCause = "deleted" | "completed" | "evicted";

export class PodTermination {
  active = false;
  finished = false;
  cause: TerminationCause | undefined;
  /** Containers that were running when termination began. */
  readonly killed = new Set<string>();
  private handles: Array<{ poke(): void }> = [];

  constructor(private readonly w: PodWorker) {}

  begin(graceSeconds: number, cause: TerminationCause): void {
    if (this.active || this.finished) return;
    this.active = true;
    this.cause = cause;
    const w = this.w;
    w.cancelStarts();
    const spec = w.pod.spec;
    const apps = new Set((spec?.containers ?? []).map((c) => c.name));
    const sidecars = (spec?.initContainers ?? []).filter(isSidecar).map((c) => c.name);
    const running = w.runtime.running().filter((i) => !i.stopping);
    const order = [...running.filter((i) => !sidecars.includes(i.name)), ...running.filter((i) => sidecars.includes(i.name)).sort((a, b) => sidecars.indexOf(b.name) - sidecars.indexOf(a.name))];
    const gone = (name: string) => w.runtime.latest(name)?.state !== "running";
    for (const inst of order) {
      this.killed.add(inst.name);
      const c = w.spec(inst.name);
      if (!c) continue;
      const idx = sidecars.indexOf(inst.name);
      const turn = idx < 0 ? undefined : () => [...apps].every(gone) && sidecars.slice(idx + 1).every(gone);
      this.handles.push(stopContainer(inst, c, graceSeconds, MSG.stopping(inst.name), w.stopEnv(), turn));
    }
  }

  /** A container exited while terminating: the next sidecar may get its turn. */
  containerExited(): void {
    for (const h of this.handles) h.poke();
  }

  step(): void {
    const w = this.w;
    this.containerExited();
    if (w.runtime.running().length > 0) {
      w.writeStatus(false);
      return;
    }
    this.finish();
  }

  private finish(): void {
    const w = this.w;
    this.active = false;
    this.finished = true;
    w.prober.stop();
    w.writeStatus(true);
    if (this.cause === "deleted") {
      const pod = w.node.store.get("Pod", w.namespace, w.name);
      if (pod && pod.metadata.uid === w.uid) w.node.store.delete("Pod", w.namespace, w.name, { gracePeriodSeconds: 0 });
      w.node.forget(w.uid);
    }
  }

  /** The pod left the API while its containers still ran (a force delete): kill them at once. */
  orphaned(): void {
    const w = this.w;
    this.finished = true;
    this.active = false;
    w.prober.stop();
    w.cancelStarts();
    for (const i of w.runtime.running()) i.process.signal("KILL");
    w.node.forget(w.uid);
  }
}
