/**
 * The playground's own document (kind Scenario, kubeplay.dev/v1alpha1): its checks beyond the
 * schema and its conversion to a ScenarioSpec. The document has already passed the schema
 * (generated from SCENARIO_DEFINITIONS in scripts/generate-schema.ts).
 */
import { KINDS, resolveKind } from "../api/types";
import { validateDNS1123Subdomain, validateLabelKey, validateLabelValue } from "../api/label-validation";
import { cmp, decodeQuantity, isQuantityError, ZERO } from "../api/quantity";
import { DEFAULT_EPOCH, parseDuration, type Millis } from "../clock/time";
import { child, duplicate, forbidden, index, invalid, path, required, type FieldError, type FieldPath } from "./field";
import { LIMITS } from "./limits";
import { dns1123LabelErrors } from "./validate-meta";
import type { ClusterShorthand, NodeActionState, ScenarioAction, ScenarioSpec, TaintEffect } from "./types";

export const SCENARIO_API_VERSION = "kubeplay.dev/v1alpha1";

/** What the shorthand means when a field is left out: one zone "a", one node, a 4-CPU / 16 GiB node. */
export const CLUSTER_DEFAULTS: ClusterShorthand = {
  zones: ["a"],
  nodesPerZone: 1,
  // pods: the kubelet's default maxPods.
  node: { cpu: "4", memory: "16Gi", pods: 110 },
};

const ACTION_KINDS = ["kubectl", "node", "apply", "delete"] as const;

interface RawAction {
  at: string | number;
  kubectl?: string;
  node?: { name: string; state?: NodeActionState; taint?: { key: string; value?: string; effect: TaintEffect }; untaint?: string };
  apply?: string;
  delete?: string;
  namespace?: string;
}

interface RawScenario {
  metadata?: { name?: string };
  spec?: {
    title?: { en?: string; ko?: string };
    seed?: number;
    startTime?: string;
    cluster?: { zones?: string[]; nodesPerZone?: number; node?: { cpu?: string | number; memory?: string | number; pods?: number } };
    actions?: RawAction[];
  };
}

export interface ScenarioBuild {
  spec?: ScenarioSpec;
  errors: FieldError[];
}

/** `lineOf` maps a field path to its 1-based line in the text, so actions can point back at it. */
export function buildScenario(raw: unknown, doc: number, lineOf: (p: FieldPath) => number): ScenarioBuild {
  const s = raw as RawScenario;
  const errors: FieldError[] = [];
  const name = s.metadata?.name ?? "";
  if (!name) errors.push(required(path("metadata", "name"), "name or generateName is required"));
  else for (const msg of validateDNS1123Subdomain(name)) errors.push(invalid(path("metadata", "name"), name, msg));
  const spec = s.spec ?? {};
  const at = path("spec");
  if (spec.seed !== undefined && (spec.seed < 0 || !Number.isSafeInteger(spec.seed))) {
    errors.push(invalid(child(at, "seed"), spec.seed, `must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}`));
  }
  let epochMs = DEFAULT_EPOCH;
  if (spec.startTime !== undefined) {
    const t = Date.parse(spec.startTime);
    if (Number.isNaN(t)) errors.push(invalid(child(at, "startTime"), spec.startTime, "is not a valid date and time"));
    else if (t % 60_000 !== 0) errors.push(invalid(child(at, "startTime"), spec.startTime, "must be on a whole minute (seconds 0), so that cron schedules line up"));
    else epochMs = t;
  }
  const cluster = spec.cluster ? buildCluster(spec.cluster, child(at, "cluster"), errors) : undefined;
  const rawActions = spec.actions ?? [];
  const actions: ScenarioAction[] = [];
  if (rawActions.length > LIMITS.maxActions) {
    errors.push(invalid(child(at, "actions"), `${rawActions.length} actions`, `the playground accepts at most ${LIMITS.maxActions} actions per scenario`));
  } else {
    rawActions.forEach((a, i) => {
      const ap = index(child(at, "actions"), i);
      const action = buildAction(a, ap, errors);
      if (action) actions.push({ ...action, doc, line: lineOf(ap) } as ScenarioAction);
    });
  }
  if (errors.some((e) => e.severity === "error")) return { errors };
  // Stable: actions at the same time keep their order in the document.
  actions.sort((a, b) => a.at - b.at);
  const title: ScenarioSpec["title"] = {};
  if (spec.title?.en !== undefined) title.en = spec.title.en;
  if (spec.title?.ko !== undefined) title.ko = spec.title.ko;
  const result: ScenarioSpec = { name, title, epochMs, actions };
  if (spec.seed !== undefined) result.seed = spec.seed;
  if (cluster) result.cluster = cluster;
  return { spec: result, errors };
}

