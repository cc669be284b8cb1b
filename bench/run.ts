/**
 * `npm run bench`: runs every bench/*.bench.ts suite and prints one table (name, median of the
 * runs, target, median ÷ target). A suite module exports `suites: BenchSuite[]`. Benchmarks are
 * not timed tests: they report, they do not fail.
 *
 *   npm run bench [-- FILTER]      only suites whose name contains FILTER
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchSuite {
  name: string;
  /** What one run measures (e.g. "pods/s"). */
  unit: string;
  target: number;
  /** Which way is good: "higher" (the default, throughput) or "lower" (sizes, latencies). */
  better?: "higher" | "lower";
  /** Runs: the median is reported. */
  runs?: number;
  /** One run; returns the measured value (a browser benchmark returns it asynchronously). */
  run(): number | Promise<number>;
}

export interface BenchResult {
  name: string;
  unit: string;
  better: "higher" | "lower";
  median: number;
  target: number;
  values: number[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function runSuite(s: BenchSuite): Promise<BenchResult> {
  const values: number[] = [];
  for (let i = 0; i < (s.runs ?? 3); i++) values.push(await s.run());
  return { name: s.name, unit: s.unit, better: s.better ?? "higher", median: median(values), target: s.target, values };
}

/** Large figures rounded, small ones (a frame time in ms) with one decimal. */
function figure(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(1);
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = [["BENCHMARK", "MEDIAN", "TARGET", "RATIO"]];
  for (const r of results) {
    rows.push([r.name, `${figure(r.median)} ${r.unit}`, `${r.better === "lower" ? "≤ " : ""}${r.target.toLocaleString("en-US")} ${r.unit}`, `${(r.median / r.target).toFixed(2)}×`]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ")).join("\n");
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? "";
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
  const results: BenchResult[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { suites?: BenchSuite[] };
    for (const s of mod.suites ?? []) {
      if (!s.name.includes(filter)) continue;
      const r = await runSuite(s);
      process.stderr.write(`${r.name}: ${r.values.map((v) => Math.round(v)).join(", ")} ${r.unit}\n`);
      results.push(r);
    }
  }
  process.stdout.write(`${formatTable(results)}\n`);
}

if (process.argv[1] && /bench[\\/]run\.ts$/.test(process.argv[1])) void main();
