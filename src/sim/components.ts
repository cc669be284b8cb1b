/**
 * The registry of components a Simulation runs, in start order. Each later issue (the real
 * kubelet, the scheduler, each controller) registers its factory here.
 */
import type { ComponentFactory } from "./component";
import { deploymentControllerFactory } from "../controllers/deployment/controller";
import { garbageCollectorFactory } from "../controllers/garbage-collector";
import { replicaSetControllerFactory } from "../controllers/replicaset";
import { kubeletFactory } from "../kubelet/kubelet";
import { nodeLifecycleControllerFactory } from "../controllers/node-lifecycle";
import { taintEvictionControllerFactory } from "../controllers/taint-eviction";
import { nodeIpamFactory } from "../controllers/node-ipam";
import { schedulerFactory } from "../scheduler/scheduler";
import { serviceIPAMFactory } from "../controllers/service-ipam";
import { pvBinderFactory } from "../controllers/pv-binder";
import { endpointSliceControllerFactory } from "../controllers/endpointslice";
import { endpointsControllerFactory } from "../controllers/endpoints";
import { statefulSetControllerFactory } from "../controllers/statefulset/statefulset";
import { daemonSetControllerFactory } from "../controllers/daemonset/daemonset";
import { jobControllerFactory } from "../controllers/job/job";
import { ttlAfterFinishedControllerFactory } from "../controllers/job/ttl-after-finished";
import { cronJobControllerFactory } from "../controllers/cronjob";

export const defaultComponents: readonly ComponentFactory[] = [nodeIpamFactory, kubeletFactory, nodeLifecycleControllerFactory, taintEvictionControllerFactory, schedulerFactory(),
  deploymentControllerFactory, replicaSetControllerFactory, garbageCollectorFactory,
  serviceIPAMFactory, pvBinderFactory, endpointSliceControllerFactory, endpointsControllerFactory,
  statefulSetControllerFactory, daemonSetControllerFactory, jobControllerFactory, ttlAfterFinishedControllerFactory, cronJobControllerFactory];
