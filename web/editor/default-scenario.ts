/**
 * The scenario the playground opens with: two nginx Pods placed by hand (spec.nodeName) on nodes
 * of the default cluster, which has one node per zone: zone-a-1, zone-b-1 and zone-c-1.
 */
export const DEFAULT_SCENARIO = `# Two nginx Pods, each placed by hand on a node of the default
# cluster (zone-a-1, zone-b-1, zone-c-1). Press Play and watch
# each node's kubelet pull the image and start the container.
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
