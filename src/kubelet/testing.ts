/**
 * Helpers for the kubelet's golden tests: load a scenario from testdata, render its timeline,
 * compare with the golden file beside it.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { expectGolden, timeline, type TimelineOptions } from "../testing/golden";
import { Simulation } from "../sim/simulation";

const here = dirname(fileURLToPath(import.meta.url));

export function testdata(name: string): string {
  return join(here, "testdata", name);
}

export function loadScenario(file: string): Simulation {
  const { sim, errors } = Simulation.load(readFileSync(testdata(file), "utf8"));
  expect(errors.filter((e) => e.severity === "error")).toEqual([]);
  return sim;
}

/** Runs `<name>.yaml` and compares its timeline with `<name>.txt`; returns the simulation for further checks. */
export function golden(name: string, opts: TimelineOptions): Simulation {
  const sim = loadScenario(`${name}.yaml`);
  const text = timeline(sim, { eventKinds: ["Pod", "Node"], ...opts });
  expect(sim.actionErrors).toEqual([]);
  expectGolden(testdata(`${name}.txt`), text);
  return sim;
}
