/**
 * Golden timelines: behaviour pinned as text. A test runs a scenario headless and renders what
 * happened (the event log with virtual times, and `kubectl get` tables at chosen instants); the
 * text is compared with a committed file beside the test. `npm run golden` (UPDATE_GOLDEN=1)
 * rewrites the files, and a behaviour change shows up as a reviewed diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";
import type { Kind } from "../api/types";
import { parseDuration } from "../clock/time";
import { printTables } from "../kubectl/printers";
import type { Simulation } from "../sim/simulation";

export interface TimelineOptions {
  /** Run until this virtual time ("10m"). */
  until: string;
  /** Instants at which to print `kubectl get` tables ("30s", "2m"). */
  at?: string[];
  /** Kinds printed at each instant; pods by default. */
  kinds?: Kind[];
  /** Only events whose involved object is one of these kinds (all by default). */
  eventKinds?: string[];
}

const secondsOf = (d: string): number => {
  const ms = parseDuration(d);
  if (ms === undefined) throw new Error(`timeline: bad duration "${d}"`);
  return ms / 1000;
};

/** Runs the simulation and renders its timeline as text. */
export function timeline(sim: Simulation, opts: TimelineOptions): string {
  const until = secondsOf(opts.until);
  const marks = (opts.at ?? []).map(secondsOf).filter((t) => t <= until).sort((a, b) => a - b);
  const kinds = opts.kinds ?? ["Pod"];
  const out: string[] = [];
  let printed = 0;
  const flushEvents = () => {
    const evs = sim.events.slice(printed);
    printed = sim.events.length;
    for (const e of evs) {
      if (opts.eventKinds && !opts.eventKinds.includes(e.involvedObject.kind)) continue;
      const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
      out.push(`${fmtTime(e.time).padEnd(8)} ${e.type.padEnd(8)} ${e.reason.padEnd(22)} ${obj}: ${e.message}`);
    }
  };
  for (const t of [...new Set([...marks, until])]) {
    const res = sim.runUntil(t);
    if (!res.complete) throw new Error(`timeline: the simulation did not reach ${t}s`);
    flushEvents();
    if (marks.includes(t)) {
      const nowMs = sim.epochMs + t * 1000;
      const groups = kinds.map((kind) => ({ kind, objects: sim.store.list(kind) }));
      const tables = printTables(groups, { nowMs, allNamespaces: false, prefixKind: kinds.length > 1 });
      out.push(`--- at ${fmtTime(t)}: kubectl get ${kinds.map((k) => k.toLowerCase()).join(",")}`);
      out.push(...(tables.stdout || tables.stderr).trimEnd().split("\n").map((l) => `    ${l}`));
      out.push("---");
    }
  }
  return `${out.join("\n")}\n`;
}

function fmtTime(t: number): string {
  return `${Number(t.toFixed(3))}s`;
}

/** Compares `actual` with the golden file at `path` (absolute), or rewrites it under UPDATE_GOLDEN=1. */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${path} does not exist: run \`npm run golden\` and review the new file`);
  }
  expect(actual, `timeline differs from ${path}; if the change is intended, run \`npm run golden\` and review the diff`).toBe(readFileSync(path, "utf8"));
}
