/**
 * `kubectl get` tables of workloads: pods, deployments, replicasets, statefulsets, daemonsets,
 * jobs, cronjobs, horizontalpodautoscalers, poddisruptionbudgets (upstream printPod,
 * printDeployment, printReplicaSet, printStatefulSet, printDaemonSet, printJob, printCronJob,
 * printHorizontalPodAutoscaler, printPodDisruptionBudget). Where the API server always defaults
 * a field (replicas 1, suspend false, minReplicas 1), an unset field prints that default.
 */
import type { MetricSpec, MetricStatus } from "kubernetes-types/autoscaling/v2";
import { ageSince, formatAge, parseTimestamp } from "./age";
import { formatLabels, formatLabelSelector, selectorString } from "./labels";
import { podColumns } from "./pod-status";
import { ageColumn, boolPtr, containerCells, nameColumn, quantity, wide, type TableDefs } from "./table-def";

type WorkloadKind =
  | "Pod" | "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob"
  | "HorizontalPodAutoscaler" | "PodDisruptionBudget";

const orNone = (s: string | undefined): string => (s ? s : "<none>");
const num = (n: number | undefined): string => String(n ?? 0);

function jobCondition(conditions: Array<{ type: string; status: string }> | undefined, type: string): boolean {
  // Upstream `hasJobCondition`: the first condition of the type decides.
  const c = conditions?.find((x) => x.type === type);
  return c?.status === "True";
}

/** `formatHPAMetrics`: at most two targets, then "+ N more...". */
export function formatHpaMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return "<none>";
  const list: string[] = [];
  const max = 2;
  specs.forEach((spec, i) => {
    const st = statuses?.[i];
    switch (spec.type) {
      case "External": {
        const t = spec.external?.target;
        if (t?.averageValue !== undefined) {
          const cur = st?.external?.current.averageValue;
          list.push(`${cur !== undefined ? quantity(cur) : "<unknown>"}/${quantity(t.averageValue)} (avg)`);
        } else {
          const cur = st?.external ? quantity(st.external.current.value) : "<unknown>";
          list.push(`${cur}/${quantity(t?.value)}`);
        }
        break;
      }
      case "Pods": {
        const cur = st?.pods ? quantity(st.pods.current.averageValue) : "<unknown>";
        list.push(`${cur}/${quantity(spec.pods?.target.averageValue)}`);
        break;
      }
      case "Object": {
        const t = spec.object?.target;
        if (t?.averageValue !== undefined) {
          const cur = st?.object?.current.averageValue;
          list.push(`${cur !== undefined ? quantity(cur) : "<unknown>"}/${quantity(t.averageValue)} (avg)`);
        } else {
          const cur = st?.object ? quantity(st.object.current.value) : "<unknown>";
          list.push(`${cur}/${quantity(t?.value)}`);
        }
        break;
      }
      case "Resource":
      case "ContainerResource": {
        const src = spec.type === "Resource" ? spec.resource : spec.containerResource;
        const cur = spec.type === "Resource" ? st?.resource?.current : st?.containerResource?.current;
        const name = src?.name ?? "";
        if (src?.target.averageValue !== undefined) {
          list.push(`${name}: ${cur ? quantity(cur.averageValue) : "<unknown>"}/${quantity(src.target.averageValue)}`);
        } else {
          const current = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : "<unknown>";
          const target = src?.target.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : "<auto>";
          list.push(`${name}: ${current}/${target}`);
        }
        break;
      }
      default:
        list.push("<unknown type>");
    }
  });
  if (list.length > max) return `${list.slice(0, max).join(", ")} + ${list.length - max} more...`;
  return list.join(", ");
}

/** autoscaling/v2 defaulting: no metrics means 80% average CPU utilization. */
const DEFAULT_HPA_METRICS: MetricSpec[] = [
  { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } },
];

