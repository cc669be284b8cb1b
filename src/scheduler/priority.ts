/**
 * Pod priority as the Priority admission plugin sets it (plugin/pkg/admission/priority): from the
 * pod's priorityClassName, else from the PriorityClass with globalDefault: true, else 0
 * (DefaultPriorityWhenNoDefaultClassExists). The two built-in classes always exist. The class's
 * preemptionPolicy becomes the pod's when the pod sets none.
 *
 * The engine's API server has no admission plugins, so the scheduler resolves priority itself when
 * it reads a pod: a pod created with spec.priority keeps it, as admission would have left it.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { PriorityClass } from "kubernetes-types/scheduling/v1";

/** scheduling.SystemCriticalPriority and the built-in classes (pkg/apis/scheduling/types.go). */
export const SYSTEM_CLUSTER_CRITICAL = 2_000_000_000;
export const SYSTEM_NODE_CRITICAL = SYSTEM_CLUSTER_CRITICAL + 1000;
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS = 0;

const BUILT_IN: ReadonlyMap<string, number> = new Map([
  ["system-cluster-critical", SYSTEM_CLUSTER_CRITICAL],
  ["system-node-critical", SYSTEM_NODE_CRITICAL],
]);

export interface ResolvedPriority {
  priority: number;
  preemptionPolicy: string;
}

export class PriorityClasses {
  private readonly classes = new Map<string, PriorityClass>();

  set(pc: PriorityClass): void {
    if (pc.metadata?.name) this.classes.set(pc.metadata.name, pc);
  }

  delete(name: string): void {
    this.classes.delete(name);
  }

  /** The globalDefault class with the highest value (admission allows only one). */
  private globalDefault(): PriorityClass | undefined {
    let best: PriorityClass | undefined;
    for (const pc of this.classes.values()) if (pc.globalDefault && (!best || pc.value > best.value)) best = pc;
    return best;
  }

  resolve(pod: Pod): ResolvedPriority {
    const spec = pod.spec;
    const name = spec?.priorityClassName;
    let pc: PriorityClass | undefined;
    let value: number | undefined;
    if (name) {
      value = BUILT_IN.get(name);
      if (value === undefined) {
        pc = this.classes.get(name);
        value = pc?.value;
      }
    } else {
      pc = this.globalDefault();
      value = pc?.value;
    }
    return {
      priority: spec?.priority ?? value ?? DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS,
      preemptionPolicy: spec?.preemptionPolicy ?? pc?.preemptionPolicy ?? "PreemptLowerPriority",
    };
  }
}
