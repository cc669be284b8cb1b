import { describe, expect, it } from "vitest";
import type { Kind, Stored } from "../../../src/api/types";
import { commandOf, menuItems, parseTaint, type MenuItem } from "./menu";

const stored = <K extends Kind>(kind: K, o: object): Stored<K> => ({ kind, metadata: { name: "x", uid: "u" }, ...o }) as unknown as Stored<K>;

/** Each item as "id: kubectl line" (or the action / prompt it runs). */
function lines(items: MenuItem[]): string[] {
  return items.map((i) => `${i.id}: ${commandOf(i) ?? (i.run.type === "action" ? JSON.stringify(i.run.action) : `prompt ${i.run.type === "prompt" ? i.run.initial : ""}`)}`);
}

describe("menuItems", () => {
  it("offers a node's machine, scheduling and taints, with the kubectl each runs", () => {
    const node = stored("Node", { metadata: { name: "zone-a-1", uid: "n" }, spec: { taints: [{ key: "gpu", value: "true", effect: "NoSchedule" }] } });
    expect(lines(menuItems({ kind: "Node", name: "zone-a-1" }, node))).toEqual([
      'node-down: {"type":"node","name":"zone-a-1","state":"Down"}',
      'node-up: {"type":"node","name":"zone-a-1","state":"Up"}',
      "cordon: kubectl cordon zone-a-1",
      "drain: kubectl drain zone-a-1 --ignore-daemonsets --delete-emptydir-data",
      "taint: prompt dedicated=demo:NoSchedule",
      "untaint-gpu-NoSchedule: kubectl taint nodes zone-a-1 gpu:NoSchedule-",
    ]);
  });

  it("offers uncordon on a cordoned node", () => {
    const node = stored("Node", { metadata: { name: "n1", uid: "n" }, spec: { unschedulable: true } });
    expect(lines(menuItems({ kind: "Node", name: "n1" }, node))).toContain("uncordon: kubectl uncordon n1");
  });

  it.each([
    ["the liveness tutorial", { containers: [{ name: "liveness", image: "busybox", livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] } } }] }, [
      "delete: kubectl delete pod/web",
      "break-liveness-liveness: kubectl exec web -- rm -f /tmp/healthy",
      "heal-liveness-liveness: kubectl exec web -- touch /tmp/healthy",
    ]],
    ["nginx behind a readiness probe, two containers", { containers: [
      { name: "web", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 } } },
      { name: "log", image: "busybox" },
    ] }, [
      "delete: kubectl delete pod/web",
      "break-web-readiness: kubectl exec web -c web -- rm -f /usr/share/nginx/html/index.html",
      "heal-web-readiness: kubectl exec web -c web -- touch /usr/share/nginx/html/index.html",
    ]],
    ["no probe", { containers: [{ name: "app", image: "busybox" }] }, ["delete: kubectl delete pod/web"]],
  ])("offers a pod's delete and the probes it can break: %s", (_name, spec, want) => {
    const pod = stored("Pod", { metadata: { name: "web", namespace: "default", uid: "p" }, spec });
    expect(lines(menuItems({ kind: "Pod", namespace: "default", name: "web" }, pod))).toEqual(want);
  });

  it("names a pod outside the default namespace with -n", () => {
    const pod = stored("Pod", { metadata: { name: "api", namespace: "team", uid: "p" }, spec: { containers: [{ name: "c", image: "busybox", livenessProbe: { exec: { command: ["cat", "/tmp/ok"] } } }] } });
    expect(lines(menuItems({ kind: "Pod", namespace: "team", name: "api" }, pod)).slice(0, 2)).toEqual([
      "delete: kubectl delete pod/api -n team",
      "break-c-liveness: kubectl exec api -n team -- rm -f /tmp/ok",
    ]);
  });

  it("offers a Deployment's scale, image, rollout and delete", () => {
    const d = stored("Deployment", { metadata: { name: "web", namespace: "default", uid: "d" }, spec: { replicas: 3, template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } } });
    expect(lines(menuItems({ kind: "Deployment", namespace: "default", name: "web" }, d))).toEqual([
      "scale-up: kubectl scale deployment/web --replicas=4",
      "scale-down: kubectl scale deployment/web --replicas=2",
      "scale: prompt 3",
      "set-image: prompt web=nginx:1.27",
      "rollout-restart: kubectl rollout restart deployment/web",
      "rollout-undo: kubectl rollout undo deployment/web",
      "delete: kubectl delete deployment/web",
    ]);
  });

  it("does not scale below zero", () => {
    const rs = stored("ReplicaSet", { metadata: { name: "web-1", namespace: "default", uid: "r" }, spec: { replicas: 0 } });
    expect(lines(menuItems({ kind: "ReplicaSet", namespace: "default", name: "web-1" }, rs))).toEqual([
      "scale-up: kubectl scale replicaset/web-1 --replicas=1",
      "scale: prompt 0",
      "delete: kubectl delete replicaset/web-1",
    ]);
  });

  it.each([
    ["scale", "5", { command: "scale deployment/web --replicas=5" }],
    ["scale", "-1", { error: "menu.scaleInvalid" }],
    ["scale", "two", { error: "menu.scaleInvalid" }],
    ["set-image", "web=nginx:1.28", { command: "set image deployment/web web=nginx:1.28" }],
    ["set-image", "nginx:1.28", { error: "menu.setImageInvalid" }],
  ])("builds the %s command from %j", (id, input, want) => {
    const d = stored("Deployment", { metadata: { name: "web", namespace: "default", uid: "d" }, spec: { replicas: 3, template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } } });
    const item = menuItems({ kind: "Deployment", namespace: "default", name: "web" }, d).find((i) => i.id === id)!;
    expect(item.run.type === "prompt" && item.run.build(input)).toEqual(want);
  });

  it("builds the taint command, refusing what kubectl taint would", () => {
    const item = menuItems({ kind: "Node", name: "n1" }, undefined).find((i) => i.id === "taint")!;
    const build = (s: string) => (item.run.type === "prompt" ? item.run.build(s) : undefined);
    expect(build("dedicated=demo:NoSchedule")).toEqual({ command: "taint nodes n1 dedicated=demo:NoSchedule" });
    expect(build("gpu:NoExecute")).toEqual({ command: "taint nodes n1 gpu:NoExecute" });
    expect(build("gpu=true")).toEqual({ error: "menu.taintInvalid" });
    expect(build("gpu=true:Sometimes")).toEqual({ error: "menu.taintInvalid" });
  });

  it.each([
    ["a=b:NoSchedule", { key: "a", value: "b", effect: "NoSchedule" }],
    ["example.com/a:PreferNoSchedule", { key: "example.com/a", effect: "PreferNoSchedule" }],
    ["a=b", undefined],
    ["=b:NoSchedule", undefined],
  ])("parseTaint(%j)", (text, want) => {
    expect(parseTaint(text)).toEqual(want);
  });
});
