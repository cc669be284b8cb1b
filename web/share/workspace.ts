/**
 * The workspace: everything a share link or an autosave keeps so that opening it shows the same
 * cluster at the same instant: the scenario loaded at t = 0 with its seed, the commands the learner
 * ran since (at their engine positions), where the run stands, the editor's text (which may hold
 * edits not applied yet) and the view settings.
 *
 * `parseWorkspace` checks a decoded value field by field: a link is input from anywhere, so every
 * problem becomes a message, never an exception, and nothing out of range reaches the engine.
 */
import type { Kind } from "../../src/api/types";
import type { NodeActionState, TaintEffect } from "../../src/scenario/types";
import type { ReplayCommand, ReplayEntry, UiAction } from "../../src/protocol/messages";
import type { CanvasView, PanelId } from "../state/layout";
import type { SelectedRef } from "../state/selection";

/** What the learner was looking at: a link shows the class the same thing. */
export interface ViewSettings {
  /** Playback speed, virtual seconds per wall second. */
  speed: number;
  canvasView: CanvasView;
  panel: PanelId;
  selection: SelectedRef | null;
}

export interface Workspace {
  /** The text loaded into a fresh cluster, and the seed given with it (none: the Scenario's own). */
  scenario: { yaml: string; seed?: number };
  /** The timeline's commands in order; the first `ran` have run, the rest are its future. */
  commands: ReplayEntry[];
  ran: number;
  /** Engine steps since load and virtual seconds. */
  position: { step: number; time: number };
  editor: string;
  view: ViewSettings;
}

export const DEFAULT_VIEW: ViewSettings = { speed: 1, canvasView: "cluster", panel: "details", selection: null };

const CANVAS_VIEWS = ["cluster", "workloads"] as const satisfies readonly CanvasView[];
const PANELS = ["details", "events", "pods"] as const satisfies readonly PanelId[];

/** Bounds on what a link may ask for: beyond them it is damaged, not a workspace to run. */
export const WORKSPACE_LIMITS = {
  textChars: 2 * 1024 * 1024,
  commands: 10_000,
  steps: 50_000_000,
  /** One year of virtual time. */
  seconds: 365 * 24 * 3600,
  speed: { min: 0.5, max: 1000 },
} as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const NODE_STATES: readonly NodeActionState[] = ["Down", "Up", "Cordon", "Uncordon", "Drain"];
const TAINT_EFFECTS: readonly TaintEffect[] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

type Obj = Record<string, unknown>;

class Problem {
  constructor(readonly message: string) {}
}

function fail(path: string, what: string): never {
  throw new Problem(`${path}: ${what}`);
}

function object(v: unknown, path: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "expected an object");
  return v as Obj;
}

function text(v: unknown, path: string): string {
  if (typeof v !== "string") fail(path, "expected a string");
  if (v.length > WORKSPACE_LIMITS.textChars) fail(path, "text too long");
  return v;
}

function integer(v: unknown, path: string, max: number): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0 || v > max) fail(path, `expected a whole number from 0 to ${max}`);
  return v;
}

function seconds(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > WORKSPACE_LIMITS.seconds) fail(path, "expected virtual seconds");
  return v;
}

function optionalText(o: Obj, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : text(o[key], `${path}.${key}`);
}

function action(v: unknown, path: string): UiAction {
  const o = object(v, path);
  switch (o.type) {
    case "node": {
      const a: UiAction = { type: "node", name: text(o.name, `${path}.name`) };
      if (o.state !== undefined) {
        if (!NODE_STATES.includes(o.state as NodeActionState)) fail(`${path}.state`, `expected one of ${NODE_STATES.join(", ")}`);
        a.state = o.state as NodeActionState;
      }
      if (o.taint !== undefined) {
        const t = object(o.taint, `${path}.taint`);
        if (!TAINT_EFFECTS.includes(t.effect as TaintEffect)) fail(`${path}.taint.effect`, `expected one of ${TAINT_EFFECTS.join(", ")}`);
        const value = optionalText(t, "value", `${path}.taint`);
        a.taint = { key: text(t.key, `${path}.taint.key`), effect: t.effect as TaintEffect, ...(value === undefined ? {} : { value }) };
      }
      const untaint = optionalText(o, "untaint", path);
      if (untaint !== undefined) a.untaint = untaint;
      return a;
    }
    case "delete": {
      // The kind is checked by the engine like any kubectl input; here it only has to be a name.
      const namespace = optionalText(o, "namespace", path);
      return { type: "delete", kind: text(o.kind, `${path}.kind`) as Kind, name: text(o.name, `${path}.name`), ...(namespace === undefined ? {} : { namespace }) };
    }
    default:
      return fail(`${path}.type`, "expected node or delete");
  }
}

function command(v: unknown, path: string): ReplayCommand {
  const o = object(v, path);
  switch (o.type) {
    case "apply": return { type: "apply", yaml: text(o.yaml, `${path}.yaml`) };
    case "action": return { type: "action", action: action(o.action, `${path}.action`) };
    case "kubectl": {
      const stdin = optionalText(o, "stdin", path);
      return { type: "kubectl", command: text(o.command, `${path}.command`), ...(stdin === undefined ? {} : { stdin }) };
    }
    default: return fail(`${path}.type`, "expected apply, action or kubectl");
  }
}

