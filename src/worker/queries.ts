/**
 * Read-only questions the UI asks the worker (the console's completion, the "why?" panel): each is
 * answered from the live Simulation at its current instant and changes nothing.
 */
import { explainHostOf, whyEvicted, whyNotReady, whyRolloutWaiting } from "../explain";
import { complete, type Completion } from "../kubectl/commands/completion";
import type { ExplainReport } from "../protocol/queries";
import type { ObjectRef } from "../sim/changes";
import type { Simulation } from "../sim/simulation";

/** What may come next on a partial kubectl command line (nothing without a scenario). */
export function completeLine(sim: Simulation | undefined, line: string): Completion {
  if (!sim) return { prefix: "", candidates: [] };
  return complete(
    {
      store: sim.store,
      now: () => { throw new Error("completion does not read the clock"); },
      timestamp: () => { throw new Error("completion does not read the clock"); },
      apply: () => { throw new Error("completion never applies"); },
    },
    line,
  );
}

/** The "why?" data about `target`: scheduling attempts, readiness and eviction for a pod, the rollout for a Deployment. */
export function explainReport(sim: Simulation | undefined, target: ObjectRef): ExplainReport {
  if (!sim) return { attempts: [], error: "no scenario is loaded" };
  const host = explainHostOf(sim, (ns, name) => sim.usage(ns, name));
  const ns = target.namespace ?? "default";
  switch (target.kind) {
    case "Pod":
      return {
        attempts: sim.explain(ns, target.name),
        notReady: whyNotReady(host, ns, target.name),
        eviction: whyEvicted(host, ns, target.name),
      };
    case "Deployment":
      return { attempts: [], rollout: whyRolloutWaiting(host, ns, target.name) };
    default:
      return { attempts: [] };
  }
}
