import type { ContainerPort } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cluster, info, node, pod, runFilter, verdict } from "../test-fixtures";
import { NodePorts } from "./node-ports";

const NO_PORTS = "Unschedulable: node(s) didn't have free ports for the requested pod ports";
const withPorts = (name: string, ports: ContainerPort[], nodeName?: string, sidecar = false) => pod(name, {
  ...(nodeName ? { nodeName } : {}),
  containers: sidecar ? [{ name: "main", image: "x" }] : [{ name: "c", image: "x", ports }],
  ...(sidecar ? { initContainers: [{ name: "s", image: "x", restartPolicy: "Always", ports }] } : {}),
});
const hp = (port: number, protocol = "TCP", hostIP?: string): ContainerPort => ({ containerPort: port, hostPort: port, protocol, ...(hostIP ? { hostIP } : {}) });

// Cases from upstream nodeports/node_ports_test.go TestNodePorts.
describe("NodePorts filter", () => {
  it.each<{ name: string; want: ContainerPort[]; used: ContainerPort[]; sidecar?: boolean; expected: string }>([
    { name: "nothing running", want: [], used: [], expected: "fits" },
    { name: "other port", want: [hp(8080, "UDP", "127.0.0.1")], used: [hp(9090, "UDP", "127.0.0.1")], expected: "fits" },
    { name: "same udp port", want: [hp(8080, "UDP", "127.0.0.1")], used: [hp(8080, "UDP", "127.0.0.1")], expected: NO_PORTS },
    { name: "same tcp port", want: [hp(8080, "TCP", "127.0.0.1")], used: [hp(8080, "TCP", "127.0.0.1")], expected: NO_PORTS },
    { name: "different host ip", want: [hp(8080, "TCP", "127.0.0.1")], used: [hp(8080, "TCP", "127.0.0.2")], expected: "fits" },
    { name: "different protocol", want: [hp(8080, "UDP", "127.0.0.1")], used: [hp(8080, "TCP", "127.0.0.1")], expected: "fits" },
    { name: "second udp port conflict", want: [hp(8000, "UDP", "127.0.0.1"), hp(8080, "UDP", "127.0.0.1")], used: [hp(8001, "UDP", "127.0.0.1"), hp(8080, "UDP", "127.0.0.1")], expected: NO_PORTS },
    { name: "first tcp port conflict due to 0.0.0.0 hostIP", want: [hp(8001, "TCP", "0.0.0.0"), hp(8080, "UDP", "127.0.0.1")], used: [hp(8001, "TCP", "127.0.0.1")], expected: NO_PORTS },
    { name: "first tcp port conflict due to 0.0.0.0 hostIP on the node", want: [hp(8001, "TCP", "10.0.10.10")], used: [hp(8001, "TCP", "0.0.0.0")], expected: NO_PORTS },
    { name: "an empty hostIP means 0.0.0.0", want: [hp(8001)], used: [hp(8001, "TCP", "10.0.10.10")], expected: NO_PORTS },
    { name: "container ports without a host port bind nothing", want: [{ containerPort: 80 }], used: [{ containerPort: 80 }], expected: "fits" },
    // PR #132040 (v1.34): host ports of sidecars count.
    { name: "a sidecar's host port conflicts", want: [hp(8081)], used: [hp(8081)], sidecar: true, expected: NO_PORTS },
  ])("$name", ({ want, used, sidecar, expected }) => {
    const cache = cluster([node("n")], [withPorts("existing", used, "n", sidecar)]);
    expect(verdict(runFilter(new NodePorts(), cache, info(withPorts("p", want))).byNode.n)).toBe(expected);
  });
});
