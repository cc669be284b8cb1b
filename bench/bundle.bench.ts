/**
 * Initial JavaScript of the web app, gzip-compressed, as a browser downloads it on the first load:
 * the entry script of dist/index.html plus the chunks it preloads. Monaco (and mermaid) must stay
 * out of it, loaded lazily, for the page to open fast. The suite builds the app once (`vite build`)
 * so the figure is for the current source; lazy chunks and workers are listed on stderr.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { BenchSuite } from "./run";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");

/** Initial JS budget in kB (1000 bytes, as Vite reports sizes). */
const TARGET_KB = 200;

let built = false;

function build(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "error"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  built = true;
}

/** Script and modulepreload paths that index.html loads before anything runs. */
export function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*\srel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...srcs, ...preloads])];
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file)).length / 1000;
}

function initialKb(): number {
  build();
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const initial = initialScripts(html).map((p) => join(DIST, p.replace(/^\//, "")));
  const initialSet = new Set(initial);
  const rows = initial.map((f) => ({ f, kb: gzipKb(f), initial: true }));
  const assets = join(DIST, "assets");
  for (const name of readdirSync(assets).filter((n) => n.endsWith(".js")).sort()) {
    const f = join(assets, name);
    if (!initialSet.has(f)) rows.push({ f, kb: gzipKb(f), initial: false });
  }
  for (const r of rows) {
    const name = r.f.slice(DIST.length + 1);
    // Workers load off the main thread (the engine's at start-up, the editor's with Monaco).
    const kind = r.initial ? "initial" : /worker|\/entry-/.test(name) ? "worker " : "lazy   ";
    process.stderr.write(`  ${kind}  ${r.kb.toFixed(1).padStart(7)} kB gzip  ${name}\n`);
  }
  return rows.filter((r) => r.initial).reduce((n, r) => n + r.kb, 0);
}

export const suites: BenchSuite[] = [
  // The build is deterministic: one run is the figure.
  { name: "bundle/initial JS (gzip)", unit: "kB", target: TARGET_KB, better: "lower", runs: 1, run: initialKb },
];
