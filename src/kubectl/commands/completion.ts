/**
 * Completion for the console: what may come next on a partial kubectl command line — command
 * names, subcommands, flags, resource types, object names from the store (in the namespace the
 * line names), flag values (-n namespaces, -o formats, -c containers) — as kubectl's cobra
 * completion offers them (`__complete`).
 */
import { KINDS, resolveKind, type Kind } from "../../api/types";
import { defaultRegistry, type CommandRegistry } from "./registry";
import { tokenize } from "./tokenize";
import type { KubectlHost } from "./types";

export interface Completion {
  /** The word being completed (empty after a space). */
  prefix: string;
  /** Whole words that may replace it, sorted. */
  candidates: string[];
}

const COMMON = ["--namespace", "-n"];
/** Flags each verb accepts (beyond -n), as its parser declares them. */
const FLAGS: Record<string, readonly string[]> = {
  get: ["--output", "-o", "--selector", "-l", "--field-selector", "--all-namespaces", "-A", "--show-labels", "--show-kind", "--watch", "-w", "--no-headers"],
  describe: ["--selector", "-l", "--all-namespaces", "-A", "--show-events"],
  logs: ["--container", "-c", "--previous", "-p", "--follow", "-f", "--tail", "--timestamps", "--prefix", "--all-containers", "--selector", "-l"],
  exec: ["--container", "-c", "--stdin", "-i", "--tty", "-t", "--quiet", "-q"],
  delete: ["--cascade", "--grace-period", "--now", "--force", "--all", "--selector", "-l", "--wait"],
  scale: ["--replicas", "--all", "--selector", "-l"],
  apply: ["--filename", "-f"],
  create: ["--filename", "-f", "--image", "--replicas", "--port", "--from-literal", "--tcp", "--clusterip", "--node-port", "--external-name"],
  run: ["--image", "--port", "--labels", "-l", "--env", "--restart", "--command", "--image-pull-policy"],
  expose: ["--port", "--target-port", "--name", "--type", "--protocol", "--selector", "--labels", "-l"],
  label: ["--overwrite", "--all", "--selector", "-l", "--list"],
  annotate: ["--overwrite", "--all", "--selector", "-l", "--list"],
  taint: ["--overwrite", "--all", "--selector", "-l"],
  cordon: ["--selector", "-l"],
  uncordon: ["--selector", "-l"],
  drain: ["--force", "--ignore-daemonsets", "--delete-emptydir-data", "--grace-period", "--timeout", "--selector", "-l", "--pod-selector", "--disable-eviction", "--skip-wait-for-delete-timeout"],
  top: ["--selector", "-l", "--all-namespaces", "-A", "--containers", "--sum", "--sort-by", "--no-headers"],
  rollout: ["--watch", "-w", "--revision", "--to-revision", "--timeout"],
  set: ["--all", "--selector", "-l"],
};

const SUBCOMMANDS: Record<string, readonly string[]> = {
  rollout: ["history", "pause", "restart", "resume", "status", "undo"],
  set: ["image"],
  create: ["configmap", "deployment", "namespace", "service"],
  top: ["node", "pod"],
};

/** What the first positional (after any subcommand) of a verb is. */
const FIRST: Record<string, "type" | "pod" | "node"> = {
  get: "type", describe: "type", delete: "type", scale: "type", label: "type", annotate: "type", expose: "type",
  rollout: "type", set: "type", logs: "pod", exec: "pod", cordon: "node", uncordon: "node", drain: "node", taint: "type",
};

const TYPES_FOR: Record<string, readonly Kind[]> = {
  scale: ["Deployment", "ReplicaSet", "StatefulSet"],
  rollout: ["Deployment", "DaemonSet", "StatefulSet"],
  expose: ["Deployment", "Pod", "ReplicaSet", "Service"],
  taint: ["Node"],
};

/** Flags whose value is the next word. */
const VALUE_FLAGS = new Set(["-n", "--namespace", "-o", "--output", "-c", "--container", "-l", "--selector", "--replicas", "--image", "--tail",
  "--grace-period", "--cascade", "--to-revision", "--revision", "--port", "--target-port", "--name", "--type", "--protocol", "--labels",
  "--env", "--restart", "--field-selector", "--sort-by", "--timeout", "--pod-selector", "--from-literal", "--tcp", "--filename", "-f"]);

