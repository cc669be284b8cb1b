/**
 * What the canvas's context menu offers for an object: the things a learner does to a real
 * cluster, each run as the kubectl command a learner would type (shown beside it, and echoed into
 * the console with kubectl's answer) or, for a machine failing, as the scenario's node action
 * (there is no kubectl for pulling a plug). Both are recorded in the timeline, so seeking back and
 * share links replay them.
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Container, Node, Pod, Taint } from "kubernetes-types/core/v1";
import type { Kind, Stored } from "../../../src/api/types";
import { probeFile } from "../../../src/kubelet/behaviour/probe-files";
import type { UiAction } from "../../../src/protocol/messages";
import type { MessageKey } from "../../i18n";
import type { SelectedRef } from "../../state/selection";

/** What an item does: a node action, a kubectl command line, or a command built from what the learner types. */
export type MenuRun =
  | { type: "action"; action: UiAction }
  | { type: "kubectl"; command: string }
  | { type: "prompt"; initial: string; hint: MessageKey; build(input: string): { command: string } | { error: MessageKey } };

export interface MenuItem {
  id: string;
  label: MessageKey;
  params?: Record<string, string | number>;
  run: MenuRun;
  /** Destroys something (drawn in red). */
  danger?: boolean;
  /** A separator goes above this item. */
  group?: boolean;
}

const SCALABLE = new Set<Kind>(["Deployment", "ReplicaSet", "StatefulSet"]);
const ROLLABLE = new Set<Kind>(["Deployment", "StatefulSet", "DaemonSet"]);
const TAINT_EFFECTS = new Set(["NoSchedule", "PreferNoSchedule", "NoExecute"]);

/** "deployment/web -n team" as kubectl names an object (the namespace only when not default). */
export function kubectlTarget(ref: SelectedRef): string {
  const ns = ref.namespace && ref.namespace !== "default" ? ` -n ${ref.namespace}` : "";
  return `${ref.kind.toLowerCase()}/${ref.name}${ns}`;
}

function nsFlag(ref: SelectedRef): string {
  return ref.namespace && ref.namespace !== "default" ? ` -n ${ref.namespace}` : "";
}

