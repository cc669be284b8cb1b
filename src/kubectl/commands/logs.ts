/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER | --all-containers] [--previous]
 * [--tail N] [--timestamps] [--prefix] [-f]` (kubectl pkg/cmd/logs, the API server's LogLocation
 * and the kubelet's validateContainerLogStatus): which instance's log is read follows the
 * container status — the running one, else the last terminated one (so a crash-looping container
 * shows its last run), `--previous` the one before — with the kubelet's wording when there is
 * none. `-f` prints what the log holds now: the simulation's clock does not run inside a command.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { isSelectorError, parseSelector } from "../../api/selector";
import type { Kind, Stored } from "../../api/types";
import { containerFor, podsSelectedBy } from "./common";
import { bool, num, parseFlags, str } from "./flags";
import { parseResourceArgs } from "./resources";
import { fail, usageError, type CommandContext, type CommandResult, type CommandStream, type KubectlCommand } from "./types";

/** validateContainerLogStatus: undefined when a log exists to read, else the kubelet's error. */
function logStatusError(pod: Pod, container: string, previous: boolean): string | undefined {
  const podName = pod.metadata?.name ?? "";
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
  if (!st) return `container "${container}" in pod "${podName}" is not available`;
  const last = st.lastState?.terminated;
  if (previous) return last ? undefined : `previous terminated container "${container}" in pod "${podName}" not found`;
  if (st.state?.running || st.state?.terminated || last) return undefined;
  const waiting = st.state?.waiting;
  if (waiting) {
    if (waiting.reason === "ErrImagePull") return `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`;
    if (waiting.reason === "ImagePullBackOff") return `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`;
    return `container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ""}`;
  }
  return `container "${container}" in pod "${podName}" is waiting to start - no logs yet`;
}

/** RFC 3339 with nanoseconds, as the CRI log format stamps each line. */
function rfc3339Nano(iso: string): string {
  return iso.replace(/(\.\d+)?Z$/, (_m, frac: string | undefined) => `.${(frac ?? ".").slice(1).padEnd(9, "0")}Z`);
}

const LOG_FLAGS = {
  container: { type: "string", short: "c" },
  previous: { type: "bool", short: "p" },
  follow: { type: "bool", short: "f" },
  tail: { type: "int" },
  timestamps: { type: "bool" },
  prefix: { type: "bool" },
  "all-containers": { type: "bool" },
  selector: { type: "string", short: "l" },
} as const;

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, LOG_FLAGS);
  if (!parsed.ok) return usageError(ctx, parsed.error);
  const f = parsed.flags;
  const ns = str(f, "namespace") ?? "default";
  const proxy = ctx.host.nodes;
  const selector = str(f, "selector");
  let pods: Stored<"Pod">[];
  let stderr = "";
  if (selector !== undefined) {
    if (parsed.positionals.length) return usageError(ctx, "only a selector (-l) or a POD name is allowed");
    const sel = parseSelector(selector);
    if (isSelectorError(sel)) return fail(sel.message);
    pods = ctx.host.store.list("Pod", ns).filter((p) => sel.matches(p.metadata.labels));
    if (pods.length === 0) return { stdout: "", stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  } else {
    if (parsed.positionals.length === 0) return usageError(ctx, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    if (parsed.positionals.length > 2) return usageError(ctx, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    const first = parsed.positionals[0]!;
    let kind: Kind = "Pod", name = first;
    if (first.includes("/")) {
      const r = parseResourceArgs([first]);
      if (!r.ok) return fail(r.error);
      kind = r.refs[0]!.kind;
      name = r.refs[0]!.name;
    }
    // `kubectl logs POD CONTAINER` (the old positional form) still works.
    if (parsed.positionals[1] !== undefined && str(f, "container") === undefined) f.container = parsed.positionals[1];
    const found = podsSelectedBy(ctx.host.store, kind, ns, name);
    if ("error" in found) return fail(found.error);
    pods = found.pods;
    if (kind !== "Pod" && pods.length > 1) stderr += `Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`;
    pods = pods.slice(0, 1);
  }
  const previous = bool(f, "previous");
  const tail = num(f, "tail") ?? -1;
  const multiple = pods.length > 1 || bool(f, "all-containers");
  const prefix = bool(f, "prefix");
  let stdout = "";
  for (const pod of pods) {
    const names = bool(f, "all-containers")
      ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
      : (() => {
        const c = containerFor(pod, str(f, "container"), multiple);
        if ("error" in c) return c;
        stderr += c.notice;
        return [c.name];
      })();
    if (!Array.isArray(names)) return { stdout, stderr: stderr + fail(names.error).stderr, exitCode: 1 };
    for (const container of names) {
      // LogLocation: a pod not yet on a node has nowhere to read from; the stream is empty.
      if (!pod.spec?.nodeName) continue;
      const err = logStatusError(pod, container, previous);
      if (err) return { stdout, stderr: `${stderr}Error from server (BadRequest): ${err}\n`, exitCode: 1 };
      if (!proxy) return { stdout, stderr: `${stderr}error: no kubelet serves logs in this simulation\n`, exitCode: 1 };
      const res = proxy.logs({ namespace: pod.metadata.namespace ?? ns, pod: pod.metadata.name, container, previous });
      if (!res.ok) return { stdout, stderr: `${stderr}${res.message}\n`, exitCode: 1 };
      let lines = [...res.lines];
      if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
      const stamp = (t: number) => (bool(f, "timestamps") ? `${rfc3339Nano(ctx.host.timestamp(t as never))} ` : "");
      const pre = prefix ? `[pod/${pod.metadata.name}/${container}] ` : "";
      stdout += lines.map((l) => `${pre}${stamp(l.time)}${l.text}\n`).join("");
    }
  }
  return { stdout, stderr, exitCode: 0 };
}

/** The arguments without -f and --tail: the whole log, whose new end the stream prints. */
function wholeLog(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-f" || a === "--follow" || a.startsWith("--follow=") || a.startsWith("--tail=")) continue;
    if (a === "--tail") { i++; continue; }
    out.push(a);
  }
  return out;
}

/**
 * `logs -f`: after the first answer, the lines the container writes next. The stream ends, as
 * kubectl's does, when the followed container stops (its instance exits, or the pod goes); a
 * selector (-l) or --previous does not follow.
 */
function stream(args: readonly string[], ctx: CommandContext): CommandStream | undefined {
  const parsed = parseFlags(args, LOG_FLAGS);
  if (!parsed.ok || !bool(parsed.flags, "follow") || bool(parsed.flags, "previous") || str(parsed.flags, "selector") !== undefined) return undefined;
  const rest = wholeLog(args);
  const read = () => run(rest, ctx);
  const first = read();
  if (first.exitCode !== 0) return undefined;
  let seen = first.stdout;
  let over = false;
  const podName = parsed.positionals[0]?.includes("/") ? undefined : parsed.positionals[0];
  const ns = str(parsed.flags, "namespace") ?? "default";
  const container = str(parsed.flags, "container") ?? parsed.positionals[1];
  /** The followed container still runs (unknown for TYPE/NAME: then only a new instance ends the stream). */
  const running = (): boolean => {
    if (!podName) return true;
    const pod = ctx.host.store.get("Pod", ns, podName);
    const statuses = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])];
    const cs = container ? statuses.find((c) => c.name === container) : pod?.status?.containerStatuses?.[0];
    return !!cs?.state?.running;
  };
  return {
    poll() {
      if (over) return { stdout: "" };
      const r = read();
      const grew = r.exitCode === 0 && r.stdout.startsWith(seen);
      const out = grew ? r.stdout.slice(seen.length) : "";
      if (grew) seen = r.stdout;
      // The followed container exited (its next instance's log does not continue this one).
      if (!grew || !running()) {
        over = true;
        return { stdout: out, ended: "" };
      }
      return { stdout: out };
    },
    close() {
      over = true;
    },
  };
}

export const logsCommand: KubectlCommand = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  run,
  stream,
};
