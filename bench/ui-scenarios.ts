/** Scenarios of the UI benchmarks: a Deployment of n small pods behind a Service, on enough nodes. */

export function deploymentScenario(replicas: number, nodesPerZone: number): string {
  return `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: bench-${replicas}}
spec:
  seed: 1
  cluster: {zones: [a, b, c], nodesPerZone: ${nodesPerZone}, node: {cpu: "64", memory: 256Gi, pods: 110}}
  actions:
    - at: 40s
      kubectl: "set image deployment/web web=nginx:1.28"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
          resources: {requests: {cpu: 50m, memory: 64Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;
}
