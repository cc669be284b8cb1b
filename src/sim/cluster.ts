/**
 * Nodes for a scenario with no Node documents: the Scenario's cluster shorthand (zones × nodes per
 * zone × node size), or a small default. Nodes get the labels a cloud node carries.
 */
import type { Node } from "kubernetes-types/core/v1";
import type { ClusterShorthand } from "../scenario/types";

/** Used when a scenario has neither Node documents nor a cluster shorthand. */
export const DEFAULT_CLUSTER: ClusterShorthand = {
  zones: ["a", "b", "c"],
  nodesPerZone: 1,
  node: { cpu: "4", memory: "16Gi", pods: 110 },
};

export const REGION = "region-1";
export const KUBELET_VERSION = "v1.36.0";

/** `zone-<zone>-<n>`, n from 1, as in the Scenario examples ("zone-b-1"). */
export function shorthandNodeName(zone: string, index: number): string {
  return `zone-${zone}-${index + 1}`;
}

export function nodesFromShorthand(c: ClusterShorthand): Node[] {
  const nodes: Node[] = [];
  for (const zone of c.zones) {
    for (let i = 0; i < c.nodesPerZone; i++) {
      const name = shorthandNodeName(zone, i);
      const resources = { cpu: c.node.cpu, memory: c.node.memory, pods: String(c.node.pods), "ephemeral-storage": "100Gi" };
      nodes.push({
        apiVersion: "v1",
        kind: "Node",
        metadata: {
          name,
          labels: {
            "kubernetes.io/hostname": name,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "topology.kubernetes.io/zone": zone,
            "topology.kubernetes.io/region": REGION,
            "node.kubernetes.io/instance-type": `sim-${c.node.cpu}cpu-${c.node.memory}`,
          },
        },
        spec: {},
        status: { capacity: { ...resources }, allocatable: { ...resources } },
      });
    }
  }
  return nodes;
}