function entry(v: unknown, path: string): ReplayEntry {
  const o = object(v, path);
  return {
    atStep: integer(o.atStep, `${path}.atStep`, WORKSPACE_LIMITS.steps),
    time: seconds(o.time, `${path}.time`),
    command: command(o.command, `${path}.command`),
  };
}

function view(v: unknown): ViewSettings {
  // View settings are a convenience: an unknown or odd one falls back to its default.
  const o = typeof v === "object" && v !== null ? (v as Obj) : {};
  const speed = typeof o.speed === "number" && o.speed >= WORKSPACE_LIMITS.speed.min && o.speed <= WORKSPACE_LIMITS.speed.max ? o.speed : DEFAULT_VIEW.speed;
  const canvasView = CANVAS_VIEWS.find((c) => c === o.canvasView) ?? DEFAULT_VIEW.canvasView;
  const panel = PANELS.find((p) => p === o.panel) ?? DEFAULT_VIEW.panel;
  return { speed, canvasView, panel, selection: selection(o.selection) };
}

function selection(v: unknown): SelectedRef | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Obj;
  const short = (x: unknown) => typeof x === "string" && x.length > 0 && x.length <= 253;
  if (!short(o.kind) || !short(o.name) || (o.namespace !== undefined && !short(o.namespace))) return null;
  return { kind: o.kind as Kind, name: o.name as string, ...(o.namespace === undefined ? {} : { namespace: o.namespace as string }) };
}

/** The view settings that differ from the defaults. */
function compactView(v: ViewSettings): Partial<ViewSettings> {
  return {
    ...(v.speed !== DEFAULT_VIEW.speed ? { speed: v.speed } : {}),
    ...(v.canvasView !== DEFAULT_VIEW.canvasView ? { canvasView: v.canvasView } : {}),
    ...(v.panel !== DEFAULT_VIEW.panel ? { panel: v.panel } : {}),
    ...(v.selection ? { selection: v.selection } : {}),
  };
}

function sameView(a: ViewSettings, b: ViewSettings): boolean {
  return a.speed === b.speed && a.canvasView === b.canvasView && a.panel === b.panel && JSON.stringify(a.selection) === JSON.stringify(b.selection);
}

/**
 * The workspace with the fields at their defaults left out (no commands, t = 0, an editor showing
 * the loaded text, the default view): links stay short. `parseWorkspace` fills them back in.
 */
export function compactWorkspace(ws: Workspace): Omit<Partial<Workspace>, "view"> & Pick<Workspace, "scenario"> & { view?: Partial<ViewSettings> } {
  return {
    scenario: ws.scenario,
    ...(ws.commands.length > 0 ? { commands: ws.commands, ran: ws.ran } : {}),
    ...(ws.position.step > 0 || ws.position.time > 0 ? { position: ws.position } : {}),
    ...(ws.editor !== ws.scenario.yaml ? { editor: ws.editor } : {}),
    ...(sameView(ws.view, DEFAULT_VIEW) ? {} : { view: compactView(ws.view) }),
  };
}

/** Checks a decoded value against the workspace shape; the problem names the first bad field. */
export function parseWorkspace(v: unknown): Parsed<Workspace> {
  // Each check throws a Problem that ends the walk; it never leaves this function.
  try {
    const o = object(v, "workspace");
    const sc = object(o.scenario, "scenario");
    const yaml = text(sc.yaml, "scenario.yaml");
    const seed = sc.seed === undefined ? undefined : integer(sc.seed, "scenario.seed", 2 ** 32 - 1);
    const list = o.commands ?? [];
    if (!Array.isArray(list)) fail("commands", "expected a list");
    if (list.length > WORKSPACE_LIMITS.commands) fail("commands", `more than ${WORKSPACE_LIMITS.commands}`);
    const commands = list.map((c, i) => entry(c, `commands[${i}]`));
    const ran = integer(o.ran ?? 0, "ran", commands.length);
    const pos = object(o.position ?? { step: 0, time: 0 }, "position");
    return {
      ok: true,
      value: {
        scenario: { yaml, ...(seed === undefined ? {} : { seed }) },
        commands,
        ran,
        position: { step: integer(pos.step, "position.step", WORKSPACE_LIMITS.steps), time: seconds(pos.time, "position.time") },
        editor: o.editor === undefined ? yaml : text(o.editor, "editor"),
        view: view(o.view),
      },
    };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.message };
    throw e;
  }
}

/** A workspace that has not run yet: `yaml` loaded at t = 0 and shown in the editor. */
export function freshWorkspace(yaml: string, view: Partial<ViewSettings> = {}): Workspace {
  return { scenario: { yaml }, commands: [], ran: 0, position: { step: 0, time: 0 }, editor: yaml, view: { ...DEFAULT_VIEW, ...view } };
}
