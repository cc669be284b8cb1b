/**
 * Asks the engine for the "why?" data about the selection, again whenever the cluster moves on:
 * one question at a time, the latest answer kept (a stale answer for another object is dropped).
 */
import { useEffect, useRef, useState } from "react";
import type { ExplainReport } from "../../../src/protocol/messages";
import { useEngine } from "../../engine/context";
import { sameRef, type SelectedRef } from "../../state/selection";
import { useApp } from "../../state/store";

export interface ExplainState {
  ref: SelectedRef;
  report: ExplainReport;
}

export function useExplain(ref: SelectedRef | null): ExplainState | undefined {
  const engine = useEngine();
  const seq = useApp((s) => s.cluster.seq);
  const [state, setState] = useState<ExplainState | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const latest = useRef(ref);
  latest.current = ref;

  useEffect(() => {
    if (!ref) return;
    const ask = (target: SelectedRef) => {
      inFlight.current = true;
      void engine.explain(target).then((report) => {
        inFlight.current = false;
        if (sameRef(latest.current, target)) setState({ ref: target, report });
        if (again.current && latest.current) {
          again.current = false;
          ask(latest.current);
        }
      });
    };
    if (inFlight.current) again.current = true;
    else ask(ref);
  }, [engine, ref, seq]);

  return state && ref && sameRef(state.ref, ref) ? state : undefined;
}
