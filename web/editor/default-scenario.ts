/**
 * The starter scenario, opened on a first visit: two nginx Pods placed by hand (spec.nodeName) on
 * nodes of the default cluster, which has one node per zone: zone-a-1, zone-b-1 and zone-c-1.
 * Its comments are the first instructions a learner reads, wrapped for a narrow editor column.
 */
export const DEFAULT_SCENARIO = `# Welcome to Kubeplay!
# Two nginx Pods, each placed by hand on a node
# of the default cluster (zone-a-1, zone-b-1,
# zone-c-1). Press Play (Space) and watch each
# node's kubelet pull the image and start the
# container, or Step (→) one event at a time.
# Edit the YAML and Apply (Ctrl+Enter): changes
# reach the running cluster like kubectl apply.
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels:
    app: web
spec:
  nodeName: zone-a-1
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web-2
  labels:
    app: web
spec:
  nodeName: zone-b-1
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;
