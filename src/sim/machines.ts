/**
 * The simulated infrastructure under the cluster: whether each node's machine is powered and
 * reachable. This is not a Kubernetes object (a real API server cannot know it either); the kubelet
 * of a node reads it to decide whether it can run and report, and scenario actions write it.
 */
export type MachineState = "Up" | "Down";

export class Machines {
  private readonly state = new Map<string, MachineState>();
  private readonly listeners: Array<(node: string, state: MachineState) => void> = [];

  stateOf(node: string): MachineState {
    return this.state.get(node) ?? "Up";
  }

  isUp(node: string): boolean {
    return this.stateOf(node) === "Up";
  }

  set(node: string, s: MachineState): void {
    if (this.stateOf(node) === s) return;
    this.state.set(node, s);
    for (const l of this.listeners) l(node, s);
  }

  onChange(listener: (node: string, state: MachineState) => void): void {
    this.listeners.push(listener);
  }
}
