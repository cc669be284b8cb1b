/**
 * A harness for behaviour tests: runs a container process on a virtual clock with a given file
 * system and network, recording its output and how it exited.
 */
import { VirtualClock } from "../../clock/clock";
import type { ContainerSim } from "./annotations";
import { FileSystem } from "./fs";
import type { Listener, NetClient } from "./net-types";
import { ContainerProcess, type ExitReason } from "./process";

export interface Harness {
  clock: VirtualClock;
  fs: FileSystem;
  proc: ContainerProcess;
  output(): string;
  exit(): { code: number; reason: ExitReason; at: number } | undefined;
  runFor(ms: number): void;
}

const NO_NET: NetClient = {
  resolve: (name) => ({ ok: false, tried: [name] }),
  http: () => ({ result: { kind: "bad-address" } }),
  tcp: () => ({ result: "bad-address" }),
};

export function runContainer(argv: string[], opts: {
  fs?: FileSystem; net?: NetClient; sim?: ContainerSim; env?: Record<string, string>; ports?: number[]; memoryLimit?: number;
  peers?: Listener;
} = {}): Harness {
  const clock = new VirtualClock();
  const fs = opts.fs ?? new FileSystem();
  let out = "";
  let exit: { code: number; reason: ExitReason; at: number } | undefined;
  const proc = new ContainerProcess(
    { argv, env: opts.env ?? { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOSTNAME: "pod-1" }, hostname: "pod-1", podIP: "10.244.0.5", declaredPorts: opts.ports ?? [], sim: opts.sim ?? {}, imageKnown: true, ...(opts.memoryLimit ? { memoryLimit: opts.memoryLimit } : {}) },
    {
      now: () => clock.now,
      after: (ms, label, run) => clock.after(ms, label, run),
      epochMs: Date.UTC(2026, 0, 1),
      fs,
      net: opts.net ?? NO_NET,
      write: (t) => { out += t; },
      exited: (code, reason) => { exit = { code, reason, at: clock.now }; },
      peerOpen: (p) => opts.peers?.tcp(p) === "open",
      peerGrpc: (p) => opts.peers?.grpc(p, undefined) === "SERVING",
    },
  );
  proc.start();
  return {
    clock, fs, proc,
    output: () => out,
    exit: () => exit,
    runFor(ms: number) {
      const until = clock.now + ms;
      while (clock.nextAt() !== undefined && clock.nextAt()! <= until) clock.step();
      clock.advanceTo(until as never);
    },
  };
}
