/**
 * The scheduler cache (pkg/scheduler/backend/cache): NodeInfos kept current from watch events,
 * listed in upstream's node-tree order (zones interleaved: the first node of each zone, then the
 * second of each, …) so that sampling with percentageOfNodesToScore spreads over zones.
 *
 * Beside upstream's per-node aggregates it keeps a few indexes so that a cycle's cost follows the
 * pods that matter rather than the size of the cluster: assigned pods by namespace, pods with
 * required anti-affinity, nodes holding pods with affinity, and nodes by topology value. Also the
 * other objects plugins read: namespace labels, image spread, and the Services, ReplicaSets and
 * StatefulSets that give a pod its default topology spread selector.
 */
import type { Labels, Selector } from "../api/selector";
import type { Stored } from "../api/types";
import { CountIndex, type CountSpec, type TopologyCounts } from "./count-index";
import { defaultSelector, type OwnerSelectors } from "./default-selector";
import { NodeInfo } from "./node-info";
import type { AffinityTerm, PodInfo } from "./pod-info";

export const LABEL_ZONE = "topology.kubernetes.io/zone";
export const LABEL_REGION = "topology.kubernetes.io/region";
export const LABEL_HOSTNAME = "kubernetes.io/hostname";
const LABEL_ZONE_BETA = "failure-domain.beta.kubernetes.io/zone";
const LABEL_REGION_BETA = "failure-domain.beta.kubernetes.io/region";

/** utilnode.GetZoneKey: region and zone joined; "" when the node has neither. */
function zoneKey(labels: Readonly<Record<string, string>>): string {
  const zone = labels[LABEL_ZONE] ?? labels[LABEL_ZONE_BETA] ?? "";
  const region = labels[LABEL_REGION] ?? labels[LABEL_REGION_BETA] ?? "";
  return region === "" && zone === "" ? "" : `${region}:\x00:${zone}`;
}

/** What plugins may read about the cluster during a cycle (the framework Handle's snapshot lister). */
export interface Snapshot {
  /** All nodes, in node-tree order. */
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  numNodes(): number;
  /** Nodes holding pods with pod affinity or anti-affinity (insertion order). */
  havePodsWithAffinity(): Iterable<NodeInfo>;
  /** Assigned pods with required anti-affinity terms (insertion order). */
  podsWithRequiredAntiAffinity(): ReadonlySet<PodInfo>;
  /** How many assigned pods have required affinity or preferred (anti-)affinity terms. */
  scoringAffinityPods(): number;
  /** Assigned pods of a namespace (insertion order). */
  podsInNamespace(ns: string): ReadonlySet<PodInfo>;
  /** Namespaces with assigned pods. */
  podNamespaces(): Iterable<string>;
  /** The node an assigned pod is counted on (undefined while its node is unknown). */
  nodeOf(p: PodInfo): NodeInfo | undefined;
  /** Nodes by the value of one label, each list in node-tree order; nodes without it are left out. */
  domains(key: string): ReadonlyMap<string, readonly NodeInfo[]>;
  /** The values of `key` among nodes that have every label of `requireAll`. */
  domainValues(key: string, requireAll: readonly string[]): ReadonlySet<string>;
  /** Memoized counts of assigned pods by topology value (see count-index.ts). Read-only. */
  topologyCounts(spec: CountSpec): TopologyCounts;
  /** The distinct required anti-affinity terms of assigned pods, by signature. */
  existingAntiAffinityTerms(): ReadonlyMap<string, AffinityTerm>;
  namespaceLabels(ns: string): Labels | undefined;
  /** Names of the namespaces whose labels match `sel`. */
  namespacesMatching(sel: Selector): string[];
  /** How many nodes list this image (ImageStateSummary.NumNodes). */
  imageNumNodes(image: string): number;
  /** helper.DefaultSelector: Services, ReplicaSet or StatefulSet selecting the pod; undefined if none. */
  defaultSpreadSelector(pod: PodInfo): Selector | undefined;
}

const EMPTY_PODS: ReadonlySet<PodInfo> = new Set();

export class SchedulerCache implements Snapshot {
  private readonly nodes = new Map<string, NodeInfo>();
  /** Pods bound to a node that is not (yet) known; attached when it appears. */
  private readonly orphans = new Map<string, Map<string, PodInfo>>();
  /** Assigned pods by uid → the node they are counted on. */
  private readonly assigned = new Map<string, { node: string; info: PodInfo }>();
  private readonly zones: string[] = [];
  private readonly tree = new Map<string, string[]>();
  private ordered: NodeInfo[] = [];
  private orderDirty = false;
  private readonly domainIndex = new Map<string, Map<string, NodeInfo[]>>();
  private readonly domainValueIndex = new Map<string, Set<string>>();
  private readonly counts = new CountIndex(() => this.assignedOnNodes());
  /** Signature → term and how many assigned pods carry it. */
  private readonly antiTerms = new Map<string, { term: AffinityTerm; n: number }>();
  private readonly imageNodes = new Map<string, number>();
  private readonly nsLabels = new Map<string, Labels>();
  /** Node → how many of its pods have pod (anti-)affinity. */
  private readonly nodesWithAffinity = new Map<NodeInfo, number>();
  private readonly antiAffinityPods = new Set<PodInfo>();
  private scoringAffinity = 0;
  private readonly byNamespace = new Map<string, Set<PodInfo>>();

