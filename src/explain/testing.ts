/**
 * Scenarios the explanation tests share. PRESSURE: a 1 GiB node whose "hog" pod leaks 300 MiB a
 * minute past its 100 MiB request until the kubelet evicts it for memory pressure; beside it a
 * Guaranteed pod within its limits ("steady") and a BestEffort one ("be").
 */
export const PRESSURE = `
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {capacity: {cpu: "4", memory: 1Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: hog, annotations: {sim.kubeplay.dev/memory: "100Mi+300Mi/m"}}
spec: {nodeName: n1, containers: [{name: app, image: nginx, resources: {requests: {memory: 100Mi}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: steady, annotations: {sim.kubeplay.dev/memory: "200Mi"}}
spec: {nodeName: n1, containers: [{name: app, image: nginx, resources: {requests: {memory: 300Mi, cpu: 100m}, limits: {memory: 300Mi, cpu: 100m}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: be, annotations: {sim.kubeplay.dev/memory: "150Mi"}}
spec: {nodeName: n1, containers: [{name: app, image: nginx}]}
`;