export const workloadTables: TableDefs<WorkloadKind> = {
  Pod: {
    columns: [nameColumn, { name: "Ready" }, { name: "Status" }, { name: "Restarts" }, ageColumn,
      wide("IP"), wide("Node"), wide("Nominated Node"), wide("Readiness Gates")],
    row(pod, now) {
      const c = podColumns(pod, now);
      const gates = pod.spec?.readinessGates ?? [];
      let readinessGates = "<none>";
      if (gates.length > 0) {
        const trueCount = gates.filter((g) => pod.status?.conditions?.find((x) => x.type === g.conditionType)?.status === "True").length;
        readinessGates = `${trueCount}/${gates.length}`;
      }
      const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP;
      return [pod.metadata?.name ?? "", c.ready, c.status, c.restarts, ageSince(pod.metadata?.creationTimestamp, now),
        orNone(ip), orNone(pod.spec?.nodeName), orNone(pod.status?.nominatedNodeName), readinessGates];
    },
  },
  Deployment: {
    columns: [nameColumn, { name: "Ready" }, { name: "Up-to-date" }, { name: "Available" }, ageColumn,
      wide("Containers"), wide("Images"), wide("Selector")],
    row(d, now) {
      const [names, images] = containerCells(d.spec?.template?.spec?.containers);
      return [d.metadata?.name ?? "", `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
        num(d.status?.updatedReplicas), num(d.status?.availableReplicas), ageSince(d.metadata?.creationTimestamp, now),
        names, images, selectorString(d.spec?.selector)];
    },
  },
  ReplicaSet: {
    columns: [nameColumn, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, ageColumn,
      wide("Containers"), wide("Images"), wide("Selector")],
    row(rs, now) {
      const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
      return [rs.metadata?.name ?? "", String(rs.spec?.replicas ?? 1), num(rs.status?.replicas), num(rs.status?.readyReplicas),
        ageSince(rs.metadata?.creationTimestamp, now), names, images, formatLabelSelector(rs.spec?.selector)];
    },
  },
  StatefulSet: {
    columns: [nameColumn, { name: "Ready" }, ageColumn, wide("Containers"), wide("Images")],
    row(sts, now) {
      const [names, images] = containerCells(sts.spec?.template?.spec?.containers);
      return [sts.metadata?.name ?? "", `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
        ageSince(sts.metadata?.creationTimestamp, now), names, images];
    },
  },
  DaemonSet: {
    columns: [nameColumn, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, { name: "Up-to-date" },
      { name: "Available" }, { name: "Node Selector" }, ageColumn, wide("Containers"), wide("Images"), wide("Selector")],
    row(ds, now) {
      const s = ds.status;
      const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
      return [ds.metadata?.name ?? "", num(s?.desiredNumberScheduled), num(s?.currentNumberScheduled), num(s?.numberReady),
        num(s?.updatedNumberScheduled), num(s?.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector),
        ageSince(ds.metadata?.creationTimestamp, now), names, images, formatLabelSelector(ds.spec?.selector)];
    },
  },
  Job: {
    columns: [nameColumn, { name: "Status" }, { name: "Completions" }, { name: "Duration" }, ageColumn,
      wide("Containers"), wide("Images"), wide("Selector")],
    row(job, now) {
      const succeeded = job.status?.succeeded ?? 0;
      let completions: string;
      if (job.spec?.completions !== undefined && job.spec.completions !== null) {
        completions = `${succeeded}/${job.spec.completions}`;
      } else {
        const parallelism = job.spec?.parallelism ?? 0;
        completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
      }
      const start = parseTimestamp(job.status?.startTime);
      const end = parseTimestamp(job.status?.completionTime);
      const duration = start === undefined ? "" : formatAge((end ?? now) - start);
      const conds = job.status?.conditions;
      let status = "Running";
      if (jobCondition(conds, "Complete")) status = "Complete";
      else if (jobCondition(conds, "Failed")) status = "Failed";
      else if (job.metadata?.deletionTimestamp) status = "Terminating";
      else if (jobCondition(conds, "Suspended")) status = "Suspended";
      else if (jobCondition(conds, "FailureTarget")) status = "FailureTarget";
      const [names, images] = containerCells(job.spec?.template?.spec?.containers);
      return [job.metadata?.name ?? "", status, completions, duration, ageSince(job.metadata?.creationTimestamp, now),
        names, images, formatLabelSelector(job.spec?.selector)];
    },
  },
  CronJob: {
    columns: [nameColumn, { name: "Schedule" }, { name: "Timezone" }, { name: "Suspend" }, { name: "Active" },
      { name: "Last Schedule" }, ageColumn, wide("Containers"), wide("Images"), wide("Selector")],
    row(cj, now) {
      const last = cj.status?.lastScheduleTime ? ageSince(cj.status.lastScheduleTime, now) : "<none>";
      const jobSpec = cj.spec?.jobTemplate?.spec;
      const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
      return [cj.metadata?.name ?? "", cj.spec?.schedule ?? "", orNone(cj.spec?.timeZone), boolPtr(cj.spec?.suspend ?? false),
        String(cj.status?.active?.length ?? 0), last, ageSince(cj.metadata?.creationTimestamp, now),
        names, images, formatLabelSelector(jobSpec?.selector)];
    },
  },
  HorizontalPodAutoscaler: {
    columns: [nameColumn, { name: "Reference" }, { name: "Targets" }, { name: "MinPods" }, { name: "MaxPods" },
      { name: "Replicas" }, ageColumn],
    row(hpa, now) {
      const ref = hpa.spec?.scaleTargetRef;
      const specs = hpa.spec?.metrics ?? DEFAULT_HPA_METRICS;
      return [hpa.metadata?.name ?? "", `${ref?.kind ?? ""}/${ref?.name ?? ""}`, formatHpaMetrics(specs, hpa.status?.currentMetrics),
        String(hpa.spec?.minReplicas ?? 1), num(hpa.spec?.maxReplicas), num(hpa.status?.currentReplicas),
        ageSince(hpa.metadata?.creationTimestamp, now)];
    },
  },
  PodDisruptionBudget: {
    columns: [nameColumn, { name: "Min Available" }, { name: "Max Unavailable" }, { name: "Allowed Disruptions" }, ageColumn],
    row(pdb, now) {
      const s = (v: number | string | undefined): string => (v === undefined ? "N/A" : String(v));
      return [pdb.metadata?.name ?? "", s(pdb.spec?.minAvailable), s(pdb.spec?.maxUnavailable),
        num(pdb.status?.disruptionsAllowed), ageSince(pdb.metadata?.creationTimestamp, now)];
    },
  },
};
