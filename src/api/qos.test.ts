import { describe, expect, it } from "vitest";
import type { Container } from "kubernetes-types/core/v1";
import { podQOSClass } from "./qos";

type R = Record<string, string>;
const c = (requests?: R, limits?: R): Container => ({ name: "c", resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });
const pod = (containers: Container[], initContainers: Container[] = []) => ({ spec: { containers, initContainers } });

// Cases after upstream pkg/apis/core/v1/helper/qos/qos_test.go TestGetPodQOS (own data).
describe("podQOSClass", () => {
  it.each([
    ["no requests or limits", pod([c()]), "BestEffort"],
    ["only non-compute resources", pod([c({ "nvidia.com/gpu": "1" }, { "nvidia.com/gpu": "1" })]), "BestEffort"],
    ["zero requests", pod([c({ cpu: "0", memory: "0" })]), "BestEffort"],
    ["requests equal limits on every container", pod([c({ cpu: "100m", memory: "100Mi" }, { cpu: "100m", memory: "100Mi" }), c({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })]), "Guaranteed"],
    ["equal in other units", pod([c({ cpu: "0.1", memory: "1Gi" }, { cpu: "100m", memory: "1024Mi" })]), "Guaranteed"],
    ["a container without a memory limit", pod([c({ cpu: "100m", memory: "100Mi" }, { cpu: "100m" })]), "Burstable"],
    ["requests below limits", pod([c({ cpu: "100m", memory: "100Mi" }, { cpu: "200m", memory: "100Mi" })]), "Burstable"],
    ["one guaranteed, one best-effort container", pod([c({ cpu: "100m", memory: "100Mi" }, { cpu: "100m", memory: "100Mi" }), c()]), "Burstable"],
    ["only a cpu request", pod([c({ cpu: "100m" })]), "Burstable"],
    ["only limits (requests defaulted elsewhere)", pod([c(undefined, { cpu: "100m", memory: "100Mi" })]), "Burstable"],
    ["init container without limits", pod([c({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })], [c()]), "Burstable"],
    ["init container guaranteed too", pod([c({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })], [c({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })]), "Guaranteed"],
    ["best-effort app, burstable init", pod([c()], [c({ memory: "10Mi" })]), "Burstable"],
  ])("%s → %s", (_name, p, want) => {
    expect(podQOSClass(p)).toBe(want);
  });
});
