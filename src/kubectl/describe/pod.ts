/** `kubectl describe pod` (describePod in k8s.io/kubectl/pkg/describe/describe.go). */
import type { Event, Pod } from "kubernetes-types/core/v1";
import { podQOSClass } from "../../api/qos";
import { ageSince } from "../age";
import { describeContainers, describeTopologySpreadConstraints, describeVolumes, envValueRetriever } from "./containers";
import { describeEvents } from "./events";
import {
  LEVEL_0, LEVEL_1, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline,
  rfc1123z, tabbedString,
} from "./writer";

export function describePod(pod: Pod, events: readonly Event[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pod.spec;
    const st = pod.status;
    w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ""}\n`);
    if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec?.nodeName ? `Node:\t${spec.nodeName}/${st?.hostIP ?? ""}\n` : "Node:\t<none>\n");
    if (st?.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    printLabelsMultiline(w, "Labels", pod.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", pod.metadata?.annotations);
    if (pod.metadata?.deletionTimestamp && st?.phase !== "Failed" && st?.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageSince(pod.metadata.deletionTimestamp, nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${st?.phase ?? ""}\n`);
    }
    if (st?.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`);
    if (st?.message) w.write(LEVEL_0, `Message:\t${st.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    w.write(LEVEL_0, `IP:\t${st?.podIP ?? ""}\n`);
    if (!st?.podIPs?.length) {
      w.write(LEVEL_0, "IPs:\t<none>\n");
    } else {
      w.write(LEVEL_0, "IPs:\n");
      for (const ip of st.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(pod.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (st?.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
    const resolve = envValueRetriever(pod);
    if (spec?.initContainers?.length) describeContainers(w, "Init Containers", spec.initContainers, st?.initContainerStatuses, resolve, "");
    describeContainers(w, "Containers", spec?.containers, st?.containerStatuses, resolve, "");
    if (spec?.readinessGates?.length) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of spec.readinessGates) {
        const status = st?.conditions?.find((c) => c.type === g.conditionType)?.status ?? "<none>";
        w.write(LEVEL_1, `${g.conditionType} \t${status} \n`);
      }
    }
    if (st?.conditions?.length) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec?.volumes, "");
    w.write(LEVEL_0, `QoS Class:\t${podQOSClass(pod)}\n`);
    printLabelsMultiline(w, "Node-Selectors", spec?.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", spec?.tolerations);
    describeTopologySpreadConstraints(w, spec?.topologySpreadConstraints, "");
    if (events) describeEvents(w, events, nowMs);
  });
}
