/**
 * The contract between the scenario loader and the rest of the engine: what a parsed scenario or
 * manifest stream looks like, and how a problem in it is reported.
 */
import type { Kind, KObject } from "../api/types";
import type { Millis } from "../clock/time";

/**
 * A problem in the input, where it is. `message` is complete on its own and reads as Kubernetes
 * writes it ("spec.replicas: Invalid value: -1: must be greater than or equal to 0"); `path` repeats
 * the field path for tools that want to highlight it.
 */
export interface ScenarioError {
  /** 0-based index of the YAML document in the stream. */
  doc: number;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** Field path inside the document, as Kubernetes prints it: "spec.containers[0].image". */
  path?: string;
  message: string;
  /** Warnings never stop a document from loading. */
  severity: "error" | "warning";
}

/** Nodes to create when the scenario has no Node documents: `zones × nodesPerZone` identical nodes. */
export interface ClusterShorthand {
  zones: string[];
  nodesPerZone: number;
  node: { cpu: string; memory: string; pods: number };
}

export type NodeActionState = "Down" | "Up" | "Cordon" | "Uncordon" | "Drain";

export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

/**
 * One entry of the Scenario's timeline. `at` is virtual time since t = 0; `doc` and `line` locate
 * the entry in the scenario text, so a failure at run time can point back at it.
 */
export type ScenarioAction = { at: Millis; doc: number; line: number } & (
  /** `command` is the kubectl command line without the leading "kubectl". */
  | { type: "kubectl"; command: string }
  /** At least one of state, taint, untaint is set. */
  | { type: "node"; name: string; state?: NodeActionState; taint?: { key: string; value?: string; effect: TaintEffect }; untaint?: string }
  /** A manifest already checked at load time (it parses and validates with no error). */
  | { type: "apply"; manifest: string }
  /** `namespace` is set for namespaced kinds ("default" unless given), absent for cluster-scoped ones. */
  | { type: "delete"; kind: Kind; namespace?: string; name: string });

export interface ScenarioSpec {
  name: string;
  title: { en?: string; ko?: string };
  seed?: number;
  /** Virtual time 0 in unix milliseconds, on a whole minute; DEFAULT_EPOCH unless the Scenario says otherwise. */
  epochMs: number;
  cluster?: ClusterShorthand;
  /** Sorted by `at`; actions at the same time keep their order in the document. */
  actions: ScenarioAction[];
}

export interface ParsedObject {
  doc: number;
  /** 1-based line where the object starts. */
  line: number;
  kind: Kind;
  /** The object with API-server defaults applied (see defaults.ts). */
  object: KObject;
}

/**
 * Everything that loaded, and every problem found. A document with an error is left out of
 * `objects` (or of `scenario`); the other documents still load.
 */
export interface ParseResult {
  objects: ParsedObject[];
  scenario?: ScenarioSpec;
  errors: ScenarioError[];
}

/** What `kubectl apply -f` input parses to: plain objects, no Scenario. */
export type ManifestResult = Pick<ParseResult, "objects" | "errors">;
