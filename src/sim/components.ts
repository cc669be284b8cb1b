/**
 * The registry of components a Simulation runs, in start order. Each later issue (the real
 * kubelet, the scheduler, each controller) registers its factory here.
 */
import type { ComponentFactory } from "./component";
import { deploymentControllerFactory } from "../controllers/deployment/controller";
import { garbageCollectorFactory } from "../controllers/garbage-collector";
import { replicaSetControllerFactory } from "../controllers/replicaset";
import { kubeletFactory } from "../kubelet/kubelet";
import { nodeIpamFactory } from "../controllers/node-ipam";
import { schedulerFactory } from "../scheduler/scheduler";

export const defaultComponents: readonly ComponentFactory[] = [nodeIpamFactory, kubeletFactory, schedulerFactory(),
  deploymentControllerFactory, replicaSetControllerFactory, garbageCollectorFactory];
