/**
 * Resource arguments as kubectl's resource builder reads them ("deployment web", "deploy/web",
 * "deployments.apps web other", "deploy,rs web"), and the names kubectl prints for objects:
 * "deployment.apps/web" (name printer), `deployments.apps "web"` (errors, delete).
 */
import { isSelectorError, parseSelector, type Selector } from "../../api/selector";
import type { ObjectStore } from "../../api/store";
import { KINDS, resolveKind, type Kind } from "../../api/types";
import { groupKind } from "../printers";

export interface ResourceRef {
  kind: Kind;
  name: string;
}

export type ResourceArgs =
  | { ok: true; refs: ResourceRef[]; kindsOnly: Kind[] }
  | { ok: false; error: string };

const group = (kind: Kind): string => {
  const v = KINDS[kind].apiVersion;
  return v.includes("/") ? v.split("/")[0]! : "";
};

/** "deployment.apps/web": what `-o name` and "… scaled" lines print. */
export const objectName = (kind: Kind, name: string): string => `${groupKind(kind)}/${name}`;

/** "deployments.apps", "pods": GroupResource as API errors write it. */
export const groupResource = (kind: Kind): string => (group(kind) ? `${KINDS[kind].plural}.${group(kind)}` : KINDS[kind].plural);

/** The API server's NotFound, as kubectl prints it. */
export const notFound = (kind: Kind, name: string): string => `Error from server (NotFound): ${groupResource(kind)} "${name}" not found`;

export const unknownType = (t: string): string => `error: the server doesn't have a resource type "${t}"`;

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/**
 * ResourceTypeOrNameArgs: either every argument is TYPE/NAME, or the first is TYPE[,TYPE…] and
 * the rest are names. `kindsOnly` lists the types when no name was given (for --all / -l).
 */
export function parseResourceArgs(args: readonly string[]): ResourceArgs {
  if (args.length === 0) return { ok: true, refs: [], kindsOnly: [] };
  if (args[0]!.includes("/")) {
    const refs: ResourceRef[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) {
        return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      }
      const t = a.slice(0, slash), name = a.slice(slash + 1);
      const kind = resolveKind(t);
      if (!kind) return { ok: false, error: unknownType(t) };
      if (!name) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      refs.push({ kind, name });
    }
    return { ok: true, refs, kindsOnly: [] };
  }
  const kinds: Kind[] = [];
  for (const t of args[0]!.split(",").filter(Boolean)) {
    const kind = resolveKind(t);
    if (!kind) return { ok: false, error: unknownType(t) };
    kinds.push(kind);
  }
  const names = args.slice(1);
  if (names.length === 0) return { ok: true, refs: [], kindsOnly: kinds };
  return { ok: true, refs: kinds.flatMap((kind) => names.map((name) => ({ kind, name }))), kindsOnly: [] };
}

/** The namespace a namespaced kind lives in for this command; undefined for cluster-scoped kinds. */
export const namespaceFor = (kind: Kind, namespace: string): string | undefined => (KINDS[kind].namespaced ? namespace : undefined);

export interface Target {
  kind: Kind;
  name: string;
  namespace?: string;
}

export type Targets = { ok: true; targets: Target[]; notFound: string[] } | { ok: false; error: string };

/**
 * The objects a command acts on: named ones (a missing name is reported, in order, as NotFound
 * while the others still proceed), or with no names every object of the given kinds in the
 * namespace that --all or the -l selector picks.
 */
export function resolveTargets(
  store: ObjectStore, args: readonly string[], namespace: string, opts: { all?: boolean; selector?: string } = {},
): Targets {
  const parsed = parseResourceArgs(args);
  if (!parsed.ok) return parsed;
  if (parsed.refs.length === 0 && parsed.kindsOnly.length === 0) return { ok: false, error: `error: ${NO_RESOURCES}` };
  if (parsed.refs.length > 0) {
    if (opts.all || opts.selector !== undefined) return { ok: false, error: "error: name cannot be provided when a selector is specified" };
    const targets: Target[] = [];
    const missing: string[] = [];
    for (const r of parsed.refs) {
      const ns = namespaceFor(r.kind, namespace);
      if (store.get(r.kind, ns, r.name)) targets.push({ kind: r.kind, name: r.name, ...(ns ? { namespace: ns } : {}) });
      else missing.push(notFound(r.kind, r.name));
    }
    return { ok: true, targets, notFound: missing };
  }
  if (!opts.all && opts.selector === undefined) return { ok: false, error: "error: resource(s) were provided, but no name was specified" };
  let sel: Selector | undefined;
  if (opts.selector !== undefined) {
    const s = parseSelector(opts.selector);
    if (isSelectorError(s)) return { ok: false, error: `error: ${s.message}` };
    sel = s;
  }
  const targets: Target[] = [];
  for (const kind of parsed.kindsOnly) {
    const ns = namespaceFor(kind, namespace);
    for (const o of store.list(kind, ns)) {
      if (sel && !sel.matches(o.metadata.labels)) continue;
      targets.push({ kind, name: o.metadata.name, ...(ns ? { namespace: ns } : {}) });
    }
  }
  return { ok: true, targets, notFound: [] };
}