function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`;
}

/** `key[=value]:Effect` as `kubectl taint` takes it; an error key when it is not one. */
export function parseTaint(text: string): Taint | undefined {
  const m = /^([A-Za-z0-9][-A-Za-z0-9_./]*)(?:=([-A-Za-z0-9_.]*))?:(\w+)$/.exec(text.trim());
  if (!m || !TAINT_EFFECTS.has(m[3]!)) return undefined;
  return { key: m[1]!, ...(m[2] ? { value: m[2] } : {}), effect: m[3]! };
}

function nodeItems(ref: SelectedRef, node: Stored<"Node"> | undefined): MenuItem[] {
  const name = ref.name;
  const spec = (node as Node | undefined)?.spec;
  const items: MenuItem[] = [
    { id: "node-down", label: "menu.nodeDown", run: { type: "action", action: { type: "node", name, state: "Down" } }, danger: true },
    { id: "node-up", label: "menu.nodeUp", run: { type: "action", action: { type: "node", name, state: "Up" } } },
    spec?.unschedulable
      ? { id: "uncordon", label: "menu.uncordon", run: { type: "kubectl", command: `uncordon ${name}` }, group: true }
      : { id: "cordon", label: "menu.cordon", run: { type: "kubectl", command: `cordon ${name}` }, group: true },
    { id: "drain", label: "menu.drain", run: { type: "kubectl", command: `drain ${name} --ignore-daemonsets --delete-emptydir-data` } },
    {
      id: "taint",
      label: "menu.taint",
      run: {
        type: "prompt",
        initial: "dedicated=demo:NoSchedule",
        hint: "menu.taintHint",
        build: (input) => {
          const t = parseTaint(input);
          return t ? { command: `taint nodes ${name} ${taintText(t)}` } : { error: "menu.taintInvalid" };
        },
      },
    },
  ];
  for (const t of spec?.taints ?? []) {
    items.push({ id: `untaint-${t.key}-${t.effect}`, label: "menu.untaint", params: { taint: taintText(t) }, run: { type: "kubectl", command: `taint nodes ${name} ${t.key}:${t.effect}-` } });
  }
  return items;
}

/** Break and heal items for each probe that hangs on a file in its container. */
function probeItems(ref: SelectedRef, pod: Pod | undefined): MenuItem[] {
  const items: MenuItem[] = [];
  const containers: Container[] = [...(pod?.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always"), ...(pod?.spec?.containers ?? [])];
  const many = containers.length > 1;
  const seen = new Set<string>();
  for (const c of containers) {
    for (const [probe, label] of [[c.livenessProbe, "liveness"], [c.readinessProbe, "readiness"], [c.startupProbe, "startup"]] as const) {
      const file = probeFile(c, probe);
      if (!file || seen.has(`${c.name}:${file}`)) continue;
      seen.add(`${c.name}:${file}`);
      const exec = `exec ${ref.name}${nsFlag(ref)}${many ? ` -c ${c.name}` : ""} --`;
      const params = { probe: label, container: c.name };
      items.push(
        { id: `break-${c.name}-${label}`, label: many ? "menu.breakProbeIn" : "menu.breakProbe", params, run: { type: "kubectl", command: `${exec} rm -f ${file}` }, group: items.length === 0 },
        { id: `heal-${c.name}-${label}`, label: many ? "menu.healProbeIn" : "menu.healProbe", params, run: { type: "kubectl", command: `${exec} touch ${file}` } },
      );
    }
  }
  return items;
}

function workloadItems(ref: SelectedRef, obj: Stored<Kind> | undefined): MenuItem[] {
  const items: MenuItem[] = [];
  const target = kubectlTarget(ref);
  if (SCALABLE.has(ref.kind)) {
    const replicas = (obj as Deployment | undefined)?.spec?.replicas ?? 1;
    items.push(
      { id: "scale-up", label: "menu.scaleTo", params: { replicas: replicas + 1 }, run: { type: "kubectl", command: `scale ${target} --replicas=${replicas + 1}` } },
    );
    if (replicas > 0) items.push({ id: "scale-down", label: "menu.scaleTo", params: { replicas: replicas - 1 }, run: { type: "kubectl", command: `scale ${target} --replicas=${replicas - 1}` } });
    items.push({
      id: "scale",
      label: "menu.scale",
      run: {
        type: "prompt",
        initial: String(replicas),
        hint: "menu.scaleHint",
        build: (input) => (/^\d{1,6}$/.test(input.trim()) ? { command: `scale ${target} --replicas=${Number(input.trim())}` } : { error: "menu.scaleInvalid" }),
      },
    });
  }
  if (ROLLABLE.has(ref.kind)) {
    const containers = (obj as Deployment | undefined)?.spec?.template?.spec?.containers ?? [];
    const first = containers[0];
    if (first) {
      items.push({
        id: "set-image",
        label: "menu.setImage",
        group: true,
        run: {
          type: "prompt",
          initial: `${first.name}=${first.image ?? ""}`,
          hint: "menu.setImageHint",
          build: (input) => {
            const pairs = input.trim().split(/\s+/).filter(Boolean);
            const ok = pairs.length > 0 && pairs.every((p) => /^[^=\s]+=[^=\s]+$/.test(p));
            return ok ? { command: `set image ${target} ${pairs.join(" ")}` } : { error: "menu.setImageInvalid" };
          },
        },
      });
    }
    items.push({ id: "rollout-restart", label: "menu.rolloutRestart", run: { type: "kubectl", command: `rollout restart ${target}` }, group: !first });
    items.push({ id: "rollout-undo", label: "menu.rolloutUndo", run: { type: "kubectl", command: `rollout undo ${target}` } });
  }
  return items;
}

/** The menu for `ref` (its object from the cluster mirror, when it is still there). */
export function menuItems(ref: SelectedRef, obj: Stored<Kind> | undefined): MenuItem[] {
  const del = (group: boolean): MenuItem => ({ id: "delete", label: "menu.delete", run: { type: "kubectl", command: `delete ${kubectlTarget(ref)}` }, danger: true, group });
  switch (ref.kind) {
    case "Node":
      return nodeItems(ref, obj as Stored<"Node"> | undefined);
    case "Pod":
      return [del(false), ...probeItems(ref, obj as Pod | undefined)];
    default: {
      const items = workloadItems(ref, obj);
      return [...items, del(items.length > 0)];
    }
  }
}

/** The kubectl line an item runs (what the menu shows beside its label), if it is a fixed one. */
export function commandOf(item: MenuItem): string | undefined {
  return item.run.type === "kubectl" ? `kubectl ${item.run.command}` : undefined;
}
