/**
 * The `sim.kubeplay.dev/*` annotations: what no manifest can say about a simulated container
 * (how long its image takes to pull, when it starts serving, when it breaks, exits, how much
 * memory and CPU it uses). A key applies to every container of the pod; `<key>.<container>`
 * to one container and wins over the plain key. The vocabulary is small on purpose and is
 * documented in behaviour/README.md; every value is validated like a field, with a message a
 * learner can act on.
 */
import { isQuantityError, parseQuantity, value as quantityValue, milliValue } from "../../api/quantity";
import { parseDuration } from "../../clock/time";

export const SIM_PREFIX = "sim.kubeplay.dev/";

/** The keys, in documentation order. */
export const SIM_KEYS = [
  "image-pull", "startup", "unhealthy-after", "unready-between", "exit", "memory", "cpu", "shutdown",
] as const;
export type SimKey = (typeof SIM_KEYS)[number];

/** Memory use over a container's life: `base + perMinute × minutes since start`. */
export interface MemoryCurve {
  baseBytes: number;
  bytesPerMs: number;
}

export type CpuUse = { kind: "steady"; milli: number } | { kind: "perRps"; milli: number };

/** One container's parsed annotations: each field is set only when its key is present and valid. */
export interface ContainerSim {
  imagePullMs?: number;
  startupMs?: number;
  unhealthyAfterMs?: number;
  unreadyBetween?: { fromMs: number; toMs: number };
  exit?: { atMs: number; code: number };
  memory?: MemoryCurve;
  cpu?: CpuUse;
  /** Time the process takes to exit after SIGTERM; "never" when it ignores the signal. */
  shutdown?: number | "never";
}

type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

const DURATION_HINT = "must be a duration such as 30s, 2m or 1m30s";

function duration(text: string): Parsed<number> {
  const d = parseDuration(text);
  return d === undefined ? { ok: false, detail: DURATION_HINT } : { ok: true, value: d };
}

function bytes(text: string): Parsed<number> {
  const q = parseQuantity(text.trim());
  if (isQuantityError(q)) return { ok: false, detail: `${q.message}` };
  return { ok: true, value: quantityValue(q) };
}

const RATE_UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

function memory(text: string): Parsed<MemoryCurve> {
  const hint = 'must be a memory quantity ("120Mi") or a growth ("50Mi+10Mi/m", per s, m or h)';
  const m = /^([^+]+)(?:\+([^/]+)\/([smh]))?$/.exec(text.trim());
  if (!m) return { ok: false, detail: hint };
  const base = bytes(m[1]!);
  if (!base.ok || base.value < 0) return { ok: false, detail: hint };
  if (m[2] === undefined) return { ok: true, value: { baseBytes: base.value, bytesPerMs: 0 } };
  const rate = bytes(m[2]);
  if (!rate.ok || rate.value < 0) return { ok: false, detail: hint };
  return { ok: true, value: { baseBytes: base.value, bytesPerMs: rate.value / RATE_UNIT_MS[m[3]!]! } };
}

function cpu(text: string): Parsed<CpuUse> {
  const hint = 'must be a CPU quantity ("200m") or a use per request per second ("5m/rps")';
  const m = /^([^/]+)(\/rps)?$/.exec(text.trim());
  if (!m) return { ok: false, detail: hint };
  const q = parseQuantity(m[1]!.trim());
  if (isQuantityError(q)) return { ok: false, detail: hint };
  const milli = milliValue(q);
  if (milli < 0) return { ok: false, detail: hint };
  return { ok: true, value: m[2] ? { kind: "perRps", milli } : { kind: "steady", milli } };
}

function exit(text: string): Parsed<{ atMs: number; code: number }> {
  const hint = 'must be "<duration>" or "<duration>:<exit code 0-255>", such as "30s:1"';
  const [at, code, ...rest] = text.trim().split(":");
  if (rest.length > 0 || at === undefined) return { ok: false, detail: hint };
  const d = parseDuration(at);
  if (d === undefined) return { ok: false, detail: hint };
  if (code === undefined) return { ok: true, value: { atMs: d, code: 0 } };
  if (!/^\d{1,3}$/.test(code) || Number(code) > 255) return { ok: false, detail: hint };
  return { ok: true, value: { atMs: d, code: Number(code) } };
}

function window(text: string): Parsed<{ fromMs: number; toMs: number }> {
  const hint = 'must be "<start>-<end>" with start before end, such as "60s-120s"';
  const parts = text.trim().split("-");
  if (parts.length !== 2) return { ok: false, detail: hint };
  const from = parseDuration(parts[0]!);
  const to = parseDuration(parts[1]!);
  if (from === undefined || to === undefined || from >= to) return { ok: false, detail: hint };
  return { ok: true, value: { fromMs: from, toMs: to } };
}