function buildCluster(c: NonNullable<NonNullable<RawScenario["spec"]>["cluster"]>, at: FieldPath, errors: FieldError[]): ClusterShorthand {
  const zones = c.zones ?? CLUSTER_DEFAULTS.zones;
  if (zones.length === 0) errors.push(required(child(at, "zones"), "at least one zone"));
  const seen = new Set<string>();
  zones.forEach((z, i) => {
    const zp = index(child(at, "zones"), i);
    if (!z) errors.push(required(zp));
    for (const msg of validateLabelValue(z)) errors.push(invalid(zp, z, msg));
    for (const msg of z ? dns1123LabelErrors(z) : []) errors.push(invalid(zp, z, `${msg} (zone names become part of node names)`));
    if (seen.has(z)) errors.push(duplicate(zp, z));
    seen.add(z);
  });
  const nodesPerZone = c.nodesPerZone ?? CLUSTER_DEFAULTS.nodesPerZone;
  if (nodesPerZone < 1) errors.push(invalid(child(at, "nodesPerZone"), nodesPerZone, "must be greater than or equal to 1"));
  else if (zones.length * nodesPerZone > LIMITS.maxNodes) {
    errors.push(invalid(child(at, "nodesPerZone"), nodesPerZone,
      `the cluster shorthand makes ${zones.length * nodesPerZone} nodes (${zones.length} zones × ${nodesPerZone}); the playground runs at most ${LIMITS.maxNodes} nodes`));
  }
  const node = { ...CLUSTER_DEFAULTS.node };
  for (const f of ["cpu", "memory"] as const) {
    const v = c.node?.[f];
    if (v === undefined) continue;
    const q = decodeQuantity(v);
    if (!isQuantityError(q) && cmp(q, ZERO) <= 0) errors.push(invalid(path(...at.segments, "node", f), v, "must be greater than zero"));
    node[f] = String(v);
  }
  if (c.node?.pods !== undefined) {
    if (c.node.pods < 1) errors.push(invalid(path(...at.segments, "node", "pods"), c.node.pods, "must be greater than or equal to 1"));
    node.pods = c.node.pods;
  }
  return { zones: [...zones], nodesPerZone, node };
}

/** An action before its place in the text is known. */
type ActionBody = ScenarioAction extends infer A ? (A extends unknown ? Omit<A, "doc" | "line"> : never) : never;
type NodeActionBody = Extract<ActionBody, { type: "node" }>;

function buildAction(a: RawAction, at: FieldPath, errors: FieldError[]): ActionBody | undefined {
  const when = parseDuration(a.at);
  if (when === undefined) return undefined; // the schema's duration format already said why
  const present = ACTION_KINDS.filter((k) => a[k] !== undefined);
  if (present.length === 0) {
    errors.push(required(at, "one of kubectl, node, apply or delete"));
    return undefined;
  }
  for (const extra of present.slice(1)) {
    errors.push(forbidden(child(at, extra), `may not be combined with ${present[0]} (one action per entry)`));
  }
  if (a.namespace !== undefined && present[0] !== "delete") errors.push(forbidden(child(at, "namespace"), "only allowed with delete"));
  if (present.length > 1) return undefined;
  switch (present[0]!) {
    case "kubectl": {
      const command = a.kubectl!.trim().replace(/^kubectl\s+/, "");
      if (!command) { errors.push(required(child(at, "kubectl"), 'a command such as "scale deployment/web --replicas=5"')); return undefined; }
      return { at: when, type: "kubectl", command };
    }
    case "node": {
      const n = a.node!;
      const np = child(at, "node");
      if (!n.name) errors.push(required(child(np, "name")));
      if (n.state === undefined && n.taint === undefined && n.untaint === undefined) {
        errors.push(required(np, "one of state, taint or untaint"));
      }
      if (n.taint) for (const msg of validateLabelKey(n.taint.key)) errors.push(invalid(path(...np.segments, "taint", "key"), n.taint.key, msg));
      if (n.taint?.value) for (const msg of validateLabelValue(n.taint.value)) errors.push(invalid(path(...np.segments, "taint", "value"), n.taint.value, msg));
      const body: NodeActionBody = { at: when, type: "node", name: n.name };
      if (n.state !== undefined) body.state = n.state;
      if (n.taint !== undefined) body.taint = n.taint.value === undefined ? { key: n.taint.key, effect: n.taint.effect } : { ...n.taint };
      if (n.untaint !== undefined) body.untaint = n.untaint;
      return body;
    }
    case "apply":
      if (!a.apply!.trim()) { errors.push(required(child(at, "apply"), "a YAML manifest")); return undefined; }
      return { at: when, type: "apply", manifest: a.apply! };
    case "delete":
      return buildDelete(a, at, when, errors);
  }
}

function buildDelete(a: RawAction, at: FieldPath, when: Millis, errors: FieldError[]): ActionBody | undefined {
  const dp = child(at, "delete");
  const [kindText, name, ...rest] = a.delete!.trim().split("/");
  if (!kindText || !name || rest.length > 0) {
    errors.push(invalid(dp, a.delete, "must be kind/name, e.g. pod/web-0"));
    return undefined;
  }
  const kind = resolveKind(kindText);
  if (!kind) {
    errors.push(invalid(dp, a.delete, `the server doesn't have a resource type ${JSON.stringify(kindText)}`));
    return undefined;
  }
  if (!KINDS[kind].namespaced) return { at: when, type: "delete", kind, name };
  const namespace = a.namespace ?? "default";
  for (const msg of dns1123LabelErrors(namespace)) errors.push(invalid(child(at, "namespace"), namespace, msg));
  return { at: when, type: "delete", kind, namespace, name };
}

