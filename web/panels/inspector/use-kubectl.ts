/**
 * Runs a read-only kubectl command for a panel and runs it again whenever the cluster moves on:
 * one at a time, the answer to the latest command kept.
 */
import { useEffect, useRef, useState } from "react";
import type { KubectlResult } from "../../engine/client";
import { useEngine } from "../../engine/context";
import { useApp } from "../../state/store";

export function useKubectl(command: string | null): (KubectlResult & { command: string }) | undefined {
  const engine = useEngine();
  const seq = useApp((s) => s.cluster.seq);
  const [result, setResult] = useState<(KubectlResult & { command: string }) | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const latest = useRef(command);
  latest.current = command;

  useEffect(() => {
    if (!command) return;
    const run = (cmd: string) => {
      inFlight.current = true;
      void engine.kubectl(cmd).then((r) => {
        inFlight.current = false;
        if (latest.current === cmd) setResult({ ...r, command: cmd });
        if (again.current && latest.current) {
          again.current = false;
          run(latest.current);
        }
      });
    };
    if (inFlight.current) again.current = true;
    else run(command);
  }, [engine, command, seq]);

  return result && result.command === command ? result : undefined;
}
