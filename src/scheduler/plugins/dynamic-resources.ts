/**
 * DynamicResources (pkg/scheduler/framework/plugins/dynamicresources), enabled by default since
 * DRA went GA (v1.34). The playground has no ResourceClaims, so the plugin only ever takes part
 * through its PostFilter, which runs before preemption and answers a pod without claims with
 * "no new claims to deallocate" — which is why that text appears in every v1.34+ FailedScheduling
 * message ahead of "preemption: …".
 */
import type { PodInfo } from "../pod-info";
import { status, type CycleState, type NodeToStatus, type PostFilterPlugin, type PostFilterResult, type Status } from "../types";

export const DYNAMIC_RESOURCES = "DynamicResources";

export const MSG_NO_NEW_CLAIMS = "no new claims to deallocate";

const NO_CLAIMS = status("Unschedulable", MSG_NO_NEW_CLAIMS);

export class DynamicResources implements PostFilterPlugin {
  readonly name = DYNAMIC_RESOURCES;

  postFilter(_state: CycleState, _pod: PodInfo, _statuses: NodeToStatus): { status: Status | null; result?: PostFilterResult } {
    return { status: NO_CLAIMS };
  }
}
