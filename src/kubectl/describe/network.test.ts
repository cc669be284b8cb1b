import { describe, expect, it } from "vitest";
import { describeEndpoints, describeEndpointSlice, describeIngress, describeService } from "./network";

// Fixtures are plain API objects, as the store holds them; casts keep them short.
const NOW = Date.parse("2026-01-01T00:05:00Z");
const slice = { metadata: { name: "web-abc", namespace: "default", labels: { "kubernetes.io/service-name": "web" } }, addressType: "IPv4", ports: [{ name: "", port: 8080, protocol: "TCP" }],
  endpoints: [{ addresses: ["10.244.0.5"], conditions: { ready: true }, targetRef: { kind: "Pod", name: "web-1" }, nodeName: "zone-a-1", zone: "a" }, { addresses: ["10.244.1.5"], conditions: { ready: false }, targetRef: { kind: "Pod", name: "web-2" }, nodeName: "zone-b-1", zone: "b" }] };

const text = (lines: readonly string[]) => `${lines.join("\n")}\n`;

describe("kubectl describe: network", () => {
  const cases: Array<{ name: string; got: () => string; want: readonly string[] }> = [
    {
      name: "a NodePort Service with one ready endpoint",
      got: () => describeService({ metadata: { name: "web", namespace: "default", labels: { app: "web" } }, spec: { type: "NodePort", selector: { app: "web" }, clusterIP: "10.96.12.34", clusterIPs: ["10.96.12.34"], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack",
  ports: [{ port: 80, targetPort: 8080, protocol: "TCP", nodePort: 30080 }], sessionAffinity: "None", externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" } } as never, [slice as never], [], NOW),
      want: [
        "Name:                     web",
        "Namespace:                default",
        "Labels:                   app=web",
        "Annotations:              <none>",
        "Selector:                 app=web",
        "Type:                     NodePort",
        "IP Family Policy:         SingleStack",
        "IP Families:              IPv4",
        "IP:                       10.96.12.34",
        "IPs:                      10.96.12.34",
        "Port:                     <unset>  80/TCP",
        "TargetPort:               8080/TCP",
        "NodePort:                 <unset>  30080/TCP",
        "Endpoints:                10.244.0.5:8080",
        "Session Affinity:         None",
        "External Traffic Policy:  Cluster",
        "Internal Traffic Policy:  Cluster",
        "Events:                   <none>",
      ],
    },
    {
      name: "an EndpointSlice with a ready and a not-ready endpoint",
      got: () => describeEndpointSlice(slice as never, undefined, NOW),
      want: [
        "Name:         web-abc",
        "Namespace:    default",
        "Labels:       kubernetes.io/service-name=web",
        "Annotations:  <none>",
        "AddressType:  IPv4",
        "Ports:",
        "  Name     Port  Protocol",
        "  ----     ----  --------",
        "  <unset>  8080  TCP",
        "Endpoints:",
        "  - Addresses:  10.244.0.5",
        "    Conditions:",
        "      Ready:    true",
        "    Hostname:   <unset>",
        "    TargetRef:  Pod/web-1",
        "    NodeName:   zone-a-1",
        "    Zone:       a",
        "  - Addresses:  10.244.1.5",
        "    Conditions:",
        "      Ready:    false",
        "    Hostname:   <unset>",
        "    TargetRef:  Pod/web-2",
        "    NodeName:   zone-b-1",
        "    Zone:       b",
      ],
    },
    {
      name: "Endpoints with ready and not-ready addresses",
      got: () => describeEndpoints({ metadata: { name: "web", namespace: "default" }, subsets: [{ addresses: [{ ip: "10.244.0.5" }], notReadyAddresses: [{ ip: "10.244.1.5" }], ports: [{ port: 8080, protocol: "TCP" }] }] } as never, [], NOW),
      want: [
        "Name:         web",
        "Namespace:    default",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Subsets:",
        "  Addresses:          10.244.0.5",
        "  NotReadyAddresses:  10.244.1.5",
        "  Ports:",
        "    Name     Port  Protocol",
        "    ----     ----  --------",
        "    <unset>  8080  TCP",
        "",
        "Events:  <none>",
      ],
    },
    {
      name: "an Ingress whose second backend Service is missing",
      got: () => describeIngress({ metadata: { name: "web", namespace: "default" }, spec: { ingressClassName: "nginx", rules: [{ host: "example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }, { path: "/api", pathType: "Prefix", backend: { service: { name: "api", port: { number: 80 } } } }] } }] } } as never,
  (n) => (n === "web" ? { service: { spec: { ports: [{ port: 80 }] } } as never, slices: [slice as never] } : { slices: [] }), [], NOW),
      want: [
        "Name:             web",
        "Labels:           <none>",
        "Namespace:        default",
        "Address:          ",
        "Ingress Class:    nginx",
        "Default backend:  <default>",
        "Rules:",
        "  Host         Path  Backends",
        "  ----         ----  --------",
        "  example.com  ",
        "               /      web:80 (10.244.0.5:8080)",
        "               /api   api:80 (<error: services \"api\" not found>)",
        "Annotations:   <none>",
        "Events:        <none>",
      ],
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(text(want));
  });
});
