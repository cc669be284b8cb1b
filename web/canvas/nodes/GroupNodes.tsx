/**
 * The canvas's backdrops: a zone (React Flow's built-in "group" type draws no label, so zones have
 * their own), the scheduling queue lane, and the box around a workload's pods.
 */
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import type { PodSetData, QueueData, ZoneData } from "../layout/types";
import { ZONE_LABEL } from "../model/nodes";
import type { PodView } from "../model/pods";
import { PodGrid, PodTile } from "./PodTile";

export const ZoneNode = memo(function ZoneNode({ data }: NodeProps<Node<ZoneData, "zone">>) {
  return (
    <div className="kp-zone" data-zone={data.name}>
      <div className="kp-zone-head">
        <span className="kp-zone-kicker">{t("canvas.zone")}</span>
        <span className="kp-zone-name">{data.name || t("canvas.zone.none")}</span>
        <span className="kp-zone-count">{t("canvas.zone.count", { nodes: data.nodeCount, pods: data.podCount })}</span>
      </div>
      {data.name && <code className="kp-zone-label">{ZONE_LABEL}={data.name}</code>}
    </div>
  );
});

export const QueueNode = memo(function QueueNode({ data, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<Node<QueueData, "queue">>) {
  const select = useApp((s) => s.select);
  return (
    <div className={`kp-queue${data.count > 0 ? " has-pods" : ""}`} data-testid="canvas-queue" data-count={data.count}>
      <div className="kp-queue-head">
        <QueueIcon />
        <span className="kp-queue-title">{t("canvas.queue")}</span>
        <span className="kp-queue-count">{data.count}</span>
        <span className="kp-queue-hint">
          {data.unschedulable > 0 ? t("canvas.queue.unschedulable", { count: data.unschedulable }) : t("canvas.queue.hint")}
        </span>
      </div>
      {data.count === 0 && <div className="kp-queue-empty">{t("canvas.queue.empty")}</div>}
      <PodGrid slots={data.slots} selected={data.selected} ox={positionAbsoluteX} oy={positionAbsoluteY} w={width ?? 0} h={height ?? 0} onSelect={select} />
    </div>
  );
});

export const PodSetNode = memo(function PodSetNode({ data, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<Node<PodSetData, "podset">>) {
  const select = useApp((s) => s.select);
  return (
    <div className="kp-podset">
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      {data.count === 0 && <span className="kp-podset-empty">{t("canvas.podset.empty")}</span>}
      <PodGrid slots={data.slots} selected={data.selected} ox={positionAbsoluteX} oy={positionAbsoluteY} w={width ?? 0} h={height ?? 0} onSelect={select} />
    </div>
  );
});

/** A pod just removed, fading where it was drawn. */
export const GhostNode = memo(function GhostNode({ data }: NodeProps<Node<PodView, "ghost">>) {
  return (
    <div className="kp-ghost">
      <PodTile view={data} x={0} y={0} ox={0} oy={0} selected={false} ghost />
    </div>
  );
});

function QueueIcon() {
  return (
    <svg className="kp-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2 4h12M2 8h8M2 12h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
    </svg>
  );
}
