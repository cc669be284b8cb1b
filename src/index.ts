/**
 * Kubeplay's public engine API, curated on purpose (DESIGN §5). Hosts (the CLI, the Web Worker,
 * tests, benchmarks) import from here; anything not exported is internal and may change.
 */
export { Simulation, MAX_STEPS_PER_RUN, type LoadOptions, type LoadResult, type Snapshot, type StepRecord, type ApplyResult } from "./sim/simulation";
export { ChangeTracker, type Changes, type ObjectRef } from "./sim/changes";
export type { ActionResult, ApplyOutcome } from "./sim/actions";
export type { EventRecord, EventType } from "./api/events";
export { KINDS, resolveKind, type Kind, type KindMap, type KObject, type Stored } from "./api/types";
export type { ScenarioError, ScenarioSpec, ScenarioAction, ParseResult } from "./scenario/types";
export { parseScenario, parseManifests } from "./scenario/parse";
export { PROTOCOL_VERSION, type ToWorker, type FromWorker, type WireSnapshot, type WirePatch } from "./protocol/messages";
export { parseDuration, DEFAULT_EPOCH } from "./clock/time";
