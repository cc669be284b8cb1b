/**
 * The registry of components a Simulation runs, in start order. Each later issue (the real
 * kubelet, the scheduler, each controller) registers its factory here.
 */
import type { ComponentFactory } from "./component";
import { kubeletFactory } from "../kubelet/kubelet";
import { nodeIpamFactory } from "../controllers/node-ipam";
import { schedulerFactory } from "../scheduler/scheduler";

export const defaultComponents: readonly ComponentFactory[] = [nodeIpamFactory, kubeletFactory, schedulerFactory()];
