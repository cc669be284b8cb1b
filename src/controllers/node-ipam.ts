/**
 * The node IPAM controller (kube-controller-manager's range allocator): gives each node a /24 of
 * the cluster CIDR 10.244.0.0/16 in spec.podCIDR, the first free one, as nodes appear. Pod IPs are
 * handed out from it by the node's CNI (src/kubelet/pod-ip.ts). Nodes that a scenario wrote with
 * a podCIDR keep it.
 */
import type { Component, ComponentContext } from "../sim/component";

/** 10.244.0.0/16 (flannel's and kubeadm guides' cluster CIDR), continued into 10.245–10.255 for big clusters. */
export function nodeCIDR(i: number): string {
  return `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;
}
const MAX_NODES = 12 * 256;

export const nodeIpamFactory = (): Component => new NodeIpamController();

class NodeIpamController implements Component {
  readonly name = "node-ipam-controller";
  private readonly used = new Set<string>();
  private next = 0;

  start(ctx: ComponentContext): void {
    ctx.store.watch("Node", (ev) => {
      const cidr = ev.object.spec?.podCIDR;
      if (ev.type === "DELETED") {
        if (cidr) this.used.delete(cidr);
        return;
      }
      if (cidr) this.used.add(cidr);
      if (ev.type === "ADDED" && !cidr) {
        const name = ev.object.metadata.name;
        ctx.after(0, `node-ipam-controller allocate ${name}`, () => this.allocate(ctx, name));
      }
    });
  }

  private allocate(ctx: ComponentContext, name: string): void {
    for (let k = 0; k < MAX_NODES; k++) {
      const i = (this.next + k) % MAX_NODES;
      const cidr = nodeCIDR(i);
      if (this.used.has(cidr)) continue;
      this.next = i + 1;
      ctx.store.mutate("Node", undefined, name, (n) => {
        if (n.spec?.podCIDR) return false;
        n.spec = { ...n.spec, podCIDR: cidr, podCIDRs: [cidr] };
      });
      return;
    }
    ctx.recorder({ component: "cidrAllocator" }).event(
      ctx.store.get("Node", undefined, name) ?? { kind: "Node", metadata: { name } },
      "Normal", "CIDRNotAvailable", `Node ${name} status is now: CIDRNotAvailable`,
    );
  }
}
