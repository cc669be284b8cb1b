/**
 * PodInfo (pkg/scheduler/framework types.go): a pod with what the scheduler derives from it once —
 * its requests, host ports, resolved priority and parsed inter-pod (anti-)affinity terms — so the
 * per-node loops only compare numbers and compiled selectors.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from "kubernetes-types/core/v1";
import type { LabelSelector, LabelSelectorRequirement } from "kubernetes-types/meta/v1";
import { compileSelector, isSelectorError, NOTHING, type Labels, type Selector } from "../api/selector";
import type { Stored } from "../api/types";
import type { NodeInfo } from "./node-info";
import { requiredNodeAffinity, type RequiredNodeAffinity } from "./nodeaffinity";
import { podRequests, type Resources } from "./resources";

/** AffinityTerm: the namespaces and selectors of one PodAffinityTerm. */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  /** NOTHING when the term has no namespaceSelector; EVERYTHING for `{}`. */
  readonly namespaceSelector: Selector;
  readonly selector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** A string equal for terms that select the same pods under the same topology key. */
export function termSignature(t: AffinityTerm): string {
  const ns = t.namespaceSelector === NOTHING ? "" : `sel:${t.namespaceSelector.toString() || "*"}`;
  const sel = t.selector === NOTHING ? "<nothing>" : t.selector.toString();
  return `${[...t.namespaces].sort().join(",")}|${ns}|${sel}|${t.topologyKey}`;
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels match. */
export function termMatches(t: AffinityTerm, pod: PodInfo, nsLabels: Labels | undefined): boolean {
  if (t.namespaces.has(pod.namespace) || t.namespaceSelector.matches(nsLabels)) {
    return t.selector.matches(pod.labels);
  }
  return false;
}

/** The host ports a pod binds (containers and sidecars; hostPort 0 binds nothing). */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

export class PodInfo {
  readonly key: string;
  readonly uid: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Actual requests (init containers, sidecars, overhead). */
  readonly requests: Resources;
  /** Requests with the scoring defaults for containers that request no cpu / memory. */
  readonly nonZeroCpu: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** The node the scheduler cache counts this pod on, while it does. */
  node: NodeInfo | undefined = undefined;
  private required: RequiredNodeAffinity | undefined;
  /** ImageLocality's normalized image names, computed on first use. */
  images: readonly string[] | undefined = undefined;
  private antiSignatures: string[] | undefined;

  /**
   * `priority` and `preemptionPolicy` are what the Priority admission plugin would have written
   * into the spec from the pod's PriorityClass (see priority.ts).
   */
  constructor(
    readonly pod: Stored<"Pod">,
    readonly priority: number = pod.spec?.priority ?? 0,
    readonly preemptionPolicy: string = pod.spec?.preemptionPolicy ?? "PreemptLowerPriority",
  ) {
    const meta = pod.metadata;
    this.uid = meta.uid;
    this.namespace = meta.namespace ?? "default";
    this.key = `${this.namespace}/${meta.name}`;
    this.labels = meta.labels ?? {};
    this.requests = podRequests(pod);
    const nz = podRequests(pod, true);
    this.nonZeroCpu = nz.cpu;
    this.nonZeroMemory = nz.memory;
    this.hostPorts = hostPortsOf(pod);
    const a = pod.spec?.affinity;
    this.requiredAffinityTerms = terms(pod, a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms = terms(pod, a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.preferredAffinityTerms = weightedTerms(pod, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms = weightedTerms(pod, a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
  }

  get name(): string {
    return this.pod.metadata.name;
  }

  /** Pod affinity or anti-affinity of any kind (NodeInfo.PodsWithAffinity). */
  get hasAffinity(): boolean {
    const a = this.pod.spec?.affinity;
    return !!(a && (a.podAffinity || a.podAntiAffinity));
  }

  get hasRequiredAntiAffinity(): boolean {
    return this.requiredAntiAffinityTerms.length > 0;
  }

  /** spec.nodeSelector and required node affinity, compiled on first use. */
  get requiredNodeAffinity(): RequiredNodeAffinity {
    return (this.required ??= requiredNodeAffinity(this.pod));
  }

  /** The signatures of the required anti-affinity terms (see termSignature). */
  get requiredAntiAffinitySignatures(): readonly string[] {
    return (this.antiSignatures ??= this.requiredAntiAffinityTerms.map(termSignature));
  }

  get terminating(): boolean {
    return this.pod.metadata.deletionTimestamp !== undefined;
  }
}

function hostPortsOf(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const spec = pod.spec;
  if (!spec) return out;
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always")];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      // With hostNetwork the container port is the host port (API-server defaulting).
      const port = p.hostPort || (spec.hostNetwork ? p.containerPort : 0);
      if (port > 0) out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port });
    }
  }
  return out;
}

/**
 * matchLabelKeys / mismatchLabelKeys: the API server merges `key In (value)` / `key NotIn (value)`
 * for each key the pod carries into the term's labelSelector at admission; doing it here gives the
 * same selector and is idempotent.
 */
function mergedSelector(pod: Pod, t: PodAffinityTerm): Selector {
  const labels = pod.metadata?.labels ?? {};
  const extra: LabelSelectorRequirement[] = [];
  for (const k of t.matchLabelKeys ?? []) if (labels[k] !== undefined) extra.push({ key: k, operator: "In", values: [labels[k]!] });
  for (const k of t.mismatchLabelKeys ?? []) if (labels[k] !== undefined) extra.push({ key: k, operator: "NotIn", values: [labels[k]!] });
  let sel: LabelSelector | undefined = t.labelSelector;
  if (extra.length > 0) sel = { matchLabels: sel?.matchLabels, matchExpressions: [...(sel?.matchExpressions ?? []), ...extra] };
  const compiled = compileSelector(sel);
  // An invalid selector never gets past API validation; if one does, it selects nothing.
  return isSelectorError(compiled) ? NOTHING : compiled;
}

function term(pod: Pod, t: PodAffinityTerm): AffinityTerm {
  const nsSel = t.namespaceSelector ? compileSelector(t.namespaceSelector) : NOTHING;
  const namespaces = new Set<string>(t.namespaces ?? []);
  // getNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector means the pod's own.
  if ((t.namespaces ?? []).length === 0 && !t.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? "default");
  return {
    namespaces,
    namespaceSelector: isSelectorError(nsSel) ? NOTHING : nsSel,
    selector: mergedSelector(pod, t),
    topologyKey: t.topologyKey,
  };
}

function terms(pod: Pod, list: readonly PodAffinityTerm[] | undefined): AffinityTerm[] {
  return (list ?? []).map((t) => term(pod, t));
}

function weightedTerms(pod: Pod, list: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (list ?? []).map((w) => ({ ...term(pod, w.podAffinityTerm), weight: w.weight }));
}
