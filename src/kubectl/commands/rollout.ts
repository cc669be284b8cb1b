/**
 * `kubectl rollout status|history|undo|pause|resume|restart` (kubectl pkg/cmd/rollout and
 * pkg/polymorphichelpers): status and history read the objects; undo copies a revision's pod
 * template back into the Deployment (the controller then reuses that revision's ReplicaSet and
 * gives it a new revision number); pause/resume flip spec.paused; restart stamps the template
 * annotation kubectl.kubernetes.io/restartedAt.
 *
 * `rollout status` does not block: the simulation runs on its own clock, so the command prints
 * the state right now (what `--watch=false` prints) and exits 0 unless the rollout has failed.
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../../api/store";
import type { Kind, KObject, Stored } from "../../api/types";
import { canonicalJSON } from "../../runtime/hash";
import { groupKind } from "../printers";
import { num, parseFlags, str, type FlagSpec } from "./flags";
import { groupResource, objectName, resolveTargets, type Target } from "./resources";
import { daemonSetStatus, deploymentHistory, deploymentStatus, statefulSetStatus } from "./rollout-viewers";
import { fail, ok, usageError, type CommandContext, type CommandResult, type KubectlCommand } from "./types";

const POD_TEMPLATE_HASH = "pod-template-hash";
const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
/** Annotations kept from the Deployment, never copied from the ReplicaSet, on rollback. */
const ANNOTATIONS_TO_SKIP = new Set([
  "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
  "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
]);

/** GroupKind.String(): "Job.batch", "Pod". */
const gkString = (kind: Kind): string => {
  const gk = groupKind(kind);
  const dot = gk.indexOf(".");
  return dot < 0 ? kind : `${kind}${gk.slice(dot)}`;
};

type Sub = (targets: Target[], flags: Record<string, unknown>, ctx: CommandContext) => { out: string[]; errs: string[] };

interface Subcommand {
  flags: FlagSpec;
  run: Sub;
}