const sorted = (xs: Iterable<string>, prefix: string): string[] => [...new Set(xs)].filter((x) => x.startsWith(prefix)).sort();

export function complete(host: KubectlHost, line: string, registry: CommandRegistry = defaultRegistry): Completion {
  const tok = tokenize(line);
  const words = tok.ok ? tok.argv : line.trim().split(/\s+/);
  const endsWithSpace = line === "" || /\s$/.test(line);
  const prefix = endsWithSpace ? "" : words.pop() ?? "";
  if (words[0] === "kubectl") words.shift();
  const verbs = registry.commands().flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  if (words.length === 0) return { prefix, candidates: sorted(verbs, prefix) };
  const verb = words[0]!;
  const store = host.store;
  let namespace = "default";
  for (let i = 1; i < words.length; i++) {
    if ((words[i] === "-n" || words[i] === "--namespace") && words[i + 1]) namespace = words[i + 1]!;
    else if (words[i]!.startsWith("--namespace=")) namespace = words[i]!.slice("--namespace=".length);
  }
  const namesOf = (kind: Kind): string[] => store.list(kind, KINDS[kind].namespaced ? namespace : undefined).map((o) => o.metadata.name);

  // A flag's value.
  const last = words[words.length - 1]!;
  if (VALUE_FLAGS.has(last)) {
    if (last === "-n" || last === "--namespace") return { prefix, candidates: sorted(namesOf("Namespace"), prefix) };
    if (last === "-o" || last === "--output") return { prefix, candidates: sorted(["json", "name", "wide", "yaml"], prefix) };
    if (last === "-c" || last === "--container") {
      const pod = words.slice(1).find((w) => !w.startsWith("-") && store.get("Pod", namespace, w));
      const p = pod ? store.get("Pod", namespace, pod) : undefined;
      return { prefix, candidates: sorted([...(p?.spec?.containers ?? []), ...(p?.spec?.initContainers ?? [])].map((c) => c.name), prefix) };
    }
    return { prefix, candidates: [] };
  }
  if (prefix.startsWith("-")) return { prefix, candidates: sorted([...(FLAGS[verb] ?? []), ...COMMON], prefix) };

  // Positionals so far (flag values skipped), after the verb.
  const positionals: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === "--") return { prefix, candidates: [] };
    if (w.startsWith("-")) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    positionals.push(w);
  }
  const subs = SUBCOMMANDS[verb];
  if (subs) {
    if (positionals.length === 0) return { prefix, candidates: sorted(subs, prefix) };
    const sub = positionals.shift()!;
    if (verb === "top") return { prefix, candidates: positionals.length === 0 ? sorted(namesOf(sub.startsWith("n") ? "Node" : "Pod"), prefix) : [] };
    if (verb === "create") {
      if (sub === "service" && positionals.length === 0) return { prefix, candidates: sorted(["clusterip", "externalname", "loadbalancer", "nodeport"], prefix) };
      return { prefix, candidates: [] };
    }
  }
  const first = FIRST[verb];
  if (!first) return { prefix, candidates: [] };
  if (first === "pod") return { prefix, candidates: positionals.length === 0 ? sorted(namesOf("Pod"), prefix) : [] };
  if (first === "node") return { prefix, candidates: sorted(namesOf("Node").filter((n) => !positionals.includes(n)), prefix) };
  const kinds = TYPES_FOR[verb] ?? (Object.keys(KINDS) as Kind[]);
  if (prefix.includes("/")) {
    const [t] = prefix.split("/");
    const kind = resolveKind(t!);
    return { prefix, candidates: kind ? sorted(namesOf(kind).map((n) => `${t}/${n}`), prefix) : [] };
  }
  if (positionals.length === 0) {
    const types = kinds.map((k) => KINDS[k].plural);
    return { prefix, candidates: sorted(verb === "get" ? [...types, "all"] : types, prefix) };
  }
  const kind = positionals[0]!.includes("/") ? undefined : resolveKind(positionals[0]!.split(",")[0]!);
  if (!kind) return { prefix, candidates: [] };
  return { prefix, candidates: sorted(namesOf(kind).filter((n) => !positionals.includes(n)), prefix) };
}
