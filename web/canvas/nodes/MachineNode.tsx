import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import type { MachineData } from "../layout/types";
import { usageLines } from "./display";
import { PodGrid } from "./PodTile";

type MachineNodeType = Node<MachineData, "machine">;

const LABELS = { cpu: "canvas.node.cpu", memory: "canvas.node.memory", pods: "canvas.node.pods" } as const;

/** A Kubernetes Node: its name and marks, requests against allocatable, and room for its pods. */
export const MachineNode = memo(function MachineNode({ data, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<MachineNodeType>) {
  const select = useApp((s) => s.select);
  const cls = ["kp-machine", data.readiness === "NotReady" ? "is-not-ready" : "", data.cordoned ? "is-cordoned" : ""].filter(Boolean).join(" ");
  return (
    <div className={cls} data-node={data.name} data-zone={data.zone}>
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      <div className="kp-machine-head">
        <ServerIcon />
        <span className="kp-machine-name">{data.name}</span>
        <span className="kp-marks">
          {data.readiness === "NotReady" && <span className="kp-mark kp-mark-error">NotReady</span>}
          {data.readiness === "Unknown" && <span className="kp-mark kp-mark-muted" title={t("canvas.node.notReported")}>Unknown</span>}
          {data.cordoned && <span className="kp-mark kp-mark-warn">SchedulingDisabled</span>}
          {data.taints && <span className="kp-mark kp-mark-taint" title={data.taints}>{t("canvas.node.taints", { count: data.taints.split(", ").length })}</span>}
        </span>
      </div>
      <div className="kp-bars">
        {usageLines(data).map((l) => (
          <div key={l.key} className={`kp-bar kp-bar-${l.level}`}>
            <span className="kp-bar-label">{t(LABELS[l.key])}</span>
            <span className="kp-bar-track"><span className="kp-bar-fill" style={{ transform: `scaleX(${l.fraction})` }} /></span>
            <span className="kp-bar-text">{l.text}</span>
          </div>
        ))}
      </div>
      {data.slots.length === 0 && <div className="kp-machine-empty">{t("canvas.node.empty")}</div>}
      <PodGrid slots={data.slots} selected={data.selected} ox={positionAbsoluteX} oy={positionAbsoluteY} w={width ?? 0} h={height ?? 0} onSelect={select} />
    </div>
  );
});

function ServerIcon() {
  return (
    <svg className="kp-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="2" y="2.5" width="12" height="4.5" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <rect x="2" y="9" width="12" height="4.5" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <circle cx="4.8" cy="4.75" r="0.9" fill="currentColor" />
      <circle cx="4.8" cy="11.25" r="0.9" fill="currentColor" />
    </svg>
  );
}