/** The ReplicaSets a Deployment controls (deploymentutil.GetAllReplicaSets). */
function replicaSetsOf(store: ObjectStore, d: Stored<"Deployment">): Stored<"ReplicaSet">[] {
  return store.list("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** The template without its pod-template-hash label (what equalIgnoreHash compares). */
function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const c = structuredClone(t ?? {});
  if (c.metadata?.labels) {
    delete c.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
  }
  return c;
}

const revisionOf = (rs: KObject): number | undefined => {
  const v = rs.metadata?.annotations?.["deployment.kubernetes.io/revision"];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
};

const SUBCOMMANDS: Record<string, Subcommand> = {
  status: {
    flags: { watch: { type: "bool", short: "w" }, revision: { type: "int" }, timeout: { type: "string" } },
    run(targets, flags, ctx) {
      const out: string[] = [], errs: string[] = [];
      for (const t of targets) {
        const o = ctx.host.store.get(t.kind, t.namespace, t.name) as KObject;
        const res = t.kind === "Deployment" ? deploymentStatus(o as Deployment, (flags.revision as number | undefined) ?? 0)
          : t.kind === "DaemonSet" ? daemonSetStatus(o as never)
          : t.kind === "StatefulSet" ? statefulSetStatus(o as never)
          : { error: `no status viewer has been implemented for ${gkString(t.kind)}` };
        if ("error" in res) errs.push(`error: ${res.error}`);
        else out.push(`${res.message}\n`);
      }
      return { out, errs };
    },
  },
  history: {
    flags: { revision: { type: "int" } },
    run(targets, flags, ctx) {
      const out: string[] = [], errs: string[] = [];
      for (const t of targets) {
        if (t.kind !== "Deployment") {
          errs.push(t.kind === "DaemonSet" || t.kind === "StatefulSet"
            ? `error: rollout history of ${groupResource(t.kind)} needs ControllerRevisions, which kubeplay does not model yet`
            : `error: no history viewer has been implemented for "${gkString(t.kind)}"`);
          continue;
        }
        if (((flags.revision as number | undefined) ?? 0) > 0) {
          errs.push("error: rollout history --revision (the pod template of one revision) is not supported by kubeplay yet");
          continue;
        }
        const d = ctx.host.store.get("Deployment", t.namespace, t.name)!;
        out.push(`${objectName(t.kind, t.name)} \n${deploymentHistory(replicaSetsOf(ctx.host.store, d))}\n`);
      }
      return { out, errs };
    },
  },
  undo: {
    flags: { "to-revision": { type: "int" } },
    run(targets, flags, ctx) {
      const out: string[] = [], errs: string[] = [];
      const toRevision = (flags["to-revision"] as number | undefined) ?? 0;
      for (const t of targets) {
        if (t.kind !== "Deployment") {
          errs.push(`error: no rollbacker has been implemented for "${gkString(t.kind)}"`);
          continue;
        }
        const res = rollbackDeployment(ctx, t, toRevision);
        if ("error" in res) errs.push(`error: ${res.error}`);
        else out.push(`${objectName(t.kind, t.name)} ${res.message}\n`);
      }
      return { out, errs };
    },
  },
  pause: { flags: {}, run: (targets, _f, ctx) => setPaused(targets, ctx, true) },
  resume: { flags: {}, run: (targets, _f, ctx) => setPaused(targets, ctx, false) },
  restart: {
    flags: {},
    run(targets, _f, ctx) {
      const out: string[] = [], errs: string[] = [];
      const now = ctx.host.timestamp(ctx.host.now());
      for (const t of targets) {
        const o = ctx.host.store.get(t.kind, t.namespace, t.name) as KObject;
        if (t.kind !== "Deployment" && t.kind !== "DaemonSet" && t.kind !== "StatefulSet") {
          errs.push(`error: ${groupResource(t.kind)} "${t.name}" restarting is not supported`);
          continue;
        }
        if (t.kind === "Deployment" && (o as Deployment).spec?.paused) {
          errs.push(`error: ${groupResource(t.kind)} "${t.name}" can't restart paused deployment (run rollout resume first)`);
          continue;
        }
        const tmpl = (o.spec as { template?: { metadata?: { annotations?: Record<string, string> } } }).template;
        if (tmpl?.metadata?.annotations?.[RESTARTED_AT] === now) {
          errs.push(`error: failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
          continue;
        }
        ctx.host.store.mutate(t.kind, t.namespace, t.name, (d) => {
          const template = ((d as KObject).spec as { template: { metadata?: { annotations?: Record<string, string> } } }).template;
          template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [RESTARTED_AT]: now } };
        });
        out.push(`${objectName(t.kind, t.name)} restarted\n`);
      }
      return { out, errs };
    },
  },
};

function setPaused(targets: Target[], ctx: CommandContext, pause: boolean): { out: string[]; errs: string[] } {
  const out: string[] = [], errs: string[] = [];
  for (const t of targets) {
    if (t.kind !== "Deployment") {
      errs.push(`error: ${groupResource(t.kind)} "${t.name}" ${pause ? "pausing" : "resuming"} is not supported`);
      continue;
    }
    const d = ctx.host.store.get("Deployment", t.namespace, t.name)!;
    if (Boolean(d.spec?.paused) === pause) {
      errs.push(`error: ${groupResource(t.kind)} "${t.name}" ${pause ? "is already paused" : "is not paused"}`);
      continue;
    }
    ctx.host.store.mutate("Deployment", t.namespace, t.name, (o) => {
      if (pause) o.spec!.paused = true;
      else delete o.spec!.paused;
    });
    out.push(`${objectName(t.kind, t.name)} ${pause ? "paused" : "resumed"}\n`);
  }
  return { out, errs };
}

/** DeploymentRollbacker.Rollback: copies a revision's template and annotations into the Deployment. */
function rollbackDeployment(ctx: CommandContext, t: Target, toRevision: number): { message: string } | { error: string } {
  const store = ctx.host.store;
  if (toRevision < 0) return { error: `unable to find specified revision ${toRevision} in history` };
  const d = store.get("Deployment", t.namespace, t.name)!;
  const rss = replicaSetsOf(store, d);
  let target: Stored<"ReplicaSet"> | undefined;
  if (toRevision > 0) {
    target = rss.find((rs) => revisionOf(rs) === toRevision);
    if (!target) return { error: `unable to find specified revision ${toRevision} in history` };
  } else {
    let latest = -1, previous = -1;
    let latestRS: typeof target, previousRS: typeof target;
    for (const rs of rss) {
      const v = revisionOf(rs);
      if (v === undefined) continue;
      if (latest < v) {
        previous = latest;
        previousRS = latestRS;
        latest = v;
        latestRS = rs;
      } else if (previous < v) {
        previous = v;
        previousRS = rs;
      }
    }
    if (!previousRS) return { error: `no rollout history found for deployment "${t.name}"` };
    target = previousRS;
  }
  if (d.spec?.paused) {
    return { error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${t.name}' and try again` };
  }
  const template = withoutHash(target.spec?.template);
  if (canonicalJSON(template) === canonicalJSON(withoutHash(d.spec?.template))) {
    return { message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const res = store.mutate("Deployment", t.namespace, t.name, (o) => {
    o.spec!.template = template;
    o.metadata.annotations = annotations;
  });
  if (!res.ok) return { error: `failed restoring revision ${toRevision}: ${res.message}` };
  return { message: "rolled back" };
}

export const rolloutCommand: KubectlCommand = {
  name: "rollout",
  short: "Manage the rollout of a resource",
  run(args, ctx): CommandResult {
    const [sub, ...rest] = args;
    if (sub === undefined) return fail(`you must specify a subcommand: ${Object.keys(SUBCOMMANDS).join(", ")}`);
    const def = SUBCOMMANDS[sub];
    if (!def) return fail(`unknown command "${sub}" for "${ctx.path}"`);
    const subCtx = { ...ctx, path: `${ctx.path} ${sub}` };
    const parsed = parseFlags(rest, def.flags);
    if (!parsed.ok) return usageError(subCtx, parsed.error);
    const ns = str(parsed.flags, "namespace") ?? "default";
    const targets = resolveTargets(ctx.host.store, parsed.positionals, ns);
    if (!targets.ok) return fail(targets.error);
    const flags: Record<string, unknown> = { ...parsed.flags, revision: num(parsed.flags, "revision") };
    const { out, errs } = def.run(targets.targets, flags, subCtx);
    const allErrs = [...targets.notFound, ...errs];
    if (allErrs.length) return { ...fail(allErrs.join("\n")), stdout: out.join("") };
    return ok(out.join(""));
  },
};