function shutdown(text: string): Parsed<number | "never"> {
  if (text.trim() === "never") return { ok: true, value: "never" };
  const d = parseDuration(text);
  return d === undefined ? { ok: false, detail: `${DURATION_HINT}, or "never"` } : { ok: true, value: d };
}

/** Parses one key's value into the ContainerSim field it sets. */
function parseKey(key: SimKey, text: string): Parsed<Partial<ContainerSim>> {
  const wrap = <T>(p: Parsed<T>, f: (v: T) => Partial<ContainerSim>): Parsed<Partial<ContainerSim>> =>
    p.ok ? { ok: true, value: f(p.value) } : p;
  switch (key) {
    case "image-pull": return wrap(duration(text), (v) => ({ imagePullMs: v }));
    case "startup": return wrap(duration(text), (v) => ({ startupMs: v }));
    case "unhealthy-after": return wrap(duration(text), (v) => ({ unhealthyAfterMs: v }));
    case "unready-between": return wrap(window(text), (v) => ({ unreadyBetween: v }));
    case "exit": return wrap(exit(text), (v) => ({ exit: v }));
    case "memory": return wrap(memory(text), (v) => ({ memory: v }));
    case "cpu": return wrap(cpu(text), (v) => ({ cpu: v }));
    case "shutdown": return wrap(shutdown(text), (v) => ({ shutdown: v }));
  }
}

function isSimKey(k: string): k is SimKey {
  return (SIM_KEYS as readonly string[]).includes(k);
}

/** Splits "sim.kubeplay.dev/exit.app" into key "exit" and container "app". */
function splitAnnotation(name: string): { key: string; container?: string } {
  const rest = name.slice(SIM_PREFIX.length);
  const dot = rest.indexOf(".");
  return dot < 0 ? { key: rest } : { key: rest.slice(0, dot), container: rest.slice(dot + 1) };
}

/** The effective annotations of one container: its own keys win over the pod-wide ones. Invalid values are skipped. */
export function containerSim(annotations: Readonly<Record<string, string>> | undefined, container: string): ContainerSim {
  const out: ContainerSim = {};
  if (!annotations) return out;
  for (const pass of ["pod", "container"] as const) {
    for (const [name, text] of Object.entries(annotations)) {
      if (!name.startsWith(SIM_PREFIX)) continue;
      const { key, container: target } = splitAnnotation(name);
      if (!isSimKey(key)) continue;
      if (pass === "pod" ? target !== undefined : target !== container) continue;
      const p = parseKey(key, String(text));
      if (p.ok) Object.assign(out, p.value);
    }
  }
  return out;
}

/**
 * Validates the simulation annotations of a pod (or pod template): unknown keys, values that do
 * not parse, and container suffixes naming no container. Messages read as the API server's:
 * `metadata.annotations[sim.kubeplay.dev/exit]: Invalid value: "soon": must be …`.
 */
export function validateSimAnnotations(
  annotations: Readonly<Record<string, string>> | undefined, containerNames: readonly string[], path = "metadata.annotations",
): string[] {
  const errors: string[] = [];
  for (const [name, text] of Object.entries(annotations ?? {})) {
    if (!name.startsWith(SIM_PREFIX)) continue;
    const at = `${path}[${name}]`;
    const { key, container } = splitAnnotation(name);
    if (!isSimKey(key)) {
      errors.push(`${at}: Unsupported value: "${key}": supported values: ${SIM_KEYS.map((k) => `"${k}"`).join(", ")}`);
      continue;
    }
    if (container !== undefined && !containerNames.includes(container)) {
      errors.push(`${at}: Not found: "${container}": no container of that name in the pod`);
      continue;
    }
    const p = parseKey(key, String(text));
    if (!p.ok) errors.push(`${at}: Invalid value: ${JSON.stringify(String(text))}: ${p.detail}`);
  }
  return errors;
}

/** Memory in use `elapsedMs` after the container started. */
export function memoryAt(curve: MemoryCurve, elapsedMs: number): number {
  return Math.round(curve.baseBytes + curve.bytesPerMs * Math.max(0, elapsedMs));
}

/** Milliseconds after start at which the curve first reaches `limit` bytes; undefined when it never does. */
export function timeToReach(curve: MemoryCurve, limit: number): number | undefined {
  if (curve.baseBytes >= limit) return 0;
  if (curve.bytesPerMs <= 0) return undefined;
  return Math.ceil((limit - curve.baseBytes) / curve.bytesPerMs);
}