  constructor(private readonly owners: OwnerSelectors) {}

  // ---- nodes ----

  addNode(node: Stored<"Node">): NodeInfo {
    if (this.nodes.has(node.metadata.name)) return this.updateNode(node).node;
    const ni = new NodeInfo(node);
    this.nodes.set(ni.name, ni);
    this.treeAdd(ni);
    this.countImages(ni, 1);
    const waiting = this.orphans.get(ni.name);
    if (waiting) {
      for (const p of waiting.values()) this.attach(ni, p);
      this.orphans.delete(ni.name);
    }
    return ni;
  }

  /**
   * Applies a new node version; returns a copy of the old state for event hints when `keepOld`
   * (otherwise the same NodeInfo twice, sparing a copy on every heartbeat).
   */
  updateNode(node: Stored<"Node">, keepOld = true): { old: NodeInfo; node: NodeInfo } {
    const ni = this.nodes.get(node.metadata.name);
    if (!ni) {
      const added = this.addNode(node);
      return { old: added, node: added };
    }
    const old = keepOld ? ni.clone() : ni;
    const oldZone = zoneKey(ni.labels);
    const oldLabels = ni.labels;
    this.countImages(ni, -1);
    ni.setNode(node);
    this.countImages(ni, 1);
    if (JSON.stringify(oldLabels) !== JSON.stringify(ni.labels)) {
      this.domainIndex.clear();
      this.domainValueIndex.clear();
      this.counts.clear();
    }
    if (zoneKey(ni.labels) !== oldZone) {
      this.treeRemove(ni.name, oldZone);
      this.treeAdd(ni);
    }
    return { old, node: ni };
  }

  removeNode(name: string): NodeInfo | undefined {
    const ni = this.nodes.get(name);
    if (!ni) return undefined;
    this.nodes.delete(name);
    this.treeRemove(name, zoneKey(ni.labels));
    this.countImages(ni, -1);
    this.nodesWithAffinity.delete(ni);
    this.counts.clear();
    // Pods still bound to a deleted node stay known until they are deleted themselves.
    if (ni.pods.length > 0) this.orphans.set(name, new Map(ni.pods.map((p) => [p.uid, p])));
    for (const p of ni.pods) p.node = undefined;
    return ni;
  }

  private treeAdd(ni: NodeInfo): void {
    const z = zoneKey(ni.labels);
    let names = this.tree.get(z);
    if (!names) {
      this.tree.set(z, (names = []));
      this.zones.push(z);
    }
    names.push(ni.name);
    this.orderDirty = true;
  }

