import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import { t } from "../../i18n";
import type { PodView } from "../model/pods";
import { containerDots, shortName } from "./display";

type PodNodeType = Node<PodView, "pod">;

/** A Pod: kubectl STATUS colours it; READY, restarts and one dot per container under its name. */
export const PodNode = memo(function PodNode({ data }: NodeProps<PodNodeType>) {
  const cls = [
    "kp-pod",
    `tone-${data.tone}`,
    data.terminating ? "is-terminating" : "",
    data.finished ? "is-finished" : "",
    data.probeFailing ? "is-probe-failing" : "",
    data.unschedulable ? "is-unschedulable" : "",
  ].filter(Boolean).join(" ");
  const dots = containerDots(data.containers);
  return (
    <div className={cls} data-pod={data.name} data-status={data.status} data-bound={data.nodeName} title={`${data.namespace}/${data.name} · ${data.status} · ${data.ready}`}>
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      <div className="kp-pod-name">{shortName(data.name)}</div>
      <div className="kp-pod-line">
        <span className="kp-pod-status" data-testid="canvas-pod-status">{data.status}</span>
        <span className="kp-pod-ready">{data.ready}</span>
        {data.restarts > 0 && (
          <span key={data.restarts} className="kp-pod-restarts" title={t("canvas.pod.restarts", { count: data.restarts })}>↻{data.restarts}</span>
        )}
        <span className="kp-pod-dots" aria-hidden="true">
          {dots.map((d, i) => <i key={i} className={`kp-dot kp-dot-${d.kind} kp-dot-${d.state}`} />)}
        </span>
      </div>
    </div>
  );
});
