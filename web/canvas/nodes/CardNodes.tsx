/** Cards on the canvas: Services and Ingresses (cluster view), workloads and their ReplicaSets / Jobs. */
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import { t } from "../../i18n";
import type { WorkloadData } from "../layout/types";
import type { IngressView, ServiceView } from "../model/network";

export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<Node<ServiceView, "service">>) {
  return (
    <div className="kp-card kp-service" data-service={data.name}>
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      <div className="kp-card-head">
        <span className="kp-kind">svc</span>
        <span className="kp-card-name">{data.name}</span>
      </div>
      <div className="kp-card-line">
        <span>{data.type}</span>
        <span className="kp-card-sep">·</span>
        <span className="kp-mono">{data.ports}</span>
      </div>
      <div className="kp-card-line kp-card-faint">{t("canvas.service.endpoints", { count: data.endpoints.length })}</div>
      <Handle type="source" position={Position.Right} className="kp-handle" isConnectable={false} />
    </div>
  );
});

export const IngressNode = memo(function IngressNode({ data }: NodeProps<Node<IngressView, "ingress">>) {
  return (
    <div className="kp-card kp-ingress">
      <div className="kp-card-head">
        <span className="kp-kind">ing</span>
        <span className="kp-card-name">{data.name}</span>
      </div>
      <div className="kp-card-line kp-mono">{data.hosts}</div>
      <div className="kp-card-line kp-card-faint">{t("canvas.ingress.backends", { count: data.backends.length })}</div>
      <Handle type="source" position={Position.Right} className="kp-handle" isConnectable={false} />
    </div>
  );
});

const KIND_SHORT: Record<string, string> = {
  Deployment: "deploy", ReplicaSet: "rs", StatefulSet: "sts", DaemonSet: "ds", Job: "job", CronJob: "cronjob", Pod: "pod",
};

export const WorkloadNode = memo(function WorkloadNode({ data }: NodeProps<Node<WorkloadData, "workload">>) {
  const lone = data.kind === "Pod";
  const fill = data.desired > 0 ? Math.min(1, data.ready / data.desired) : 0;
  const scaledDown = data.kind === "ReplicaSet" && data.desired === 0;
  return (
    <div className={`kp-card kp-workload${data.top ? " is-top" : ""}${scaledDown ? " is-scaled-down" : ""}`} data-workload={`${data.kind}/${data.name}`}>
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      <div className="kp-card-head">
        <span className="kp-kind">{KIND_SHORT[data.kind] ?? data.kind}</span>
        <span className="kp-card-name">{lone ? t("canvas.workload.lone") : data.name}</span>
        {!lone && data.kind !== "CronJob" && <span className="kp-card-count">{data.ready}/{data.desired}</span>}
      </div>
      {!lone && data.kind !== "CronJob" && (
        <span className="kp-bar-track kp-replicas"><span className="kp-bar-fill" style={{ transform: `scaleX(${fill})` }} /></span>
      )}
      <div className="kp-card-line kp-card-faint">{lone ? t("canvas.workload.loneHint") : data.detail}</div>
      <Handle type="source" position={Position.Right} className="kp-handle" isConnectable={false} />
    </div>
  );
});