  private treeRemove(name: string, zone: string): void {
    const names = this.tree.get(zone);
    if (!names) return;
    const i = names.indexOf(name);
    if (i >= 0) names.splice(i, 1);
    if (names.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    this.orderDirty = true;
  }

  private countImages(ni: NodeInfo, delta: number): void {
    for (const name of ni.images.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + delta;
      if (n > 0) this.imageNodes.set(name, n);
      else this.imageNodes.delete(name);
    }
  }

  // ---- assigned pods ----

  private attach(ni: NodeInfo, p: PodInfo): void {
    ni.addPod(p);
    p.node = ni;
    if (p.hasAffinity) this.nodesWithAffinity.set(ni, (this.nodesWithAffinity.get(ni) ?? 0) + 1);
    this.counts.podAdded(p, ni);
  }

  private *assignedOnNodes(): Iterable<[PodInfo, NodeInfo]> {
    for (const { info } of this.assigned.values()) if (info.node) yield [info, info.node];
  }

  /** Counts a bound, non-terminal pod on its node (replacing an older version of it). */
  setAssignedPod(p: PodInfo, nodeName: string): void {
    this.removeAssignedPod(p.uid);
    this.assigned.set(p.uid, { node: nodeName, info: p });
    this.index(p, 1);
    const ni = this.nodes.get(nodeName);
    if (ni) this.attach(ni, p);
    else {
      let m = this.orphans.get(nodeName);
      if (!m) this.orphans.set(nodeName, (m = new Map()));
      m.set(p.uid, p);
    }
  }

  removeAssignedPod(uid: string): { info: PodInfo; node: NodeInfo | undefined } | undefined {
    const a = this.assigned.get(uid);
    if (!a) return undefined;
    this.assigned.delete(uid);
    this.index(a.info, -1);
    const ni = this.nodes.get(a.node);
    if (ni) {
      ni.removePod(a.info);
      a.info.node = undefined;
      this.counts.podRemoved(a.info, ni);
      if (a.info.hasAffinity) {
        const n = (this.nodesWithAffinity.get(ni) ?? 0) - 1;
        if (n > 0) this.nodesWithAffinity.set(ni, n);
        else this.nodesWithAffinity.delete(ni);
      }
    } else this.orphans.get(a.node)?.delete(uid);
    return { info: a.info, node: ni };
  }

  assignedPod(uid: string): PodInfo | undefined {
    return this.assigned.get(uid)?.info;
  }

  private index(p: PodInfo, delta: 1 | -1): void {
    let ns = this.byNamespace.get(p.namespace);
    if (!ns) this.byNamespace.set(p.namespace, (ns = new Set()));
    if (delta > 0) ns.add(p);
    else ns.delete(p);
    if (p.hasRequiredAntiAffinity) {
      if (delta > 0) this.antiAffinityPods.add(p);
      else this.antiAffinityPods.delete(p);
      p.requiredAntiAffinityTerms.forEach((term, i) => {
        const sig = p.requiredAntiAffinitySignatures[i]!;
        const e = this.antiTerms.get(sig);
        const n = (e?.n ?? 0) + delta;
        if (n > 0) this.antiTerms.set(sig, { term: e?.term ?? term, n });
        else this.antiTerms.delete(sig);
      });
    }
    if (p.requiredAffinityTerms.length > 0 || p.preferredAffinityTerms.length > 0 || p.preferredAntiAffinityTerms.length > 0) {
      this.scoringAffinity += delta;
    }
  }

  // ---- namespaces ----

  setNamespace(name: string, labels: Labels | undefined): void {
    const old = this.nsLabels.get(name);
    if (old && JSON.stringify(old) !== JSON.stringify(labels ?? {})) this.counts.clear();
    this.nsLabels.set(name, labels ?? {});
  }

  removeNamespace(name: string): void {
    this.nsLabels.delete(name);
  }

  // ---- Snapshot ----

  list(): readonly NodeInfo[] {
    if (this.orderDirty) {
      // nodeTree.list: round-robin over the zones in the order they first appeared.
      const out: NodeInfo[] = [];
      const lists = this.zones.map((z) => this.tree.get(z)!);
      for (let i = 0; out.length < this.nodes.size; i++) {
        for (const names of lists) if (i < names.length) out.push(this.nodes.get(names[i]!)!);
      }
      this.ordered = out;
      this.orderDirty = false;
      this.domainIndex.clear();
      this.domainValueIndex.clear();
    }
    return this.ordered;
  }

  get(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  numNodes(): number {
    return this.nodes.size;
  }

  havePodsWithAffinity(): Iterable<NodeInfo> {
    return this.nodesWithAffinity.keys();
  }

  podsWithRequiredAntiAffinity(): ReadonlySet<PodInfo> {
    return this.antiAffinityPods;
  }

  scoringAffinityPods(): number {
    return this.scoringAffinity;
  }

  podsInNamespace(ns: string): ReadonlySet<PodInfo> {
    return this.byNamespace.get(ns) ?? EMPTY_PODS;
  }

  podNamespaces(): Iterable<string> {
    return this.byNamespace.keys();
  }

  nodeOf(p: PodInfo): NodeInfo | undefined {
    return p.node;
  }

  topologyCounts(spec: CountSpec): TopologyCounts {
    return this.counts.counts(spec);
  }

  existingAntiAffinityTerms(): ReadonlyMap<string, AffinityTerm> {
    const m = new Map<string, AffinityTerm>();
    for (const [sig, e] of this.antiTerms) m.set(sig, e.term);
    return m;
  }

  domainValues(key: string, requireAll: readonly string[]): ReadonlySet<string> {
    const domains = this.domains(key);
    const id = `${key}\u0000${requireAll.join("\u0000")}`;
    let set = this.domainValueIndex.get(id);
    if (!set) {
      set = new Set();
      for (const [v, nodes] of domains) {
        if (nodes.some((n) => requireAll.every((k) => n.labels[k] !== undefined))) set.add(v);
      }
      this.domainValueIndex.set(id, set);
    }
    return set;
  }

  domains(key: string): ReadonlyMap<string, readonly NodeInfo[]> {
    const all = this.list();
    let m = this.domainIndex.get(key);
    if (!m) {
      m = new Map();
      for (const n of all) {
        const v = n.labels[key];
        if (v === undefined) continue;
        let list = m.get(v);
        if (!list) m.set(v, (list = []));
        list.push(n);
      }
      this.domainIndex.set(key, m);
    }
    return m;
  }

  namespaceLabels(ns: string): Labels | undefined {
    return this.nsLabels.get(ns);
  }

  namespacesMatching(sel: Selector): string[] {
    const out: string[] = [];
    for (const [name, labels] of this.nsLabels) if (sel.matches(labels)) out.push(name);
    return out.sort();
  }

  imageNumNodes(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  defaultSpreadSelector(pod: PodInfo): Selector | undefined {
    return defaultSelector(pod, this.owners);
  }
}
