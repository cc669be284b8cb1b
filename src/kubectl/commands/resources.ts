/**
 * Resource arguments as kubectl's resource builder reads them ("deployment web", "deploy/web",
 * "deployments.apps web other", "deploy,rs web"), and the names kubectl prints for objects:
 * "deployment.apps/web" (name printer), `deployments.apps "web"` (errors, delete).
 */
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
